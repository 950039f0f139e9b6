// Issue 9, against the built server: a delivery form sent twice at once keeps
// one delivery; a delivery past the contract's quantity plus its tolerance is
// refused with the page's explanation and nothing is recorded; and on an open
// listing the best price a trader is shown is the best any trader offered,
// never the FO's counter to one of them. The same behaviours are tested at the
// domain and loader level in tests/integration/contract-double-submission.test.ts
// and tests/integration/best-offer.test.ts.
import type { Page } from "@playwright/test";
import { formatDate, formatKg, formatLak, formatPermilleAsPercent } from "../../app/utils/format";
import {
  acceptOffer,
  actor,
  DEMO_PASSWORD,
  demo,
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

const lang = "en" as const;
const t = texts(lang);
const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const PRICE = 3350;
// Every contract the demo offers write has ±5 % (the offer form's default tolerance, DEFAULT_TOLERANCE_PERMILLE);
// the deliveries page states it, and the test checks that it does.
const TOLERANCE_PERMILLE = 50;
const siam = { email: "trader2@demo.la" };

const kg = (n: number | bigint) => formatKg(n, lang);
const lak = (n: number | bigint) => formatLak(n, lang);
const pct = (permille: number) => formatPermilleAsPercent(permille, lang);
const perKg = (price: number) => `${lak(price)}/${t.common.units.kg}`;

/** The net the contract allows at most, as app/domain/deliveries/delivery-amount.ts rounds it (half up). */
function limitKg(quantityKg: number, tolerancePermille: number): number {
  return Math.floor((quantityKg * (1000 + tolerancePermille) + 500) / 1000);
}

/** An accepted offer between demo.leader's FO and Namko (demo.trader), signed by both: a contract in force. */
async function activeContract(page: Page, namko: Page, kgs: number[]) {
  const C = t.contracts;
  await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
  const listing = await publishListing(page, lang, {
    crop: maize,
    grade: grade2,
    district: beng,
    kgs,
    askingPrice: PRICE,
    notes: `E2E records ${uniqueTag()}`,
  });
  await signInQuickly(namko, demo.trader.email, { lang, path: "/trader" });
  const offerPath = await sendOffer(namko, lang, listing);
  await acceptOffer(page, lang, offerPath);

  await nav(page, lang).getByRole("link", { name: t.common.nav.contracts, exact: true }).click();
  const card = page
    .getByRole("listitem")
    .filter({ hasText: fmt(C.list.parties, { fo: demo.leader.verifiedFo[lang], trader: demo.trader.company }) })
    .filter({ hasText: `${C.list.value}: ${lak(BigInt(listing.totalKg) * BigInt(PRICE))}` });
  await expect(card).toHaveCount(1);
  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/contracts\/[^/?]+$/);
  const contractPath = new URL(page.url()).pathname;

  await waitForHydration(page);
  await page.getByRole("checkbox", { name: C.sign.confirmRead }).check();
  await page.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: C.sign.submit, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: C.sign.signed })).toBeVisible();

  await namko.goto(contractPath);
  await waitForHydration(namko);
  await namko.getByLabel(C.sign.password, { exact: true }).fill(DEMO_PASSWORD);
  await namko.getByRole("button", { name: C.sign.submit, exact: true }).click();
  await expect(namko.getByRole("status").filter({ hasText: C.sign.active })).toBeVisible();
  return { contractPath, quantityKg: listing.totalKg };
}

