// Rubber paid on its dry rubber content, in a real browser WITHOUT JavaScript,
// in Lao and in English: the trader's offer starts from the crop's DRC basis
// and step, the contract states them, the FO's leader types each household's
// DRC at the scale (no moisture asked), the grade sheet works out each lot's
// adjustment, the trader confirms, and the payout sheet shows each household's
// own DRC adjustment with totals that add up.
import type { Browser, Page } from "@playwright/test";
import { formatDate, formatKg, formatLak, formatNumber, formatPermilleAsPercent, formatTenths } from "../../app/utils/format";
import { acceptOffer, DEMO_PASSWORD, demo, escapeRegExp, expect, fmt, publishListing, signInQuickly, test, texts, uniqueTag, type Lang } from "./fixtures";

test.use({ javaScriptEnabled: false });

const rubber = { lo: "ຢາງພາລາ (ຢາງກ້ອນ)", en: "Rubber (cup lump)" };
const grade1 = { lo: "ຊັ້ນ 1", en: "Grade 1" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const PRICE = 7000;
const BASIS = 600;
const STEP = 120;

async function phone(browser: Browser, baseURL: string | undefined, email: string, lang: Lang, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "lo-LA", javaScriptEnabled: false });
  const page = await context.newPage();
  await signInQuickly(page, email, { lang, path });
  return page;
}

