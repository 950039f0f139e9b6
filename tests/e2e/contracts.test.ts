// The contract journey in a real browser, once in Lao and once in English: an
// FO accepts an offer, the contract is written; the FO reads it and signs with
// the password (a wrong password signs nothing), the trader signs, the
// contract is in force; a wet delivery is recorded on the grade sheet (one lot
// row: bags, gross weight, moisture) and its tare and deduction are worked out
// line by line, the other party confirms it; the trader pays in full and the FO
// confirms, the contract is completed; the payout sheet shares the pooled lot
// among the members who pledged; the printed contract carries its number, hash
// and a QR code to the public check page, which says the record matches — until
// the record is changed behind the portal's back. And who may not see it.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import Database from "better-sqlite3";
import QRCode from "qrcode";
import { formatDate, formatKg, formatLak, formatNumber, formatPermilleAsPercent, formatTenths } from "../../app/utils/format";
import {
  acceptOffer,
  actor,
  DEMO_PASSWORD,
  demo,
  escapeRegExp,
  expect,
  fmt,
  nav,
  publishListing,
  sendOffer,
  signInQuickly,
  test,
  texts,
  uniqueTag,
  waitForHydration,
} from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };

// The crop's table (prisma/seed/reference-data.ts): maize is priced at 14.5 %
// moisture; from 14.5 % to 18 % each point above costs 12 kg per tonne.
const MAIZE_STANDARD_PERMILLE = 145;
const MAIZE_FIRST_BAND = { toPermille: 180, kgPerTonnePerPoint: 12 };
const PRICE = 3350;

const E2E_DB = path.resolve(import.meta.dirname, "../../data/e2e.db");

/** a / b rounded half up, for non-negative whole numbers. */
function roundHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Splits `total` pro rata to `weights` by the largest remainder (ties: larger weight, then order). */
function largestRemainder(total: bigint, weights: number[]): bigint[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const shares = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, w, r: (total * BigInt(w)) % sum }));
  remainders.sort((a, b) => (a.r === b.r ? b.w - a.w || a.i - b.i : a.r > b.r ? -1 : 1));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares;
}

