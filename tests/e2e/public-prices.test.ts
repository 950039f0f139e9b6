// The price board on a signed-out phone: 360 px, Lao, JavaScript off and on.
// From the home page to the board, the maize export parity worked line by line
// (the demo's Thai feed-corn reference at the central bank's and a commercial
// bank's rate), its SMS text, no party named, and a public cache header.
import { demo, expect, fmt, signIn, test, texts } from "./fixtures";
import type { Page } from "@playwright/test";

const WIDTH = 360;
const maize = "ສາລີ (ເມັດ)";
const t = texts("lo");
const P = t.priceboard;

async function expectFitsScreen(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `scroll width of ${page.url()}`).toBeLessThanOrEqual(WIDTH);
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: WIDTH, height: 740 } });

    test("a signed-out visitor finds the price board from the home page and sees maize's export parity", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: t.common.nav.menu }).getByRole("link", { name: t.common.nav.prices, exact: true })).toBeVisible();
      await page.getByRole("link", { name: t.common.home.pricesLink, exact: true }).click();
      await expect(page).toHaveURL(/\/prices$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(P.title);
      await page.getByLabel(P.filters.crop, { exact: true }).selectOption({ label: maize });
      await page.getByRole("button", { name: P.filters.apply, exact: true }).click();
      await expect(page).toHaveURL(/\/prices\?.*crop=/);

      const parity = page.getByRole("region", { name: P.parity.title });
      await expect(parity).toBeVisible();
      const baht = P.parity.currencies.THB;
      await expect(parity).toContainText(fmt(P.parity.reference, { price: "9,85", currency: baht, market: "Thai feed corn, farm and silo price" }));
      await expect(parity).toContainText(fmt(P.parity.moisture, { moisture: "14,5 %" }));
      await expect(parity).toContainText("Thai Ministry of Commerce, Department of Internal Trade");
      const central = parity.getByRole("list", { name: fmt(P.parity.rate, { kind: P.parity.kinds.bol_reference, rate: "683,50", currency: baht }) });
      await expect(central).toContainText("Bank of the Lao PDR reference rate");
      await expect(central).toContainText(fmt(P.parity.gross, { price: "9,85", currency: baht, rate: "683,50", gross: "6.732" }));
      await expect(central).toContainText(fmt(P.parity.net, { gross: "6.732", margin: "2.800", net: "3.932" }));
      await expect(central).toContainText(fmt(P.parity.result, { net: "3.932" }));
      // 985 × 67,900 / 10,000 = 6,688.15 → 6,688; − 2,800 = 3,888
      const bank = parity.getByRole("list", { name: fmt(P.parity.rate, { kind: P.parity.kinds.commercial_bank, rate: "679,00", currency: baht }) });
      await expect(bank).toContainText("BCEL buying rate");
      await expect(bank).toContainText(fmt(P.parity.result, { net: "3.888" }));
      await expect(parity).toContainText(P.parity.rounding);

      const sms = page.getByRole("region", { name: P.text.title });
      const text = (await sms.locator("[data-sms-text]").textContent()) ?? "";
      expect(text.startsWith(`ລາຄາ${maize} ${P.text.allDistricts} `)).toBe(true);
      expect(text).toContain("ສົ່ງອອກ 3.932 ກີບ/ກິໂລ");
      expect(text.length).toBeLessThanOrEqual(70);

      // Contract prices are figures only: no demo trader, FO or contract number is on the page.
      const html = await page.content();
      for (const name of [demo.trader.company, demo.trader3.company, demo.leader.verifiedFo.lo, demo.leader.verifiedFo.en]) expect(html).not.toContain(name);
      expect(html).not.toMatch(/href="\/(listings|contracts|companies|organisations)\//);
      await expectFitsScreen(page);

      await sms.getByRole("link", { name: P.public.textLink }).click();
      await expect(page.locator("body")).toHaveText(text);
    });

    test("the board is cached publicly only for a signed-out reader", async ({ page }) => {
      const anonymous = await page.goto("/prices");
      expect(anonymous!.headers()["cache-control"]).toBe("public, max-age=300");
      await signIn(page, demo.trader.email, undefined, { lang: "lo" });
      const signedIn = await page.goto("/prices");
      expect(signedIn!.headers()["cache-control"]).toBe("private, no-store");
    });
  });
}

test.describe("a facilitator on a phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: WIDTH, height: 740 } });

  test("records an exchange rate, refuses a bad figure in Lao, and the board converts at it", async ({ page }) => {
    await signIn(page, demo.facilitator.email, undefined, { lang: "lo" });
    await page.goto("/prices");
    await page.getByRole("link", { name: P.public.enterExport }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(P.exportEntry.title);
    const form = page.getByRole("region", { name: P.exportEntry.rate.title });
    await form.getByLabel(P.exportEntry.rate.currency, { exact: true }).selectOption("CNY");
    await form.getByLabel(P.exportEntry.rate.rate, { exact: true }).fill("3050.755");
    await form.getByLabel(P.exportEntry.rate.sourceKind, { exact: true }).selectOption("commercial_bank");
    await form.getByLabel(P.exportEntry.rate.source, { exact: true }).fill("Lao Development Bank buying rate");
    await form.getByRole("button", { name: P.exportEntry.rate.submit }).click();
    await expect(page.getByRole("region", { name: P.exportEntry.rate.title }).getByText(P.exportEntry.errors.decimal)).toBeVisible();
    await page.getByRole("region", { name: P.exportEntry.rate.title }).getByLabel(P.exportEntry.rate.rate, { exact: true }).fill("3050.75");
    await page.getByRole("region", { name: P.exportEntry.rate.title }).getByRole("button", { name: P.exportEntry.rate.submit }).click();
    await expect(page.getByText(P.exportEntry.saved)).toBeVisible();
    await expectFitsScreen(page);

    await page.getByRole("link", { name: P.exportEntry.back }).click();
    const filters = page.getByRole("form", { name: P.filters.legend });
    await filters.getByLabel(P.filters.crop, { exact: true }).selectOption({ label: "ເດືອຍ" });
    await filters.getByRole("button", { name: P.filters.apply, exact: true }).click();
    // 3.20 CNY × 3,050.75 = 9,762.4 → 9,762; − 2,200 = 7,562
    const yuan = P.parity.currencies.CNY;
    const bank = page.getByRole("list", { name: fmt(P.parity.rate, { kind: P.parity.kinds.commercial_bank, rate: "3.050,75", currency: yuan }) });
    await expect(bank).toContainText("Lao Development Bank buying rate");
    await expect(bank).toContainText(fmt(P.parity.gross, { price: "3,20", currency: yuan, rate: "3.050,75", gross: "9.762" }));
    await expect(bank).toContainText(fmt(P.parity.result, { net: "7.562" }));
  });
});