for (const lang of ["lo", "en"] as const) {
  test(`[${lang}] without JavaScript: a rubber delivery of three lots weighed with their DRC, each household paid its own`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const t = texts(lang);
    const C = t.contracts;
    const D = t.deliveries;
    const O = t.offers;
    const kg = (n: number | bigint) => formatKg(n, lang);
    const lak = (n: number | bigint) => formatLak(n, lang);
    const signed = (n: bigint) => (n < 0n ? `−${lak(-n)}` : lak(n));
    const pct = (permille: number) => formatPermilleAsPercent(permille, lang);
    const typed = (permille: number) => formatTenths(permille, lang).replace(/\s/g, "");
    const today = formatDate(new Date(), lang);

    await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
    const listing = await publishListing(page, lang, {
      crop: rubber,
      grade: grade1,
      district: beng,
      kgs: [300, 400, 300],
      askingPrice: PRICE,
      notes: `E2E DRC ${lang} ${uniqueTag()}`,
    });
    const members = listing.pledges.map((p) => p.name);

    // The trader's offer starts from the crop's DRC basis and step.
    const trader = await phone(browser, baseURL, demo.trader.email, lang, "/trader");
    await trader.goto(listing.path);
    await trader.getByRole("link", { name: t.listings.detail.makeOffer, exact: true }).click();
    await expect(trader.getByLabel(O.form.content.drc.basis, { exact: true })).toHaveValue("60");
    await expect(trader.getByLabel(O.form.content.drc.step, { exact: true })).toHaveValue(String(STEP));
    await trader.getByRole("button", { name: O.form.submit, exact: true }).click();
    await expect(trader).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
    await expect(trader.getByText(fmt(O.terms.contentValue, { basis: pct(BASIS), step: `${lak(STEP)}/${t.common.units.kg}` }), { exact: true })).toBeVisible();
    const offerPath = new URL(trader.url()).pathname;

    await acceptOffer(page, lang, offerPath);
    const openContract = page.getByRole("link", { name: new RegExp(`^${escapeRegExp(O.detail.openContract.split("{{")[0]!)}`) });
    await openContract.click();
    await expect(page).toHaveURL(/\/contracts\/[^/?]+$/);
    const contractPath = new URL(page.url()).pathname;
    await page.getByRole("checkbox", { name: C.sign.confirmRead }).check();
    await page.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: C.sign.submit, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: C.sign.signed })).toBeVisible();
    await trader.goto(contractPath);
    await trader.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
    await trader.getByRole("button", { name: C.sign.submit, exact: true }).click();
    await expect(trader.getByRole("status").filter({ hasText: C.sign.active })).toBeVisible();

    // The grade sheet asks DRC, not moisture.
    const lots = [
      { member: members[0]!, grossKg: 100, drc: 553 },
      { member: members[1]!, grossKg: 300, drc: 625 },
      { member: members[2]!, grossKg: 200, drc: 600 },
    ].map((l) => {
      const adjustment = (BigInt(l.drc - BASIS) * BigInt(STEP) * BigInt(l.grossKg)) / 10n;
      return { ...l, adjustment, amount: BigInt(l.grossKg) * BigInt(PRICE) + adjustment };
    });
    const totalAmount = lots.reduce((s, l) => s + l.amount, 0n);
    await page.goto(`${contractPath}/deliveries`);
    await expect(page.getByText(fmt(D.form.contentHint.drc, { basis: pct(BASIS), step: lak(STEP) }), { exact: true })).toBeVisible();
    await page.getByLabel(D.form.bagGrams, { exact: true }).fill("0");
    await page.getByLabel(D.form.measuredBy, { exact: true }).fill("Buyer's sampler");
    await page.getByLabel(D.form.instrument, { exact: true }).fill("Platform scale; sample dried in the oven");
    for (const [i, l] of lots.entries()) {
      const row = page.getByRole("group", { name: fmt(D.lots.row, { n: formatNumber(i + 1, lang) }), exact: true });
      await expect(row.getByLabel(D.lots.moisture, { exact: true })).toHaveCount(0);
      await row.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(D.lots.member)}`) }).selectOption({ label: l.member });
      await row.getByLabel(D.lots.bags, { exact: true }).fill("4");
      await row.getByLabel(D.lots.grossKg, { exact: true }).fill(String(l.grossKg));
      await row.getByLabel(D.lots.content.drc, { exact: true }).fill(typed(l.drc));
    }
    await page.getByRole("button", { name: D.form.submit, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/deliveries?done=recorded`);

    const delivery = (p: Page) => p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: fmt(D.deliveries.heading, { date: today }) }) });
    const lotRows = delivery(page)
      .getByRole("table", { name: fmt(D.lots.caption, { n: 3 }) })
      .locator("tbody tr");
    await expect(lotRows).toHaveCount(3);
    for (const [i, l] of lots.entries())
      await expect(lotRows.nth(i).getByRole("cell")).toHaveText([
        formatNumber(4, lang),
        kg(l.grossKg),
        pct(l.drc),
        grade1[lang],
        kg(0),
        kg(l.grossKg),
        lak(l.amount),
      ]);
    // The first lot's arithmetic: its DRC below the basis, the step, what it comes to.
    const details = delivery(page)
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: fmt(D.lots.arithmetic, { n: 1, who: lots[0]!.member }) }) });
    await details.locator("summary").click();
    await expect(
      details
        .locator("tbody tr")
        .filter({ hasText: fmt(D.lotLines.content.drc, { measuredPermille: pct(553), basisPermille: pct(BASIS), stepLak: lak(STEP), netKg: kg(100) }) })
        .getByRole("cell")
        .nth(1),
    ).toHaveText(`− ${lak(56_400)}`);

    // The trader confirms; the payout sheet pays each household its own DRC.
    await trader.goto(`${contractPath}/deliveries`);
    await delivery(trader).getByRole("button", { name: D.answer.confirm, exact: true }).click();
    await expect(trader).toHaveURL(`${contractPath}/deliveries?done=confirmed`);
    await page.goto(`${contractPath}/payout`);
    const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: D.payout.ownContent.drc, exact: true }) });
    await expect(table).toHaveCount(1);
    for (const l of lots) {
      const row = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: l.member, exact: true }) });
      await expect(
        row
          .getByRole("cell")
          .filter({ hasText: signed(l.adjustment) })
          .first(),
      ).toBeVisible();
      await expect(
        row
          .getByRole("cell")
          .filter({ hasText: lak(l.amount) })
          .first(),
      ).toBeVisible();
    }
    await expect(page.getByText(lak(totalAmount)).first()).toBeVisible();
  });
}
