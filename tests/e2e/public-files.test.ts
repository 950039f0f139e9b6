// public/: the icon, robots.txt and the web app manifest, served by the
// production server from the build with a day-scale cache, and linked from
// every page's head.
import { expect, test } from "./fixtures";

const files = [
  { path: "/favicon.svg", type: "image/svg+xml" },
  { path: "/icon-192.png", type: "image/png" },
  { path: "/icon-512.png", type: "image/png" },
  { path: "/robots.txt", type: "text/plain; charset=utf-8" },
  { path: "/manifest.webmanifest", type: "application/manifest+json" },
];

test("the public files are served with their type and a cache lifetime", async ({ request }) => {
  for (const file of files) {
    const response = await request.get(file.path);
    expect(response.status(), file.path).toBe(200);
    expect(response.headers()["content-type"], file.path).toBe(file.type);
    expect(response.headers()["cache-control"], file.path).toMatch(/^public, max-age=\d+/);
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/", lang: "lo" });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Allow: /prices");
  expect(robots).toContain("Disallow: /");
});

test("every page links the icon and the manifest", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
