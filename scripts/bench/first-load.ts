// What a phone downloads the first time it opens a page, cache empty: the
// page as sent, and every stylesheet, script and font it links (fonts found in
// the stylesheets too), each as the server sends it for the same
// Accept-Encoding. The portal's budget is 100 KB with JavaScript on and 60 KB
// with it off; pages send no framework script, so both are this figure.
import http from "node:http";

function fetchBytes(url: string, headers: Record<string, string>): Promise<{ wire: number; text: string | null }> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const plain = !response.headers["content-encoding"];
        const css = String(response.headers["content-type"] ?? "").includes("text/css");
        resolve({ wire: body.length, text: plain && css ? body.toString("utf8") : null });
      });
      response.on("error", () => resolve({ wire: 0, text: null }));
    });
    request.on("error", () => resolve({ wire: 0, text: null }));
  });
}

const LINKED = /<(?:link[^>]+rel="(?:stylesheet|preload|modulepreload|icon)"[^>]*href|script[^>]+src)="([^"]+)"/g;
const CSS_URL = /url\(["']?([^"')]+)["']?\)/g;

/** Bytes on the wire of the page's own answer plus everything it links; `pageWireBytes` as already measured. */
export async function firstLoadBytes(pageUrl: string, html: string, pageWireBytes: number, headers: Record<string, string>): Promise<number> {
  const seen = new Set<string>();
  const urls: string[] = [];
  const add = (href: string, base: string) => {
    const url = new URL(href.replace(/&amp;/g, "&"), base).href;
    if (!seen.has(url) && url.startsWith(new URL(pageUrl).origin)) {
      seen.add(url);
      urls.push(url);
    }
  };
  for (const m of html.matchAll(LINKED)) add(m[1]!, pageUrl);
  const assetHeaders = { "accept-encoding": headers["accept-encoding"] ?? "" };
  let total = pageWireBytes;
  for (let i = 0; i < urls.length; i++) {
    const { wire } = await fetchBytes(urls[i]!, assetHeaders);
    total += wire;
    if (urls[i]!.endsWith(".css")) {
      // Fonts are named in the stylesheet: read it once uncompressed to find them.
      const { text } = await fetchBytes(urls[i]!, {});
      // A browser takes one format of each face: the first of each src list (woff2).
      for (const face of (text ?? "").split("@font-face").slice(1)) {
        const first = [...face.matchAll(CSS_URL)][0];
        if (first) add(first[1]!, urls[i]!);
      }
    }
  }
  return total;
}
