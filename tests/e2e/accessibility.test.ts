// Every page each role can reach, in Lao and in English, checked with axe-core:
// no serious or critical violation. The pages are found by following the links
// of the role's own pages, so a page added later is checked without being listed.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demo, expect, signInQuickly, test, type Lang } from "./fixtures";

// Links that change state, download a file or leave the portal's pages.
const SKIP = [
  /^\/logout/,
  /^\/language/,
  /^\/reports\/export/,
  /^\/contracts\/[^/]+\/payout\/export/,
  /^\/prices\/text/,
  /^\/healthz/,
  /\.(csv|pdf|png|svg|ico|webmanifest|txt)$/,
];
const MAX_PAGES = 45;

/** One page per route: ids become ":id" and the query string is dropped. */
function routeOf(path: string): string {
  return path
    .split("?")[0]!
    .split("/")
    .map((segment) => (/\d/.test(segment) && segment.length >= 6 ? ":id" : segment))
    .join("/");
}

type Violation = { page: string; rule: string; impact: string; nodes: string[] };

async function violationsOf(page: Page, path: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ page: path, rule: v.id, impact: v.impact ?? "", nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

/** Visits `start` and the pages its links lead to, one per route, and returns what axe finds. */
async function crawl(page: Page, start: string[]): Promise<{ visited: string[]; violations: Violation[] }> {
  const queue = [...start];
  const seen = new Set<string>();
  const visited: string[] = [];
  const violations: Violation[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const path = queue.shift()!;
    const route = routeOf(path);
    if (seen.has(route) || SKIP.some((re) => re.test(path))) continue;
    seen.add(route);
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || new URL(page.url()).pathname !== path.split("?")[0]) continue;
    visited.push(route);
    violations.push(...(await violationsOf(page, path)));
    const links = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const href of links) {
      const clean = href.split("#")[0]!;
      if (clean && !seen.has(routeOf(clean))) queue.push(clean);
    }
  }
  return { visited, violations };
}

const roles = [
  { name: "leader", email: demo.leader.email, start: ["/fo", "/listings/mine", "/contracts", "/inbox"] },
  { name: "trader", email: demo.trader.email, start: ["/trader", "/listings", "/contracts", "/prices"] },
  { name: "facilitator", email: demo.facilitator.email, start: ["/facilitator", "/reports", "/templates", "/facilitator/verification"] },
  { name: "administrator", email: demo.admin.email, start: ["/admin"] },
] as const;

for (const lang of ["lo", "en"] as Lang[]) {
  for (const role of roles) {
    test(`no serious or critical accessibility violation on the ${role.name}'s pages (${lang})`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: 360, height: 780 });
      await signInQuickly(page, role.email, { lang, path: role.start[0] });
      const { visited, violations } = await crawl(page, [...role.start]);
      expect(visited.length, `pages reached: ${visited.join(", ")}`).toBeGreaterThan(role.name === "administrator" ? 1 : 5);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    });
  }

  test(`no serious or critical accessibility violation on the public pages (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/login");
    if (lang === "en") {
      await page.getByRole("button", { name: "English", exact: true }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    const { visited, violations } = await crawl(page, ["/", "/login", "/register", "/account/reset", "/prices", "/verify"]);
    expect(visited.length).toBeGreaterThan(4);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });
}
