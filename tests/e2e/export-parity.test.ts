// A trader offers at export parity with a floor, and the FO sees those terms
// where it compares offers and in the contract: on a 360 px phone, in Lao,
// with JavaScript off and on. A missing term is said next to its field and
// nothing is sent.
import type { Page } from "@playwright/test";
import { formatLak } from "../../app/utils/format";
import { acceptOffer, actor, demo, expect, fmt, publishListing, signInQuickly, test, texts, uniqueTag, waitForHydration } from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const PHONE = { width: 360, height: 780 };
const MARKET = "Thai MOC feed corn, Bangkok";

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("a trader offers at export parity with a floor and the FO reads the terms on the comparison and in the contract", async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const lang = "lo";
      const t = texts(lang);
      const O = t.offers;
      const parity = fmt(O.terms.exportParityValue, {
        market: MARKET,
        currency: "THB",
        rateSource: O.rateSources.commercial_bank,
        margin: formatLak(900, lang),
      });

      await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
      const listing = await publishListing(page, lang, {
        crop: maize,
        grade: grade2,
        district: beng,
        kgs: [700 + Math.floor(Math.random() * 300), 520],
        askingPrice: 3300,
        notes: `E2E parity ${uniqueTag()}`,
      });

      // --- The trader chooses the template and states its terms ---------------------
      const namko = await actor(browser, baseURL, demo.trader.email, lang, listing.path, { javaScriptEnabled, viewport: PHONE });
      await namko.getByRole("link", { name: t.listings.detail.makeOffer, exact: true }).click();
      await waitForHydration(namko);
      const field = (label: string) => namko.getByLabel(label, { exact: true });
      await field(O.form.templateCode).selectOption({ label: O.templates.export_parity });
      await field(O.form.floorPriceLakPerKg).fill("3000");
      await field(O.form.exportRateSourceKind).selectOption({ label: O.rateSources.commercial_bank });
      await field(O.form.exportMarginLakPerKg).fill("900");
      await expectNoSidewaysScroll(namko);
      // Without the market, nothing is sent and the field says why.
      await namko.getByRole("button", { name: O.form.submit, exact: true }).click();
      await expect(field(O.form.exportMarket)).toHaveAttribute("aria-invalid", "true");
      await expect(field(O.form.exportMarket)).toHaveAccessibleDescription(new RegExp(O.errors.exportRequired.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      await expect(namko).toHaveURL(`${listing.path}/offers/new`);
      await expect(field(O.form.exportMarginLakPerKg)).toHaveValue("900");
      await field(O.form.exportMarket).fill(MARKET);
      await expect(field(O.form.exportCurrency)).toHaveValue("THB");
      await namko.getByRole("button", { name: O.form.submit, exact: true }).click();
      await expect(namko).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
      const offerPath = new URL(namko.url()).pathname;
      await expect(namko.getByText(O.templates.export_parity, { exact: true })).toBeVisible();
      await expect(namko.getByText(parity, { exact: true })).toBeVisible();
      await namko.context().close();

      // --- The FO compares: ranked on the floor, the export terms beside ------------
      await page.goto(`${listing.path}/offers`);
      const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.trader.company }) });
      await expect(row).toContainText(`${O.terms.exportParity}: ${parity}`);
      await expect(row).toContainText(fmt(t.compare.floorRanked, { floor: formatLak(3000, lang) }));
      await expectNoSidewaysScroll(page);

      // --- Accepted, the contract states the rule in Lao ------------------------------
      await acceptOffer(page, lang, offerPath);
      await page.getByRole("link", { name: new RegExp(`^${fmt(O.detail.openContract, { number: "" })}`) }).click();
      await expect(page).toHaveURL(/\/contracts\/[^/?#]+$/);
      await expect(page.getByText(/ລາຄາທຽບເທົ່າສົ່ງອອກ ໃນມື້ສົ່ງຜົນຜະລິດ: ລາຄາທີ່ Thai MOC feed corn, Bangkok ເປັນ THB × ອັດຕາຂອງທະນາຄານທຸລະກິດ/).first()).toBeVisible();
      await expect(page.locator("body")).toContainText("ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງ = ລາຄາອ້າງອີງສົ່ງອອກ × ອັດຕາແລກປ່ຽນ − ສ່ວນຫັກ");
      await expectNoSidewaysScroll(page);
    });
  });
}
