// Issue 10's journey in a real browser WITHOUT JavaScript, once in Lao and once
// in English: an input-supply contract comes into force (listing with six
// members' pledges, a trader's offer advancing 3,000,000 LAK of inputs at 2 % a
// month, accepted, signed by both); the FO leader records which member
// received which input (three members, three handovers); one delivery of six
// member lots, each with its own moisture, one lot off-grade and one with its
// own bag weight, checked first ("Check the totals" records nothing) and then
// recorded; the trader confirms the grade sheet; the payout sheet pays each
// household for its own lots, takes off its own deductions and its own inputs
// only, and its totals are the sum of its rows.
//
// The contract is written today, and a handover cannot be dated before the
// contract, so the three handovers are all dated today (different members,
// inputs and values): the interest from each handover to the delivery of the
// same day is nought, and each member repays exactly the value handed over.
import type { Browser, Locator, Page } from "@playwright/test";
import { formatDate, formatKg, formatLak, formatNumber, formatPermilleAsPercent, formatTenths } from "../../app/utils/format";
import {
  acceptOffer,
  DEMO_PASSWORD,
  demo,
  escapeRegExp,
  expect,
  fmt,
  laoDate,
  publishListing,
  signInQuickly,
  test,
  texts,
  uniqueTag,
  type Lang,
  type PublishedListing,
} from "./fixtures";

