// With a script, the grade sheet adds up the bags and gross kg as they are
// typed (app/enhance.js); without one the total stays hidden and the "check
// the totals" button gives it from the server.
import { demo, expect, signInQuickly, test, type Lang } from "./fixtures";

async function activeDeliveriesPage(page: import("@playwright/test").Page) {
  await page.goto("/contracts");
  const links = await page
    .locator('a[href^="/contracts/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!).filter((h) => /^\/contracts\/[^/]+$/.test(h)))]);
  for (const href of links) {
    await page.goto(`${href}/deliveries`);
    if (await page.locator('input[name="lot.0.bags"]').count()) return;
  }
  throw new Error("no contract in force with a grade sheet among the demo contracts");
}

for (const [lang, expected] of [
  ["lo", "ມາຮອດນີ້: 25 ກະສອບ, ນ້ຳໜັກລວມ 1.500 ກິໂລ"],
  ["en", "So far: 25 bags, 1,500 kg gross"],
] as const satisfies readonly (readonly [Lang, string])[]) {
  test(`[${lang}] the grade sheet's running total follows what is typed`, async ({ page }) => {
    await signInQuickly(page, demo.leader.email, { lang });
    await activeDeliveriesPage(page);
    const total = page.locator("[data-running-total-output]");
    await expect(total).toBeHidden();
    await page.locator('input[name="lot.0.bags"]').fill("20");
    await page.locator('input[name="lot.0.grossKg"]').fill("1002");
    await page.locator('input[name="lot.1.bags"]').fill("5");
    await page.locator('input[name="lot.1.grossKg"]').fill("498");
    await expect(total).toHaveText(expected);
    // Not a number: not counted.
    await page.locator('input[name="lot.2.grossKg"]').fill("abc");
    await expect(total).toHaveText(expected);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the running total stays hidden", async ({ page }) => {
    await signInQuickly(page, demo.leader.email, { lang: "en" });
    await activeDeliveriesPage(page);
    await page.locator('input[name="lot.0.grossKg"]').fill("1002");
    await expect(page.locator("[data-running-total-output]")).toBeHidden();
  });
});
