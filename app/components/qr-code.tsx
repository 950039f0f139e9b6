/**
 * A QR code drawn on the server (see qrCodeSvg in ~/domain/contracts/verify.server):
 * inline SVG, so it prints sharp and needs no JavaScript. The SVG carries its
 * address as a <title>; `svg` must come from that function, never from user input.
 */
export function QrCode({ svg, className = "" }: { svg: string; className?: string }) {
  return <div className={`bg-white [&>svg]:block [&>svg]:h-auto [&>svg]:w-full ${className}`} dangerouslySetInnerHTML={{ __html: svg }} />;
}