test.use({ javaScriptEnabled: false });

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const grade3 = { lo: "ຊັ້ນ 3", en: "Grade 3" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const PRICE = 3350;

// The crop's frozen terms (prisma/seed/reference-data.ts): maize on a 14.5 %
// basis, marginal bands of 12, 13 and 14 kg per tonne per point; foreign matter
// free up to 2 %, then 10 kg per tonne per point up to 5 %, 12 above; a lot of
// grade 3 on a grade 2 offer is paid premium(G3) − premium(G2) = −300 − (−150)
// = −150 LAK per kg.
const BASIS = 145;
const BANDS = [
  { from: 145, to: 180, rate: 12 },
  { from: 180, to: 250, rate: 13 },
  { from: 250, to: 300, rate: 14 },
];
const FM_BASIS = 20;
const FM_BANDS = [
  { from: 20, to: 50, rate: 10 },
  { from: 50, to: 100, rate: 12 },
];
const G3_DISCOUNT = 150;

const INPUT_VALUE = 3_000_000n;

/** a / b rounded half up, for non-negative whole numbers. */
function roundHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Tenths of a kg per tonne a measure above the basis costs, marginal band by band (the last band's rate above it). */
function shareTenths(measured: number, basis: number, bands: { from: number; to: number; rate: number }[]): number {
  if (measured <= basis) return 0;
  let share = 0;
  bands.forEach((b, i) => {
    const from = Math.max(i === 0 ? -Infinity : bands[i - 1]!.to, basis);
    const to = Math.min(b.to, measured);
    if (to > from) share += (to - from) * b.rate;
  });
  const last = bands.at(-1)!;
  if (measured > last.to) share += (measured - last.to) * last.rate;
  return share;
}

/** A figure read off the page as a number ("1.234.567 ກີບ" or "1,234,567 LAK" → 1234567n). */
function figure(text: string | null): bigint {
  return BigInt((text ?? "").replace(/[^\d]/g, "") || "NaN");
}

/** The <dd> that follows the <dt> reading exactly `term`. */
function definition(scope: Page | Locator, term: string): Locator {
  return scope.locator("dt", { hasText: new RegExp(`^${escapeRegExp(term)}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** Another person on another phone, with JavaScript off like the first. */
async function phone(browser: Browser, baseURL: string | undefined, email: string, lang: Lang, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "lo-LA", javaScriptEnabled: false });
  const page = await context.newPage();
  await signInQuickly(page, email, { lang, path });
  return page;
}

/** The trader's offer on the whole listing at the asking price, as an input-supply contract. */
async function sendInputSupplyOffer(
  trader: Page,
  lang: Lang,
  listing: PublishedListing,
  inputs: { description: string; valueLak: bigint; interest: string },
): Promise<string> {
  const O = texts(lang).offers;
  await trader.goto(listing.path);
  await trader.getByRole("link", { name: texts(lang).listings.detail.makeOffer, exact: true }).click();
  await expect(trader.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.newTitle, { listing: listing.title }));
  await expect(trader.getByLabel(O.form.quantityKg, { exact: true })).toHaveValue(String(listing.totalKg));
  await trader.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(O.form.templateCode)}`) }).selectOption("input_supply");
  await trader.getByLabel(O.form.inputDescription, { exact: true }).fill(inputs.description);
  await trader.getByLabel(O.form.inputValueLak, { exact: true }).fill(inputs.valueLak.toString());
  await trader.getByLabel(O.form.inputInterest, { exact: true }).fill(inputs.interest);
  await trader.getByRole("button", { name: O.form.submit, exact: true }).click();
  await expect(trader).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
  await expect(trader.getByText(O.status.submitted, { exact: true })).toBeVisible();
  return new URL(trader.url()).pathname;
}

type LotPlan = { bags: number; extraKg: number; moisture: number; foreignMatter: number | null; off: boolean; bagGrams?: number };

for (const lang of ["lo", "en"] as const) {
  test(`[${lang}] without JavaScript: inputs handed to three members, six member lots, and a payout sheet that pays each household for its own`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const t = texts(lang);
    const C = t.contracts;
    const D = t.deliveries;
    const I = D.inputs;
    const kg = (n: number | bigint) => formatKg(n, lang);
    const lak = (n: number | bigint) => formatLak(n, lang);
    const pct = (permille: number) => formatPermilleAsPercent(permille, lang);
    const typed = (permille: number) => formatTenths(permille, lang).replace(/\s/g, "");
    const today = formatDate(new Date(), lang);

    // Six pledges; the total differs between runs.
    const kgs = [1000 + Math.floor(Math.random() * 300), 900, 800, 700 + (lang === "lo" ? 0 : 13), 600, 500];

    // --- An input-supply contract in force ------------------------------------------
    await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
    const listing = await publishListing(page, lang, {
      crop: maize,
      grade: grade2,
      district: beng,
      kgs,
      askingPrice: PRICE,
      notes: `E2E households ${lang} ${uniqueTag()}`,
    });
    const members = listing.pledges.map((p) => p.name);
    const namko = await phone(browser, baseURL, demo.trader.email, lang, "/trader");
    const description = lang === "lo" ? "ແນວພັນສາລີ LVN10 ແລະ ຝຸ່ນຢູເຣຍ" : "Maize seed LVN10 and urea";
    const offerPath = await sendInputSupplyOffer(namko, lang, listing, { description, valueLak: INPUT_VALUE, interest: "2" });
    await acceptOffer(page, lang, offerPath);
    const openContract = page.getByRole("link", { name: new RegExp(`^${escapeRegExp(t.offers.detail.openContract.split("{{")[0]!)}`) });
    const number = /([A-Z]+-\d{4}-\d{4,})/.exec((await openContract.textContent()) ?? "")![1]!;
    await openContract.click();
    await expect(page).toHaveURL(/\/contracts\/[^/?]+$/);
    const contractPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(C.detail.title, { number }));

    // The FO signs (the box ticked, the password), then the trader: in force.
    await page.getByRole("checkbox", { name: C.sign.confirmRead }).check();
    await page.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: C.sign.submit, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: C.sign.signed })).toBeVisible();
    await namko.goto(contractPath);
    await namko.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
    await namko.getByRole("button", { name: C.sign.submit, exact: true }).click();
    await expect(namko.getByRole("status").filter({ hasText: C.sign.active })).toBeVisible();
    await page.reload();
    await expect(page.getByText(C.status.active, { exact: true })).toBeVisible();

    // --- Inputs handed to three members ------------------------------------------------
    await page.getByRole("link", { name: I.link, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/inputs`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(I.title, { number }));
    await expect(page.getByText(fmt(I.intro, { description, value: lak(INPUT_VALUE) }), { exact: true })).toBeVisible();
    await expect(page.getByText(I.empty, { exact: true })).toBeVisible();
    const handovers = [
      { member: 0, item: lang === "lo" ? "ຝຸ່ນຢູເຣຍ" : "Urea", quantity: 10, unit: "bag" as const, valueLak: 1_200_000n },
      { member: 2, item: lang === "lo" ? "ແນວພັນສາລີ LVN10" : "Maize seed LVN10", quantity: 20, unit: "kg" as const, valueLak: 1_000_000n },
      { member: 4, item: lang === "lo" ? "ຢາປາບສັດຕູພືດ" : "Pesticide", quantity: 8, unit: "litre" as const, valueLak: 800_000n },
    ];
    expect(handovers.reduce((a, h) => a + h.valueLak, 0n)).toBe(INPUT_VALUE);
    let handed = 0n;
    for (const h of handovers) {
      const form = page.locator("form").filter({ has: page.getByRole("heading", { name: I.form.title }) });
      await form.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(I.form.memberId)}`) }).selectOption({ label: members[h.member]! });
      await form.getByLabel(I.form.item, { exact: true }).fill(h.item);
      await form.getByLabel(I.form.quantity, { exact: true }).fill(String(h.quantity));
      await form.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(I.form.unit)}`) }).selectOption({ label: I.unit[h.unit] });
      await form.getByLabel(I.form.valueLak, { exact: true }).fill(h.valueLak.toString());
      await form.getByLabel(I.form.handedOn, { exact: true }).fill(laoDate(0));
      await form.getByRole("button", { name: I.form.submit, exact: true }).click();
      await expect(page).toHaveURL(`${contractPath}/inputs?done=1`);
      await expect(page.getByRole("status").filter({ hasText: I.done })).toBeVisible();
      handed += h.valueLak;
      await expect(
        page.getByText(fmt(I.handed, { handed: lak(handed), value: lak(INPUT_VALUE), left: lak(INPUT_VALUE - handed) }), { exact: true }),
      ).toBeVisible();
    }
    // The list: who received what, how much, its value and the day.
    const handoverRows = page.getByRole("table").locator("tbody tr");
    await expect(handoverRows).toHaveCount(3);
    for (const h of handovers) {
      const row = handoverRows.filter({ has: page.getByRole("rowheader", { name: members[h.member]!, exact: true }) });
      // No delivery has settled it yet: the leader may still correct it.
      await expect(row.getByRole("cell")).toHaveText([h.item, `${formatNumber(h.quantity, lang)} ${I.unit[h.unit]}`, lak(h.valueLak), today, I.correct.link]);
    }
    // What each member owes today: the value handed over, no day of interest yet; nothing left to the FO.
    const balances = page.getByRole("heading", { name: I.balances, exact: true }).locator("xpath=following-sibling::ul[1]").locator(":scope > li");
    for (const h of handovers) {
      await expect(
        balances
          .filter({ hasText: `${members[h.member]!}: ${I.owed} ` })
          .locator("p")
          .first(),
      ).toHaveText(`${members[h.member]!}: ${I.owed} ${lak(h.valueLak)}`);
    }
    for (const m of [1, 3, 5]) await expect(balances.filter({ hasText: `${members[m]!}: ${I.owed}` })).toHaveCount(0);

    // --- One delivery of six member lots ---------------------------------------------
    const BAG_GRAMS = 120;
    const plans: LotPlan[] = [
      { bags: 20, extraKg: 10, moisture: 140, foreignMatter: null, off: false }, // dry: nothing taken off
      { bags: 18, extraKg: 5, moisture: 162, foreignMatter: 15, off: false, bagGrams: 150 }, // own heavier bags, clean
      { bags: 16, extraKg: 0, moisture: 190, foreignMatter: 40, off: false }, // two bands, dirty
      { bags: 14, extraKg: 0, moisture: 150, foreignMatter: null, off: false },
      { bags: 12, extraKg: 0, moisture: 225, foreignMatter: 60, off: true }, // wet, very dirty, grade 3
      { bags: 10, extraKg: 0, moisture: 173, foreignMatter: null, off: false },
    ];
    const lots = plans.map((p, i) => {
      const grossKg = listing.pledges[i]!.kg + p.extraKg - 30;
      const bagGrams = p.bagGrams ?? BAG_GRAMS;
      const tareKg = roundHalfUp(BigInt(p.bags * bagGrams), 1000n);
      const weighedKg = BigInt(grossKg) - tareKg;
      const mTenths = shareTenths(p.moisture, BASIS, BANDS);
      const fmTenths = p.foreignMatter === null ? 0 : shareTenths(p.foreignMatter, FM_BASIS, FM_BANDS);
      const moistureKg = roundHalfUp(weighedKg * BigInt(mTenths), 10_000n);
      const fmKg = roundHalfUp(weighedKg * BigInt(fmTenths), 10_000n);
      const netKg = weighedKg - moistureKg - fmKg;
      const price = p.off ? PRICE - G3_DISCOUNT : PRICE;
      return {
        ...p,
        member: members[i]!,
        grossKg,
        bagGrams,
        tareKg,
        weighedKg,
        mTenths,
        fmTenths,
        moistureKg,
        fmKg,
        netKg,
        price,
        amount: netKg * BigInt(price),
      };
    });
    const sum = (f: (l: (typeof lots)[number]) => bigint | number) => lots.reduce((a, l) => a + BigInt(f(l)), 0n);
    const totalGross = sum((l) => l.grossKg);
    const totalNet = sum((l) => l.netKg);
    const totalAmount = sum((l) => l.amount);
    const totalBags = sum((l) => l.bags);

    await page.goto(contractPath);
    await page.getByRole("navigation", { name: C.detail.sections }).getByRole("link", { name: C.detail.deliveries, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/deliveries`);
    await expect(page.getByText(D.deliveries.empty, { exact: true })).toBeVisible();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field(D.form.bagGrams).fill(String(BAG_GRAMS));
    await field(D.form.measuredBy).fill("Somchai Phommavong");
    await field(D.form.instrument).fill("Platform scale No. 2, Kett meter");
    for (const [i, l] of lots.entries()) {
      const row = page.getByRole("group", { name: fmt(D.lots.row, { n: formatNumber(i + 1, lang) }), exact: true });
      const choice = (label: string) => row.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(label)}`) });
      await choice(D.lots.member).selectOption({ label: l.member });
      await row.getByLabel(D.lots.bags, { exact: true }).fill(String(l.bags));
      await row.getByLabel(D.lots.grossKg, { exact: true }).fill(String(l.grossKg));
      await row.getByLabel(D.lots.moisture, { exact: true }).fill(typed(l.moisture));
      if (l.foreignMatter !== null) await row.getByLabel(D.lots.foreignMatter, { exact: true }).fill(typed(l.foreignMatter));
      if (l.off) await choice(D.lots.grade).selectOption({ label: grade3[lang] });
      else await expect(choice(D.lots.grade)).toHaveValue("G2");
      if (l.bagGrams !== BAG_GRAMS) await row.getByLabel(D.lots.bagGrams, { exact: true }).fill(String(l.bagGrams));
    }
    // Checking the totals records nothing, shows what each lot comes to and keeps what was typed.
    await page.getByRole("button", { name: D.lots.check, exact: true }).click();
    await expect(
      page.getByText(
        fmt(D.lots.previewTotal, {
          lots: formatNumber(6, lang),
          bags: formatNumber(totalBags, lang),
          gross: kg(totalGross),
          net: kg(totalNet),
          amount: lak(totalAmount),
        }),
        { exact: true },
      ),
    ).toBeVisible();
    for (const [i, l] of lots.entries()) {
      await expect(
        page.getByText(fmt(D.lots.previewLot, { n: i + 1, tare: kg(l.tareKg), deducted: kg(l.moistureKg + l.fmKg), net: kg(l.netKg), amount: lak(l.amount) }), {
          exact: true,
        }),
      ).toBeVisible();
    }
    await expect(page.getByText(D.lots.previewNote, { exact: true })).toBeVisible();
    await expect(page.getByText(D.deliveries.empty, { exact: true })).toBeVisible();
    const row5 = page.getByRole("group", { name: fmt(D.lots.row, { n: formatNumber(5, lang) }), exact: true });
    await expect(row5.getByLabel(D.lots.grossKg, { exact: true })).toHaveValue(String(lots[4]!.grossKg));
    await expect(row5.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(D.lots.member)}`) })).toHaveValue(/.+/);
    await expect(row5.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(D.lots.grade)}`) })).toHaveValue("G3");
    // The buyer refused three mouldy bags of the first household at the scale: recorded, paid nothing.
    await page.locator("summary", { hasText: D.refused.title }).click();
    const refusedRow = page.getByRole("group", { name: fmt(D.refused.row, { n: formatNumber(1, lang) }), exact: true });
    const refusedChoice = (label: string) => refusedRow.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(label)}`) });
    await refusedChoice(D.lots.member).selectOption({ label: lots[0]!.member });
    await refusedRow.getByLabel(D.lots.bags, { exact: true }).fill("3");
    await refusedRow.getByLabel(D.lots.grossKg, { exact: true }).fill("140");
    await refusedChoice(D.refused.reason).selectOption({ label: D.refused.reasons.mould });
    await page.getByRole("button", { name: D.form.submit, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/deliveries?done=recorded`);
    await expect(page.getByRole("status").filter({ hasText: D.done.recorded })).toBeVisible();

    // The grade sheet: one row per household, with its own figures.
    const delivery = (p: Page) => p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: fmt(D.deliveries.heading, { date: today }) }) });
    const sheet = delivery(page);
    await expect(definition(sheet, D.deliveries.gross)).toHaveText(kg(totalGross));
    await expect(definition(sheet, D.deliveries.net)).toHaveText(kg(totalNet));
    await expect(definition(sheet, D.deliveries.amountDue)).toHaveText(lak(totalAmount));
    await expect(definition(sheet, D.deliveries.payable)).toHaveText(lak(totalAmount - INPUT_VALUE));
    await expect(
      sheet.getByText(fmt(D.refused.line, { who: lots[0]!.member, bags: formatNumber(3, lang), gross: kg(140), reason: D.refused.reasons.mould }), {
        exact: true,
      }),
    ).toBeVisible();
    // The delivery is the sum of its lots; each member who received inputs repays their own, no interest on the day.
    const sumRows = sheet.getByRole("table", { name: D.deliveries.arithmetic }).locator("tbody tr");
    await expect(sumRows).toHaveCount(11);
    const sumExpected: [string, string][] = [
      [fmt(D.sumLines.gross, { lots: formatNumber(6, lang) }), kg(totalGross)],
      [D.sumLines.tare, `− ${kg(sum((l) => l.tareKg))}`],
      [D.sumLines.moisture, `− ${kg(sum((l) => l.moistureKg))}`],
      [D.sumLines.foreignMatter, `− ${kg(sum((l) => l.fmKg))}`],
      [D.sumLines.net, kg(totalNet)],
      [fmt(t.contractRules.lines.priceFixed, { priceLak: lak(PRICE) }), ""],
      [D.sumLines.amount, lak(totalAmount)],
    ];
    for (const [j, [step, amount]] of sumExpected.entries())
      await expect(sumRows.nth(j).getByRole("cell"), `delivery line ${j + 1}`).toHaveText([step, amount]);
    for (const h of handovers) {
      await expect(sumRows.filter({ hasText: fmt(D.sumLines.inputMember, { name: members[h.member]!, interestLak: lak(0) }) }).getByRole("cell")).toHaveText([
        fmt(D.sumLines.inputMember, { name: members[h.member]!, interestLak: lak(0) }),
        `− ${lak(h.valueLak)}`,
      ]);
    }
    await expect(sumRows.nth(10).getByRole("cell")).toHaveText([t.contractRules.lines.payable, lak(totalAmount - INPUT_VALUE)]);
    const lotRows = sheet.getByRole("table", { name: fmt(D.lots.caption, { n: 6 }) }).locator("tbody tr");
    await expect(lotRows).toHaveCount(6);
    for (const [i, l] of lots.entries()) {
      const r = lotRows.nth(i);
      await expect(r.getByRole("rowheader")).toHaveText(`${i + 1}. ${l.member}`);
      await expect(r.getByRole("cell")).toHaveText([
        formatNumber(l.bags, lang),
        kg(l.grossKg),
        pct(l.moisture),
        l.off ? grade3[lang] : grade2[lang],
        kg(l.tareKg + l.moistureKg + l.fmKg),
        kg(l.netKg),
        lak(l.amount),
      ]);
      // Each lot's arithmetic, line by line.
      const details = sheet.locator("details").filter({ has: page.locator("summary", { hasText: fmt(D.lots.arithmetic, { n: i + 1, who: l.member }) }) });
      await details.locator("summary").click();
      const lines = details.locator("tbody tr");
      const expected: [string, string][] = [
        [D.lotLines.gross, kg(l.grossKg)],
        [fmt(D.lotLines.tare, { bags: formatNumber(l.bags, lang), bagTareGrams: formatNumber(l.bagGrams, lang) }), `− ${kg(l.tareKg)}`],
        [D.lotLines.weighed, kg(l.weighedKg)],
        l.mTenths > 0
          ? [
              fmt(D.lotLines.moisture, { measuredPermille: pct(l.moisture), basisPermille: pct(BASIS), kgPerTonneTenths: formatTenths(l.mTenths, lang) }),
              `− ${kg(l.moistureKg)}`,
            ]
          : [fmt(D.lotLines.moistureNone, { measuredPermille: pct(l.moisture), basisPermille: pct(BASIS) }), kg(0)],
        l.foreignMatter === null
          ? [D.lotLines.foreignMatterNotMeasured, kg(0)]
          : l.fmTenths > 0
            ? [
                fmt(D.lotLines.foreignMatter, {
                  measuredPermille: pct(l.foreignMatter),
                  basisPermille: pct(FM_BASIS),
                  kgPerTonneTenths: formatTenths(l.fmTenths, lang),
                }),
                `− ${kg(l.fmKg)}`,
              ]
            : [fmt(D.lotLines.foreignMatterNone, { measuredPermille: pct(l.foreignMatter), basisPermille: pct(FM_BASIS) }), kg(0)],
        [D.lotLines.net, kg(l.netKg)],
        l.off
          ? [fmt(D.lotLines.priceDiscount, { priceLak: lak(PRICE), grade: "G3", adjustmentLak: lak(G3_DISCOUNT), lotPriceLak: lak(l.price) }), ""]
          : [fmt(D.lotLines.priceSame, { priceLak: lak(PRICE), grade: "G2" }), ""],
        [fmt(D.lotLines.amount, { netKg: kg(l.netKg), priceLak: lak(l.price) }), lak(l.amount)],
      ];
      await expect(lines).toHaveCount(expected.length);
      for (const [j, [step, amount]] of expected.entries())
        await expect(lines.nth(j).getByRole("cell"), `lot ${i + 1}, line ${j + 1}`).toHaveText([step, amount]);
    }

    // --- The trader confirms the grade sheet ---------------------------------------------
    await namko.goto(`${contractPath}/deliveries`);
    await delivery(namko).getByRole("button", { name: D.answer.confirm, exact: true }).click();
    await expect(namko).toHaveURL(`${contractPath}/deliveries?done=confirmed`);
    await expect(delivery(namko).getByText(D.status.confirmed, { exact: true })).toBeVisible();

    // --- The payout sheet: each household's own lots, deductions and inputs ---------------------
    await page.goto(contractPath);
    await page.getByRole("navigation", { name: C.detail.sections }).getByRole("link", { name: C.detail.payout, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/payout`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(D.payout.title, { number }));
    await expect(page.getByText(fmt(D.payout.basis, { confirmed: 1, other: 0 }), { exact: true })).toBeVisible();
    await expect(page.getByText(D.payout.householdBasis, { exact: true })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText([
      "#",
      D.payout.member,
      D.payout.pledged,
      D.payout.ownNet,
      D.payout.pooledNet,
      D.payout.ownDeducted,
      D.payout.net,
      D.payout.gross,
      D.payout.inputRepaid,
      D.payout.commonInput,
      D.payout.payable,
      D.payout.cashRepaid,
      D.payout.stillOwed,
      D.payout.signature,
    ]);
    const bodyRows = table.locator("tbody tr");
    await expect(bodyRows).toHaveCount(6);
    const sums = Array.from({ length: 11 }, () => 0n);
    for (const [i, l] of lots.entries()) {
      const repaid = handovers.find((h) => h.member === i)?.valueLak ?? 0n;
      const row = bodyRows.filter({ has: page.getByRole("rowheader", { name: l.member, exact: true }) });
      const cells = row.getByRole("cell");
      // #, pledged, own lots net, pooled share, own deductions, net, amount, own inputs repaid, FO's inputs, to pay, repaid in cash, still owed, signature
      await expect(cells, `payout row of ${l.member}`).toHaveText([
        /^\d+$/,
        kg(listing.pledges[i]!.kg),
        kg(l.netKg),
        kg(0),
        kg(l.moistureKg + l.fmKg),
        kg(l.netKg),
        lak(l.amount),
        lak(repaid),
        lak(0),
        lak(l.amount - repaid),
        lak(0),
        lak(0),
        "",
      ]);
      for (let c = 0; c < 11; c++) sums[c]! += figure(await cells.nth(c + 1).textContent());
    }
    // The totals row is the sum of the rows, and the sum of what was delivered.
    const totals = table.locator("tfoot tr");
    await expect(totals.getByRole("rowheader")).toHaveText(D.payout.total);
    const totalCells = totals.getByRole("cell");
    await expect(totalCells).toHaveText([
      "",
      kg(listing.totalKg),
      kg(totalNet),
      kg(0),
      kg(sum((l) => l.moistureKg + l.fmKg)),
      kg(totalNet),
      lak(totalAmount),
      lak(INPUT_VALUE),
      lak(0),
      lak(totalAmount - INPUT_VALUE),
      lak(0),
      lak(0),
      "",
    ]);
    for (let c = 0; c < 11; c++) expect(figure(await totalCells.nth(c + 1).textContent()), `total of column ${c + 3}`).toBe(sums[c]);

    await namko.context().close();
  });
}
