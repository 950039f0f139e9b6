// A trader's irreversible steps on a small phone in Lao, with and without
// JavaScript: accepting the FO's counter-offer (the FO can then contract at
// once) and withdrawing the offer each go through a confirmation that says so,
// and "No" changes nothing.
import type { Browser, Page } from "@playwright/test";
import { formatKg, formatLak } from "../../app/utils/format";
import { actor, demo, expect, fmt, publishListing, sendOffer, test, texts, uniqueTag } from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const phone = { width: 360, height: 780 };
const t = texts("lo");
const O = t.offers;
const perKg = (lak: number) => `${formatLak(lak, "lo")}/${t.common.units.kg}`;

for (const javaScriptEnabled of [false, true]) {
  test(`[lo] JavaScript ${javaScriptEnabled ? "on" : "off"}: a trader accepts the FO's counter-offer and withdraws the offer only through their confirmations`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const options = { javaScriptEnabled, locale: "lo-LA", viewport: phone };
    const open = (b: Browser, email: string, path: string) => actor(b, baseURL, email, "lo", path, options);
    const pages: Page[] = [];
    try {
      const kg = 900 + Math.floor(Math.random() * 400);
      const leader = await open(browser, demo.leader.email, "/fo");
      pages.push(leader);
      const listing = await publishListing(leader, "lo", {
        crop: maize,
        grade: grade2,
        district: beng,
        kgs: [kg],
        askingPrice: 3100,
        notes: `E2E trader confirmations ${uniqueTag()}`,
      });
      const trader = await open(browser, demo.trader.email, listing.path);
      pages.push(trader);
      const offerPath = await sendOffer(trader, "lo", listing);

      // The FO counters at 3,250 LAK.
      await leader.goto(`${offerPath}/respond`);
      await leader.getByLabel(O.form.priceLakPerKg, { exact: true }).fill("3250");
      await leader.getByRole("button", { name: O.form.submitCounter, exact: true }).click();
      await expect(leader).toHaveURL(`${offerPath}?done=countered`);

      // --- Accepting the counter: a link to the confirmation, which says what follows
      await trader.goto(offerPath);
      await expect(trader.getByText(O.status.countered, { exact: true })).toBeVisible();
      await expect(trader.getByRole("button", { name: O.detail.acceptCounter })).toHaveCount(0);
      await trader.getByRole("link", { name: O.detail.acceptCounter, exact: true }).click();
      await expect(trader).toHaveURL(`${offerPath}?confirm=acceptCounter#confirm`);
      const counter = trader.getByRole("region", { name: O.detail.confirmCounterTitle });
      await expect(counter).toContainText(
        fmt(O.detail.confirmCounterText, { organisation: demo.leader.verifiedFo.lo, price: perKg(3250), kg: formatKg(kg, "lo") }),
      );
      await expect(counter).toContainText(O.detail.cannotUndo);
      const box = await counter.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(phone.width);
      await counter.getByRole("link", { name: O.detail.keepOffer, exact: true }).click();
      await expect(trader).toHaveURL(offerPath);
      await expect(trader.getByText(O.status.countered, { exact: true })).toBeVisible();
      await trader.getByRole("link", { name: O.detail.acceptCounter, exact: true }).click();
      await trader.getByRole("button", { name: O.detail.confirmCounterYes, exact: true }).click();
      await expect(trader.getByRole("status").filter({ hasText: O.detail.counterAccepted })).toBeVisible();
      await expect(trader.getByText(O.status.submitted, { exact: true })).toBeVisible();

      // --- Withdrawing: the same, and only "Yes" withdraws
      await trader.goto(offerPath);
      await trader.getByRole("link", { name: O.detail.withdraw, exact: true }).click();
      await expect(trader).toHaveURL(`${offerPath}?confirm=withdraw#confirm`);
      const withdraw = trader.getByRole("region", { name: O.detail.confirmWithdrawTitle });
      await expect(withdraw).toContainText(
        fmt(O.detail.confirmWithdrawText, { organisation: demo.leader.verifiedFo.lo, price: perKg(3250), kg: formatKg(kg, "lo") }),
      );
      await withdraw.getByRole("button", { name: O.detail.confirmWithdrawYes, exact: true }).click();
      await expect(trader.getByRole("status").filter({ hasText: O.detail.withdrawn })).toBeVisible();
      await expect(trader.getByText(O.status.withdrawn, { exact: true })).toBeVisible();
      await expect(trader.getByRole("link", { name: O.detail.withdraw, exact: true })).toHaveCount(0);
    } finally {
      for (const p of pages) await p.context().close();
    }
  });
}