test("a delivery form sent twice at once keeps one delivery, and one past the quantity plus tolerance is refused", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const D = t.deliveries;
  const today = formatDate(new Date(), lang);
  // A total no other contract in this run has (its value finds the contract in the list).
  const kgs = [1300 + Math.floor(Math.random() * 500), 740, 455];
  const namkoContext = await browser.newContext({ baseURL, locale: "lo-LA" });
  const namko = await namkoContext.newPage();
  const { contractPath, quantityKg } = await activeContract(page, namko, kgs);
  const deliveriesPath = `${contractPath}/deliveries`;
  const limit = limitKg(quantityKg, TOLERANCE_PERMILLE);

  // --- The trader opens the delivery form; its hidden token is read off the page
  await namko.goto(deliveriesPath);
  await expect(namko.getByText(D.deliveries.empty, { exact: true })).toBeVisible();
  await expect(namko.getByText(fmt(D.deliveries.contracted, { quantity: kg(quantityKg), tolerance: pct(TOLERANCE_PERMILLE) }), { exact: false })).toBeVisible();
  const formToken = await namko.locator('form input[type="hidden"][name="formToken"]').inputValue();
  expect(formToken.length).toBeGreaterThan(10);

  // --- The same form, posted twice at the same moment with the trader's session:
  // one lot row of 20 bags at 100 g (2 kg of tare) and 1,002 kg gross at maize's basis: 1,000 kg net.
  const form = {
    intent: "record",
    formToken,
    deliveredOn: await namko.getByLabel(D.form.deliveredOn, { exact: true }).inputValue(),
    bagGrams: "100",
    measuredBy: "Somchai Phommavong",
    instrument: "Platform scale No. 2",
    "lot.0.bags": "20",
    "lot.0.grossKg": "1002",
    "lot.0.moisture": "14", // maize's basis: nothing taken off for moisture
    "lot.0.grade": "G2",
  };
  const origin = new URL(baseURL!).origin;
  const post = () => namko.request.post(deliveriesPath, { form, maxRedirects: 0, headers: { Origin: origin } });
  const answers = await Promise.all([post(), post()]);
  // Both are answered as recorded (the second is the first's record), nothing else.
  for (const answer of answers) {
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).toBe(`${deliveriesPath}?done=recorded`);
  }

  // --- The deliveries page lists it once, and the totals count it once -----------
  const deliveryItems = (p: Page) => p.getByRole("listitem").filter({ has: p.getByRole("heading", { name: fmt(D.deliveries.heading, { date: today }) }) });
  const totals = (grossKg: number, netKg: number) =>
    fmt(D.deliveries.totals, { gross: kg(grossKg), net: kg(netKg), payable: lak(BigInt(netKg) * BigInt(PRICE)) });
  await namko.goto(deliveriesPath);
  await expect(deliveryItems(namko)).toHaveCount(1);
  await expect(namko.getByText(totals(1002, 1000), { exact: false })).toBeVisible();
  // The FO sees the same single delivery.
  await page.goto(deliveriesPath);
  await expect(deliveryItems(page)).toHaveCount(1);

  // --- One kilogram past the quantity plus tolerance: refused, with the explanation.
  // The first lot row: 20 bags (2 kg of tare at the form's 100 g a bag), so gross = net + 2.
  const remaining = limit - 1000;
  const TARE = 2;
  await waitForHydration(namko);
  const field = (label: string) => namko.getByLabel(label, { exact: true });
  const lot = (label: string) => namko.getByRole("group", { name: fmt(D.lots.row, { n: "1" }), exact: true }).getByLabel(label, { exact: true });
  const fillDelivery = async (grossKg: number) => {
    await field(D.form.bagGrams).fill("100");
    await field(D.form.measuredBy).fill("Somchai Phommavong");
    await field(D.form.instrument).fill("Platform scale No. 2");
    await lot(D.lots.bags).fill("20");
    await lot(D.lots.grossKg).fill(String(grossKg));
    await lot(D.lots.moisture).fill("14");
  };
  await fillDelivery(remaining + 1 + TARE);
  await namko.getByRole("button", { name: D.form.submit, exact: true }).click();
  const refusal = fmt(D.overDelivery.text, {
    net: kg(remaining + 1),
    total: kg(limit + 1),
    quantity: kg(quantityKg),
    tolerance: pct(TOLERANCE_PERMILLE),
    limit: kg(limit),
  });
  await expect(namko.getByText(refusal, { exact: true })).toBeVisible();
  await expect(namko.getByText(fmt(D.overDelivery.remaining, { remaining: kg(remaining), delivered: kg(1000) }), { exact: true })).toBeVisible();
  await expect(namko).not.toHaveURL(/done=recorded/);
  await expect(namko.getByText(D.done.recorded, { exact: true })).toHaveCount(0);

  // Nothing was recorded: a fresh load still lists one delivery and the same totals.
  await namko.goto(deliveriesPath);
  await expect(deliveryItems(namko)).toHaveCount(1);
  await expect(namko.getByText(totals(1002, 1000), { exact: false })).toBeVisible();
  await expect(namko.getByText(refusal, { exact: true })).toHaveCount(0);

  // Exactly up to the limit is still accepted: the refusal was the limit, not the form.
  await waitForHydration(namko);
  await fillDelivery(remaining + TARE);
  await namko.getByRole("button", { name: D.form.submit, exact: true }).click();
  await expect(namko).toHaveURL(`${deliveriesPath}?done=recorded`);
  await expect(deliveryItems(namko)).toHaveCount(2);
  // Gross: 1,002 + (remaining + 2); net: 1,000 + remaining = the limit.
  await expect(namko.getByText(totals(1002 + remaining + TARE, limit), { exact: false })).toBeVisible();

  await namkoContext.close();
});