/** The <dd> that follows the <dt> reading exactly `term`. */
function definition(scope: Page | Locator, term: string): Locator {
  return scope.locator("dt", { hasText: new RegExp(`^${escapeRegExp(term)}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** The status badge of a page or card, which reads exactly `text`. */
function badge(scope: Page | Locator, text: string): Locator {
  return scope.getByText(text, { exact: true });
}

/** A figure read off the page as a number ("1.234.567 ກີບ" or "1,234,567 LAK" → 1234567n). */
function figure(text: string | null): bigint {
  return BigInt((text ?? "").replace(/[^\d]/g, "") || "NaN");
}

for (const lang of ["lo", "en"] as const) {
  test(`[${lang}] an accepted offer becomes a contract that is signed, delivered wet, paid, completed, shared out, printed and verified`, async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(120_000);
    const t = texts(lang);
    const C = t.contracts;
    const D = t.deliveries;
    const R = t.contractRules.lines;
    const V = t.verify;
    const kg = (n: number | bigint) => formatKg(n, lang);
    const lak = (n: number | bigint) => formatLak(n, lang);
    const pct = (permille: number) => formatPermilleAsPercent(permille, lang);
    const today = formatDate(new Date(), lang);
    const fo = demo.leader.verifiedFo;
    const foBehalf = `${fo.lo} / ${fo.en}`;

    // Pledges of distinct sizes, and a total nobody else's contract has.
    const kgs = [900 + Math.floor(Math.random() * 500), 700 + (lang === "lo" ? 0 : 31), 455];
    const notes = `E2E contract ${lang} ${uniqueTag()}`;

    // --- An accepted offer -----------------------------------------------------
    await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
    const listing = await publishListing(page, lang, { crop: maize, grade: grade2, district: beng, kgs, askingPrice: PRICE, notes });
    const total = listing.totalKg;
    const value = BigInt(total) * BigInt(PRICE);
    const namko = await actor(browser, baseURL, demo.trader.email, lang, "/trader");
    const offerPath = await sendOffer(namko, lang, listing);
    await acceptOffer(page, lang, offerPath);

    // --- The contract is written: the contracts list links to it -----------------
    await nav(page, lang).getByRole("link", { name: t.common.nav.contracts, exact: true }).click();
    await expect(page).toHaveURL("/contracts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(C.list.title);
    const card = page
      .getByRole("listitem")
      .filter({ hasText: fmt(C.list.parties, { fo: fo[lang], trader: demo.trader.company }) })
      .filter({ hasText: `${C.list.value}: ${lak(value)}` });
    await expect(card).toHaveCount(1);
    await expect(badge(card, C.status.awaiting_signatures)).toBeVisible();
    const numberLink = card.getByRole("link");
    const number = ((await numberLink.textContent()) ?? "").trim();
    expect(number).toMatch(/^[A-Z]+-\d{4}-\d{4,}$/);
    await numberLink.click();
    await expect(page).toHaveURL(/\/contracts\/[^/?]+$/);
    const contractPath = new URL(page.url()).pathname;

    // --- The FO reads the summary and the full text ------------------------------
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(C.detail.title, { number }));
    await expect(badge(page, C.status.awaiting_signatures)).toBeVisible();
    const summary = page.getByRole("heading", { name: C.detail.summary, exact: true }).locator("xpath=following-sibling::p[1]");
    for (const part of [fo[lang], demo.trader.company, kg(total), lak(value)]) await expect(summary).toContainText(part);
    await expect(page.getByText(new RegExp(`^${escapeRegExp(fmt(C.detail.value, { value: lak(value) }))} · `))).toBeVisible();
    const hashLine = page.getByText(new RegExp(`^${escapeRegExp(C.detail.hash.split("{{")[0]!)}[0-9a-f]{64}$`));
    const sha256 = /([0-9a-f]{64})$/.exec((await hashLine.textContent()) ?? "")![1]!;
    // The full text stands open for the FO who signs; the other language is one tap away.
    const fullText = page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^${escapeRegExp(C.detail.fullText)}$`) }) });
    await expect(fullText).toHaveAttribute("open", "");
    await expect(fullText).toContainText(number);
    await expect(fullText).toContainText(fo[lang]);
    await expect(fullText).toContainText(demo.trader.company);
    const otherText = page.locator("details").filter({ has: page.locator("summary", { hasText: C.detail.otherLanguage }) });
    await expect(otherText.locator("div")).toBeHidden();
    await otherText.locator("summary").click();
    await expect(otherText.locator("div")).toBeVisible();
    await expect(otherText.locator("div")).toContainText(lang === "lo" ? fo.en : fo.lo);
    const signatures = page.getByRole("heading", { name: C.detail.signatures, exact: true }).locator("xpath=following-sibling::ul[1]").getByRole("listitem");
    await expect(signatures).toHaveText([`${C.party.fo}: ${C.detail.waiting}`, `${C.party.trader}: ${C.detail.waiting}`]);

    // --- The FO signs: without the box ticked, then with a wrong password, nothing is signed
    await expect(page.getByRole("heading", { name: C.sign.title })).toBeVisible();
    await expect(page.getByText(fmt(C.sign.as, { behalf: fo[lang] }), { exact: true })).toBeVisible();
    await waitForHydration(page);
    const readBox = page.getByRole("checkbox", { name: C.sign.confirmRead });
    const password = page.getByLabel(C.sign.password, { exact: true });
    const signButton = page.getByRole("button", { name: C.sign.submit, exact: true });
    await password.fill(DEMO_PASSWORD);
    await signButton.click();
    await expect(page.getByRole("alert").filter({ hasText: C.errors.mustReadFirst }).first()).toBeVisible();
    await expect(signatures).toHaveText([`${C.party.fo}: ${C.detail.waiting}`, `${C.party.trader}: ${C.detail.waiting}`]);

    await readBox.check();
    await password.fill("not-the-password");
    await signButton.click();
    await expect(page.getByRole("alert").filter({ hasText: C.errors.wrongPassword }).first()).toBeVisible();
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(badge(page, C.status.awaiting_signatures)).toBeVisible();
    await expect(signatures).toHaveText([`${C.party.fo}: ${C.detail.waiting}`, `${C.party.trader}: ${C.detail.waiting}`]);

    await waitForHydration(page);
    await readBox.check();
    await password.fill(DEMO_PASSWORD);
    await signButton.click();
    await expect(page.getByRole("status").filter({ hasText: C.sign.signed })).toBeVisible();
    const foSigned = `${C.party.fo}: ${fmt(C.detail.signedBy, { name: demo.leader.name, behalf: foBehalf, date: today })}`;
    await expect(signatures).toHaveText([foSigned, `${C.party.trader}: ${C.detail.waiting}`]);
    await expect(badge(page, C.status.awaiting_signatures)).toBeVisible();
    await expect(page.getByRole("heading", { name: C.sign.title })).toHaveCount(0);

    // --- The trader finds it in the contracts list and signs: in force ------------
    await nav(namko, lang).getByRole("link", { name: t.common.nav.contracts, exact: true }).click();
    await namko.getByRole("link", { name: number, exact: true }).click();
    await expect(namko).toHaveURL(contractPath);
    await expect(namko.getByText(fmt(C.sign.as, { behalf: demo.trader.company }), { exact: true })).toBeVisible();
    await expect(namko.getByRole("checkbox")).toHaveCount(0);
    await waitForHydration(namko);
    await namko.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
    await namko.getByRole("button", { name: C.sign.submit, exact: true }).click();
    await expect(namko.getByRole("status").filter({ hasText: C.sign.active })).toBeVisible();
    await expect(badge(namko, C.status.active)).toBeVisible();
    await expect(namko.getByText(C.detail.frozen, { exact: true })).toBeVisible();
    const traderSigned = `${C.party.trader}: ${fmt(C.detail.signedBy, { name: demo.trader.name, behalf: demo.trader.company, date: today })}`;
    await page.reload();
    await expect(badge(page, C.status.active)).toBeVisible();
    await expect(signatures).toHaveText([foSigned, traderSigned]);

    // --- A delivery wetter than the standard: in Lao the trader records it, in English the FO
    const [recorder, answerer] = lang === "lo" ? [namko, page] : [page, namko];
    const recorderName = lang === "lo" ? demo.trader.name : demo.leader.name;
    const recorderParty = lang === "lo" ? C.party.trader : C.party.fo;
    const answererName = lang === "lo" ? demo.leader.name : demo.trader.name;
    const grossKg = total + 20;
    // One lot row: the FO's pooled bags (the trader's sheet has no household column; the FO leaves it at
    // "pooled"), 40 bags of 120 g each: 4.8 kg, rounded half up to 5 kg of tare.
    const bags = 40;
    const bagGrams = 120;
    const tareKg = roundHalfUp(BigInt(bags * bagGrams), 1000n);
    const weighedKg = BigInt(grossKg) - tareKg;
    const moisture = 155; // 15.5 %: 1.0 point above the standard of 14.5 %, inside the first band
    expect(moisture).toBeGreaterThan(MAIZE_STANDARD_PERMILLE);
    expect(moisture).toBeLessThanOrEqual(MAIZE_FIRST_BAND.toPermille);
    const pointsTenths = moisture - MAIZE_STANDARD_PERMILLE; // 10 tenths of a point
    const kgPerTonneTenths = pointsTenths * MAIZE_FIRST_BAND.kgPerTonnePerPoint; // 12.0 kg per tonne
    // The moisture deduction is on the weight of the crop, after the bags: weighed × 12.0 ÷ 1,000, half up.
    const deductedKg = roundHalfUp(weighedKg * BigInt(kgPerTonneTenths), 10_000n);
    const netKg = weighedKg - deductedKg;
    const amountDue = netKg * BigInt(PRICE);

    await recorder.getByRole("navigation", { name: C.detail.sections }).getByRole("link", { name: C.detail.deliveries, exact: true }).click();
    await expect(recorder).toHaveURL(`${contractPath}/deliveries`);
    await expect(recorder.getByRole("heading", { level: 1 })).toHaveText(fmt(D.deliveries.title, { number }));
    await expect(recorder.getByText(D.deliveries.empty, { exact: true })).toBeVisible();
    await waitForHydration(recorder);
    const form = (label: string) => recorder.getByLabel(label, { exact: true });
    const lotRow = recorder.getByRole("group", { name: fmt(D.lots.row, { n: formatNumber(1, lang) }), exact: true });
    const lot = (label: string) => lotRow.getByLabel(label, { exact: true });
    await expect(recorder.getByText(fmt(D.form.moistureHint, { basis: pct(MAIZE_STANDARD_PERMILLE) }), { exact: true })).toBeVisible();
    await expect(form(D.form.bagGrams)).toHaveValue("100");
    await form(D.form.bagGrams).fill(String(bagGrams));
    await form(D.form.measuredBy).fill("Somchai Phommavong");
    await form(D.form.instrument).fill("Platform scale No. 2, Kett meter");
    await lot(D.lots.bags).fill(String(bags));
    await lot(D.lots.grossKg).fill(String(grossKg));
    await lot(D.lots.moisture).fill(lang === "lo" ? "15,5" : "15.5");
    // A select's name is its label and the option chosen: matched by the label's start.
    const choice = (label: string) => lotRow.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(label)}`) });
    await expect(choice(D.lots.grade)).toHaveValue("G2");
    // The FO's sheet names households; the lot stays the pooled bags. The trader's has no such column.
    if (lang === "en") await expect(choice(D.lots.member)).toHaveValue("pooled");
    else await expect(choice(D.lots.member)).toHaveCount(0);
    // Checking the totals first records nothing, and keeps what was typed.
    await recorder.getByRole("button", { name: D.lots.check, exact: true }).click();
    await expect(
      recorder.getByText(
        fmt(D.lots.previewTotal, { lots: formatNumber(1, lang), bags: formatNumber(bags, lang), gross: kg(grossKg), net: kg(netKg), amount: lak(amountDue) }),
        { exact: true },
      ),
    ).toBeVisible();
    await expect(recorder.getByText(D.deliveries.empty, { exact: true })).toBeVisible();
    await expect(lot(D.lots.grossKg)).toHaveValue(String(grossKg));
    await recorder.getByRole("button", { name: D.form.submit, exact: true }).click();
    await expect(recorder).toHaveURL(`${contractPath}/deliveries?done=recorded`);
    await expect(recorder.getByRole("status").filter({ hasText: D.done.recorded })).toBeVisible();

    const delivery = (p: Page) => p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: fmt(D.deliveries.heading, { date: today }) }) });
    const sheet = delivery(recorder);
    await expect(badge(sheet, D.status.recorded)).toBeVisible();
    await expect(definition(sheet, D.deliveries.gross)).toHaveText(kg(grossKg));
    await expect(definition(sheet, D.deliveries.moisture)).toHaveText(pct(moisture));
    await expect(definition(sheet, D.deliveries.grade)).toHaveText(grade2[lang]);
    await expect(definition(sheet, D.deliveries.net)).toHaveText(kg(netKg));
    await expect(definition(sheet, D.deliveries.price)).toHaveText(fmt(D.perKg, { price: lak(PRICE) }));
    await expect(definition(sheet, D.deliveries.amountDue)).toHaveText(lak(amountDue));
    await expect(definition(sheet, D.deliveries.payable)).toHaveText(lak(amountDue));
    await expect(sheet).toContainText(fmt(D.deliveries.recordedBy, { name: recorderName, party: recorderParty, date: today }));
    // The grade sheet: one lot, the pooled bags; taken off = tare + moisture.
    const lotRows = sheet.getByRole("table", { name: fmt(D.lots.caption, { n: 1 }) }).locator("tbody tr");
    await expect(lotRows).toHaveCount(1);
    await expect(lotRows.getByRole("rowheader")).toHaveText(`1. ${D.lots.pooled}`);
    await expect(lotRows.getByRole("cell")).toHaveText([
      formatNumber(bags, lang),
      kg(grossKg),
      pct(moisture),
      grade2[lang],
      kg(tareKg + deductedKg),
      kg(netKg),
      lak(amountDue),
    ]);
    // The delivery line by line: the sum of its lots, the price and the amount.
    const lines = sheet.getByRole("table", { name: D.deliveries.arithmetic }).locator("tbody tr");
    const expectedLines: [string, string][] = [
      [fmt(D.sumLines.gross, { lots: formatNumber(1, lang) }), kg(grossKg)],
      [D.sumLines.tare, `− ${kg(tareKg)}`],
      [D.sumLines.moisture, `− ${kg(deductedKg)}`],
      [D.sumLines.foreignMatter, kg(0)],
      [D.sumLines.net, kg(netKg)],
      [fmt(R.priceFixed, { priceLak: lak(PRICE) }), ""],
      [D.sumLines.amount, lak(amountDue)],
      [R.inputNone, lak(0)],
      [R.payable, lak(amountDue)],
    ];
    await expect(lines).toHaveCount(expectedLines.length);
    for (const [i, [step, amount]] of expectedLines.entries()) await expect(lines.nth(i).getByRole("cell")).toHaveText([step, amount]);
    // The lot line by line, one tap away: its bags, the weight of the crop, the moisture band, the net weight, its price and amount.
    const lotDetails = sheet.locator("details").filter({ has: recorder.locator("summary", { hasText: fmt(D.lots.arithmetic, { n: 1, who: D.lots.pooled }) }) });
    await lotDetails.locator("summary").click();
    const lotLines = lotDetails.locator("tbody tr");
    const expectedLotLines: [string, string][] = [
      [D.lotLines.gross, kg(grossKg)],
      [fmt(D.lotLines.tare, { bags: formatNumber(bags, lang), bagTareGrams: formatNumber(bagGrams, lang) }), `− ${kg(tareKg)}`],
      [D.lotLines.weighed, kg(weighedKg)],
      [
        fmt(D.lotLines.moisture, {
          measuredPermille: pct(moisture),
          basisPermille: pct(MAIZE_STANDARD_PERMILLE),
          kgPerTonneTenths: formatTenths(kgPerTonneTenths, lang),
        }),
        `− ${kg(deductedKg)}`,
      ],
      [D.lotLines.foreignMatterNotMeasured, kg(0)],
      [D.lotLines.net, kg(netKg)],
      [fmt(D.lotLines.priceSame, { priceLak: lak(PRICE), grade: "G2" }), ""],
      [fmt(D.lotLines.amount, { netKg: kg(netKg), priceLak: lak(PRICE) }), lak(amountDue)],
    ];
    await expect(lotLines).toHaveCount(expectedLotLines.length);
    for (const [i, [step, amount]] of expectedLotLines.entries()) await expect(lotLines.nth(i).getByRole("cell")).toHaveText([step, amount]);
    // The one who recorded it cannot confirm it.
    await expect(sheet.getByRole("button", { name: D.answer.confirm })).toHaveCount(0);

    // --- The other party confirms the grade sheet ---------------------------------
    await answerer.goto(`${contractPath}/deliveries`);
    await expect(badge(delivery(answerer), D.status.recorded)).toBeVisible();
    await expect(definition(delivery(answerer), D.deliveries.payable)).toHaveText(lak(amountDue));
    await delivery(answerer).getByRole("button", { name: D.answer.confirm, exact: true }).click();
    await expect(answerer).toHaveURL(`${contractPath}/deliveries?done=confirmed`);
    await expect(answerer.getByRole("status").filter({ hasText: D.done.confirmed })).toBeVisible();
    await expect(badge(delivery(answerer), D.status.confirmed)).toBeVisible();
    await expect(delivery(answerer)).toContainText(fmt(D.deliveries.confirmedBy, { name: answererName, date: today }));
    await expect(answerer.getByText(fmt(D.deliveries.totals, { gross: kg(grossKg), net: kg(netKg), payable: lak(amountDue) }), { exact: false })).toBeVisible();

    // --- The trader pays the full amount --------------------------------------------
    await namko.goto(contractPath);
    await namko.getByRole("navigation", { name: C.detail.sections }).getByRole("link", { name: C.detail.payments, exact: true }).click();
    await expect(namko).toHaveURL(`${contractPath}/payments`);
    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(fmt(D.payments.title, { number }));
    await expect(definition(namko, D.balance.due)).toHaveText(lak(amountDue));
    await expect(definition(namko, D.balance.balance)).toHaveText(lak(amountDue));
    await waitForHydration(namko);
    const reference = `TT-${uniqueTag()}`;
    await namko.getByLabel(D.paymentForm.amountLak, { exact: true }).fill(amountDue.toString());
    await namko.getByLabel(D.paymentForm.reference, { exact: true }).fill(reference);
    await namko.getByRole("button", { name: D.paymentForm.submit, exact: true }).click();
    // The confirmation repeats what will be recorded and says it cannot be undone.
    const review = namko.getByRole("region", { name: D.paymentConfirm.title });
    await expect(review).toBeVisible();
    await expect(definition(review, D.paymentConfirm.amount)).toHaveText(lak(amountDue));
    await expect(definition(review, D.paymentConfirm.reference)).toHaveText(reference);
    await expect(review).toContainText(D.paymentConfirm.consequence);
    await review.getByRole("button", { name: D.paymentConfirm.confirm, exact: true }).click();
    await expect(namko).toHaveURL(`${contractPath}/payments?done=paymentRecorded`);
    await expect(namko.getByRole("status").filter({ hasText: D.done.paymentRecorded })).toBeVisible();
    const payment = (p: Page) =>
      p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: fmt(D.payments.heading, { amount: lak(amountDue), date: today }) }) });
    await expect(badge(payment(namko), D.status.recorded)).toBeVisible();
    await expect(payment(namko)).toContainText(fmt(D.payments.reference, { reference }));
    // Not confirmed yet, so not counted.
    await expect(definition(namko, D.balance.balance)).toHaveText(lak(amountDue));

    // --- The FO confirms the money arrived: the contract is completed -------------------
    await page.goto(`${contractPath}/payments`);
    await expect(badge(payment(page), D.status.recorded)).toBeVisible();
    await payment(page).getByRole("button", { name: D.answer.confirmPayment, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/payments?done=completed`);
    await expect(page.getByRole("status").filter({ hasText: D.done.completed })).toBeVisible();
    await expect(badge(payment(page), D.status.confirmed)).toBeVisible();
    await expect(definition(page, D.balance.paid)).toHaveText(lak(amountDue));
    await expect(definition(page, D.balance.balance)).toHaveText(lak(0));
    await page.goto(contractPath);
    await expect(badge(page, C.status.completed)).toBeVisible();

    // --- The payout sheet: the pooled lot shared by pledge, the shares add up to the total ------
    await page.getByRole("navigation", { name: C.detail.sections }).getByRole("link", { name: C.detail.payout, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/payout`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(D.payout.title, { number }));
    await expect(page.getByText(D.payout.final, { exact: true })).toBeVisible();
    await expect(page.getByText(fmt(D.payout.basis, { confirmed: 1, other: 0 }), { exact: true })).toBeVisible();
    await expect(page.getByText(D.payout.householdBasis, { exact: true })).toBeVisible();
    await expect(page.getByText(t.contractRules.payout.householdRule, { exact: true })).toBeVisible();
    const table = page.getByRole("table");
    const bodyRows = table.locator("tbody tr");
    await expect(bodyRows).toHaveCount(listing.pledges.length);
    const weights = listing.pledges.map((p) => p.kg);
    // No household has lots of its own: each one's net and amount are its pledge's share of the pooled lot.
    const netShares = largestRemainder(netKg, weights);
    const payShares = largestRemainder(amountDue, weights);
    let sumNet = 0n;
    let sumPay = 0n;
    for (const [i, pledge] of listing.pledges.entries()) {
      const row = bodyRows.filter({ has: page.getByRole("rowheader", { name: pledge.name, exact: true }) });
      const cells = row.getByRole("cell");
      // #, pledged, own lots net, share of pooled lots, taken off own lots, net, amount, to pay, signature (no inputs: no input columns)
      await expect(cells).toHaveText([/^\d+$/, kg(pledge.kg), kg(0), kg(netShares[i]!), kg(0), kg(netShares[i]!), lak(payShares[i]!), lak(payShares[i]!), ""]);
      sumNet += figure(await cells.nth(5).textContent());
      sumPay += figure(await cells.nth(7).textContent());
    }
    expect(sumNet).toBe(netKg);
    expect(sumPay).toBe(amountDue);
    const totals = table.locator("tfoot tr");
    await expect(totals.getByRole("rowheader")).toHaveText(D.payout.total);
    await expect(totals.getByRole("cell")).toHaveText(["", kg(total), kg(0), kg(netKg), kg(0), kg(netKg), lak(amountDue), lak(amountDue), ""]);
    // Printable: on paper the portal's header and the buttons give way to the sheet.
    const printButton = page.getByRole("button", { name: D.payout.print, exact: true });
    await expect(printButton).toBeVisible();
    // The printable width of A4 with the sheet's 12 mm margins: 186 mm, 703 px at 96 dpi.
    const phone = page.viewportSize()!;
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: "print" });
    await expect(printButton).toBeHidden();
    await expect(nav(page, lang)).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(totals).toBeVisible();
    await expect(table.getByRole("columnheader", { name: D.payout.signature })).toBeVisible();
    await expect(page.getByText(fmt(D.payout.printed, { date: today }), { exact: true })).toBeVisible();
    // Every column fits across the paper: nothing is cut off at the right edge.
    expect(await table.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth)).toBe(true);
    const shot = testInfo.outputPath(`payout-${lang}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`payout sheet (${lang}, print)`, { path: shot, contentType: "image/png" });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize(phone);

    // --- The print view: number, hash and a QR code to the check page ----------------------
    await page.goto(contractPath);
    await page.getByRole("link", { name: C.detail.print, exact: true }).click();
    await expect(page).toHaveURL(`${contractPath}/print`);
    // The check code printed beside the number, and carried in the QR code's address.
    const checkCode = (() => {
      const sqlite = new Database(E2E_DB, { readonly: true });
      try {
        return (sqlite.prepare(`SELECT "checkCode" FROM "Contract" WHERE "number" = ?`).get(number) as { checkCode: string }).checkCode;
      } finally {
        sqlite.close();
      }
    })();
    expect(checkCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const verifyUrl = `${baseURL}/verify/${number}?code=${checkCode}`;
    const both = (k: keyof typeof V.print) => `${texts("lo").verify.print[k]} / ${texts("en").verify.print[k]}`;
    await expect(page.getByText(`${both("number")}: ${number}`, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`${both("checkCode")}: ${checkCode.slice(0, 4)} ${checkCode.slice(4)}`, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(sha256, { exact: true }).first()).toBeVisible();
    await expect(
      page.getByText(`${both("status")}: ${texts("lo").contracts.status.completed} / ${texts("en").contracts.status.completed}`, { exact: true }),
    ).toBeVisible();
    await expect(page.locator("span", { hasText: new RegExp(`^${escapeRegExp(verifyUrl)}$`) })).toBeVisible();
    const qr = page.getByRole("img", { name: verifyUrl, exact: true });
    await expect(qr).toBeVisible();
    // The code encodes the check page's address: it is the very code the qrcode library draws for it.
    const drawn = await QRCode.toString(verifyUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    const paths = (svg: string) => [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]);
    expect(paths(await qr.evaluate((el) => el.outerHTML))).toEqual(paths(drawn));
    await expect(page.getByText(demo.leader.name, { exact: true })).toBeVisible();
    await expect(page.getByText(demo.trader.name, { exact: true })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: V.print.printButton, exact: true })).toBeHidden();
    await expect(qr).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    // --- Signed out, anyone can check it: the record matches ------------------------------
    const visitorContext = await browser.newContext({ baseURL, locale: lang === "lo" ? "lo-LA" : "en-US" });
    const visitor = await visitorContext.newPage();
    // The number alone says only that the contract exists.
    await visitor.goto(`/verify/${number}`);
    await expect(visitor.locator("[data-verdict]")).toHaveAttribute("data-verdict", "exists");
    await expect(visitor.getByRole("main")).not.toContainText(sha256);
    await expect(visitor.getByRole("main")).not.toContainText(demo.trader.company);
    // With the code typed as printed, the check.
    await visitor.getByLabel(V.page.codeLabel, { exact: true }).fill(`${checkCode.slice(0, 4)} ${checkCode.slice(4)}`);
    await visitor.getByRole("button", { name: V.page.submit, exact: true }).click();
    await expect(visitor).toHaveURL(`/verify/${number}?code=${checkCode}`);
    await expect(visitor.locator("html")).toHaveAttribute("lang", lang);
    await expect(visitor.getByRole("button", { name: /^(Sign out|ອອກຈາກລະບົບ)$/ })).toHaveCount(0);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(fmt(V.page.titleNumber, { number }));
    const verdict = visitor.locator("[data-verdict]");
    await expect(verdict).toHaveAttribute("data-verdict", "matches");
    await expect(verdict).toHaveText(`✓ ${V.page.matches}`);
    await expect(definition(visitor, V.page.storedHash)).toHaveText(sha256);
    await expect(definition(visitor, V.page.recomputedHash)).toHaveText(sha256);
    await expect(definition(visitor, V.page.status)).toHaveText(C.status.completed);
    await expect(visitor.getByText(`✓ ${V.page.signatureOk}`)).toHaveCount(2);
    // Only what the paper shows at its top: neither the terms nor the text.
    await expect(visitor.getByRole("main")).not.toContainText(kg(total));
    await expect(visitor.getByRole("main")).not.toContainText(demo.trader.name);

    // --- The record is changed behind the portal's back: it no longer matches ---------------
    const sqlite = new Database(E2E_DB);
    try {
      sqlite.pragma("busy_timeout = 5000");
      const changed = sqlite
        .prepare(`UPDATE "ContractDocument" SET "textEn" = "textEn" || ' ' WHERE "contractId" = (SELECT "id" FROM "Contract" WHERE "number" = ?)`)
        .run(number);
      expect(changed.changes).toBe(1);
    } finally {
      sqlite.close();
    }
    await visitor.reload();
    await expect(verdict).toHaveAttribute("data-verdict", "mismatch");
    await expect(verdict).toHaveText(`✗ ${V.page.changed}`);
    await expect(definition(visitor, V.page.storedHash)).toHaveText(sha256);
    await expect(definition(visitor, V.page.recomputedHash)).not.toHaveText(sha256);
    await expect(definition(visitor, V.page.recomputedHash)).toHaveText(/^[0-9a-f]{64}$/);
    await expect(visitor.getByText(`✓ ${V.page.signatureOk}`)).toHaveCount(0);
    await expect(visitor.getByText(V.page.signatureBad)).toHaveCount(2);
    await visitorContext.close();

    // --- Denials: another trader cannot open the contract; the trader cannot see the payout sheet
    const yunlao = await actor(browser, baseURL, demo.trader3.email, lang, "/trader");
    for (const sub of ["", "/print", "/deliveries", "/payout"]) {
      const response = await yunlao.goto(`${contractPath}${sub}`);
      expect(response?.status(), `${demo.trader3.email} opening ${contractPath}${sub}`).toBe(404);
      await expect(yunlao.getByRole("heading", { level: 1 })).toHaveText(t.errors[404].title);
      await expect(yunlao.getByText(number)).toHaveCount(0);
    }
    await yunlao.goto("/contracts");
    await expect(yunlao.getByRole("link", { name: number, exact: true })).toHaveCount(0);
    const denied = await namko.goto(`${contractPath}/payout`);
    expect(denied?.status()).toBe(404);
    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(t.errors[404].title);
    for (const p of listing.pledges) await expect(namko.getByText(p.name)).toHaveCount(0);

    await yunlao.context().close();
    await namko.context().close();
  });
}
