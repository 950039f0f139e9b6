/**
 * A button that prints the page. Printing needs the browser's script, so it is
 * hidden until the page's script (app/enhance.js) shows it; without a script
 * the browser's own print menu does the same.
 */
export function PrintButton({ label, className = "no-print text-brand-700 underline" }: { label: string; className?: string }) {
  return (
    <button type="button" data-print="" hidden className={className}>
      {label}
    </button>
  );
}