test("on an open listing a third trader sees the best price traders offered, never the FO's counter", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const L = t.listings;
  const O = t.offers;
  const A_PRICE = 3300;
  const B_PRICE = 3200;
  const COUNTER = 3500;
  const kgs = [1100 + Math.floor(Math.random() * 500), 820, 610];

  await signInQuickly(page, demo.leader.email, { lang, path: "/fo" });
  const listing = await publishListing(page, lang, {
    crop: maize,
    grade: grade2,
    district: beng,
    kgs,
    askingPrice: PRICE,
    mode: "open",
    notes: `E2E best ${uniqueTag()}`,
  });

  async function offer(trader: Page, price: number): Promise<string> {
    await trader.goto(listing.path);
    await trader.getByRole("link", { name: L.detail.makeOffer, exact: true }).click();
    await expect(trader.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.newTitle, { listing: listing.title }));
    await waitForHydration(trader);
    await trader.getByLabel(O.form.priceLakPerKg, { exact: true }).fill(String(price));
    await trader.getByRole("button", { name: O.form.submit, exact: true }).click();
    await expect(trader).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
    return new URL(trader.url()).pathname;
  }

  // --- Trader A (Namko) offers, trader B (Yunlao) offers lower -------------------
  const namko = await actor(browser, baseURL, demo.trader.email, lang, "/trader");
  const namkoOffer = await offer(namko, A_PRICE);
  const yunlao = await actor(browser, baseURL, demo.trader3.email, lang, "/trader");
  await offer(yunlao, B_PRICE);

  const siamPage = await actor(browser, baseURL, siam.email, lang, listing.path);
  const best = (price: number) => fmt(L.detail.bestPrice, { price: perKg(price) });
  await expect(siamPage.getByText(best(A_PRICE), { exact: true })).toBeVisible();

  // --- The FO counters A higher ----------------------------------------------------
  await page.goto(`${namkoOffer}/respond`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.counterTitle, { listing: listing.title }));
  await waitForHydration(page);
  await page.getByLabel(O.form.priceLakPerKg, { exact: true }).fill(String(COUNTER));
  await page.getByRole("button", { name: O.form.submitCounter, exact: true }).click();
  await expect(page).toHaveURL(`${namkoOffer}?done=countered`);
  await expect(page.getByText(O.status.countered, { exact: true })).toBeVisible();

  // --- The third trader's listing page: A's price is still the best, the counter is nowhere
  await siamPage.reload();
  await expect(siamPage.getByText(best(A_PRICE), { exact: true })).toBeVisible();
  await expect(siamPage.getByText(best(COUNTER), { exact: true })).toHaveCount(0);
  // Trader B, the other trader, reads the same.
  await yunlao.goto(listing.path);
  await expect(yunlao.getByText(best(A_PRICE), { exact: true })).toBeVisible();
  await expect(yunlao.getByText(best(COUNTER), { exact: true })).toHaveCount(0);

  for (const p of [namko, yunlao, siamPage]) await p.context().close();
});
