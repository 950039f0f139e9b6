// The marketplace in a real browser: an FO leader pools member pledges into a
// listing, two traders compete with offers, the FO compares them by effective
// price, counters one, and contracts it — once in Lao and once in English —
// plus sealed offers, who may compare, bad input and the browse filters.
import type { Browser, Page } from "@playwright/test";
import { moistureDeductionKg } from "../../app/domain/offers/moisture-deduction";
import { formatKg, formatLak, formatPermilleAsPercent } from "../../app/utils/format";
import { CROPS } from "../../prisma/seed/reference-data";
import { chooseVillageIn, demo, escapeRegExp, expect, fmt, nav, signInQuickly, test, texts, uniqueTag, waitForHydration, type Lang } from "./fixtures";

const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const jobsTears = { lo: "ເດືອຍ", en: "Job's tears" };
const grade2 = { lo: "ຊັ້ນ 2", en: "Grade 2" };
const beng = { lo: "ແບ່ງ", en: "Beng" };

/** A calendar date in Laos (UTC+7) `days` from today, as a date input takes it. */
function laoDate(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** a / b rounded half up, for positive whole numbers. */
function roundHalfUp(a: number, b: number): number {
  return Number((2n * BigInt(a) + BigInt(b)) / (2n * BigInt(b)));
}

const MAIZE = CROPS.find((c) => c.code === "MAIZE")!;

/** kg the offer form's starting table (the crop's, on its standard basis) deducts from `kg` at `moisturePermille`. */
function deductedKg(kg: number, moisturePermille: number): number {
  return moistureDeductionKg({ grossKg: kg, measuredPermille: moisturePermille, basisPermille: MAIZE.standardMoisturePermille, bands: MAIZE.bands }).deductedKg;
}

/**
 * The effective price by hand, for an offer with no advance on the crop's
 * table and basis, the lot at `deducted` kg less: value − transport the FO
 * pays − 2 % a month of waiting.
 */
function effectivePrice(o: { price: number; kg: number; foTransport: number; paymentDays: number; deducted?: number }) {
  const value = o.price * (o.kg - (o.deducted ?? 0));
  const waiting = roundHalfUp(value * 20 * o.paymentDays, 1000 * 30);
  const net = value - o.foTransport - waiting;
  return { value, waiting, net, perKg: roundHalfUp(net, o.kg) };
}

/** Another person on another phone: a browser context of their own, signed in. */
async function actor(browser: Browser, baseURL: string | undefined, email: string, lang: Lang, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "lo-LA" });
  const page = await context.newPage();
  await signInQuickly(page, email, { lang, path });
  return page;
}

/**
 * `text` as a pattern in which thousands may be grouped with "," or ".": in Lao
 * the server groups with "." and the browser, once React has hydrated, with ","
 * (see the bug noted in the report), so a figure is checked digit for digit
 * whichever rendering the page shows.
 */
function loose(text: string, exact = true): RegExp {
  const marked = text.replace(/(\d)[.,](?=\d{3}(?:\D|$))/g, "$1\u0000");
  const pattern = escapeRegExp(marked).replaceAll("\u0000", "[.,]");
  return new RegExp(exact ? `^${pattern}$` : pattern);
}

function perKg(lang: Lang, lak: number): string {
  return `${formatLak(lak, lang)}/${texts(lang).common.units.kg}`;
}

/** How many unread notifications the nav's "Inbox (n)" says there are. */
async function unreadInNav(page: Page, lang: Lang): Promise<number> {
  const label =
    (await nav(page, lang)
      .getByRole("link", { name: new RegExp(`^${escapeRegExp(texts(lang).common.nav.inbox)}`) })
      .textContent()) ?? "";
  const match = /\((\d+)\)$/.exec(label.trim());
  return match ? Number(match[1]) : 0;
}

function status(page: Page, text: string) {
  return page.getByText(text, { exact: true });
}

for (const lang of ["lo", "en"] as const) {
  const mode = lang === "lo" ? "open" : "sealed";

  test(`[${lang}] an FO pools pledges into a ${mode} listing, two traders offer, the FO compares, counters and contracts`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const t = texts(lang);
    const L = t.listings;
    const O = t.offers;
    const C = t.compare;
    // Unique volumes, so this listing and its notifications are told apart from any other.
    const kgs = [1200 + Math.floor(Math.random() * 400), 800, 950 + (lang === "lo" ? 0 : 1000)];
    const total = kgs.reduce((a, b) => a + b, 0);
    const note = `E2E ${lang} ${uniqueTag()}`;
    const title = `${maize[lang]}, ${grade2[lang]}`;
    const noticeTitle = `${maize[lang]} ${grade2[lang]}, ${formatKg(total, lang)}`;

    // --- The leader prepares the listing ------------------------------------
    await signInQuickly(page, demo.leader.email, { lang, path: "/listings/new" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(L.form.newTitle);
    // The leader leads two FOs: first, which one sells.
    await page.getByRole("navigation", { name: L.form.organisation }).getByRole("link", { name: demo.leader.verifiedFo[lang], exact: true }).click();
    await expect(page).toHaveURL(/\/listings\/new\?organisationId=/);
    await waitForHydration(page);
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field(L.form.crop).selectOption({ label: maize[lang] });
    await field(L.form.grade).selectOption({ label: `${maize[lang]}: ${grade2[lang]}` });
    await field(L.form.availableFrom).fill(laoDate(7));
    await field(L.form.availableUntil).fill(laoDate(60));
    const village = await chooseVillageIn(field(L.form.pickupVillage), beng[lang]);
    await field(L.form.askingPrice).fill("3350");
    await field(L.form.offerMode).selectOption({ label: L.mode[mode] });
    await field(L.form.offerDeadline).fill(laoDate(14));
    await field(L.form.notes).fill(note);

    // Without a single pledge nothing is saved, and the error stands next to the pledges.
    const pledges = page.getByRole("group", { name: L.form.pledges });
    await page.getByRole("button", { name: L.form.saveDraft, exact: true }).click();
    await expect(pledges.getByRole("alert")).toHaveText(L.errors.noPledges);
    await expect(page.getByRole("alert").filter({ hasText: t.validation.formHasErrors })).toBeVisible();
    await expect(page).toHaveURL(/\/listings\/new(\?|$)/);
    await expect(field(L.form.notes)).toHaveValue(note);

    // Three households pledge; names that occur once in the register, so each label is unambiguous.
    const names = (await pledges.locator("label").allTextContents()).map((n) => n.trim());
    const unique = names.filter((n) => names.indexOf(n) === names.lastIndexOf(n)).slice(0, 3);
    expect(unique).toHaveLength(3);
    for (const [i, name] of unique.entries()) await pledges.getByLabel(name, { exact: true }).fill(String(kgs[i]));
    await page.getByRole("button", { name: L.form.saveDraft, exact: true }).click();

    // The draft: the quantity is the sum of the pledges.
    await expect(page).toHaveURL(/\/listings\/[^/?]+\?saved=1$/);
    const listingPath = new URL(page.url()).pathname;
    await expect(page.getByRole("status").filter({ hasText: L.detail.saved })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(status(page, L.status.draft)).toBeVisible();
    await expect(page.getByText(loose(formatKg(total, lang)))).toBeVisible();
    await expect(page.getByText(fmt(L.browse.households, { count: 3 }))).toBeVisible();
    await expect(page.getByText(L.mode[mode], { exact: true })).toBeVisible();
    const pledgeRows = page.getByRole("group").filter({ hasText: L.detail.pledges }).getByRole("row");
    await expect(pledgeRows).toHaveCount(4);
    for (const [i, name] of unique.entries()) {
      await expect(pledgeRows.filter({ hasText: name })).toContainText(loose(formatKg(kgs[i]!, lang), false));
    }

    await page.getByRole("button", { name: L.detail.publish, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: L.detail.published })).toBeVisible();
    await expect(status(page, L.status.open)).toBeVisible();
    await expect(page.getByRole("button", { name: L.detail.publish, exact: true })).toHaveCount(0);

    // --- Namko finds it on the browse page and offers ------------------------
    const namko = await actor(browser, baseURL, demo.trader.email, lang, "/trader");
    await nav(namko, lang).getByRole("link", { name: t.common.nav.listings, exact: true }).click();
    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(L.browse.title);
    await waitForHydration(namko);
    await namko.getByLabel(L.browse.crop, { exact: true }).selectOption({ label: maize[lang] });
    await namko.getByLabel(L.browse.sort, { exact: true }).selectOption({ label: L.browse.sortNewest });
    await namko.getByRole("button", { name: L.browse.apply, exact: true }).click();
    await expect(namko).toHaveURL(/crop=.+&.*sort=newest/);
    const card = namko.getByRole("listitem").filter({ hasText: loose(formatKg(total, lang), false) });
    await expect(card).toContainText(L.mode[mode]);
    await card.getByRole("link", { name: title }).click();
    await expect(namko).toHaveURL(listingPath);
    if (mode === "open") await expect(namko.getByText(L.detail.noOffersYet, { exact: true })).toBeVisible();
    else await expect(namko.getByText(L.detail.sealedNote, { exact: true })).toBeVisible();
    // A trader may not compare other traders' offers.
    const denied = await namko.goto(`${listingPath}/offers`);
    expect(denied?.status()).toBe(404);
    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(t.errors[404].title);
    await namko.goto(listingPath);
    await namko.getByRole("link", { name: L.detail.makeOffer, exact: true }).click();

    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.newTitle, { listing: title }));
    await waitForHydration(namko);
    const offerField = (p: Page, label: string) => p.getByLabel(label, { exact: true });
    // Prefilled from the listing.
    await expect(offerField(namko, O.form.priceLakPerKg)).toHaveValue("3350");
    await expect(offerField(namko, O.form.quantityKg)).toHaveValue(String(total));
    await expect(offerField(namko, O.form.deliveryPlace)).toHaveValue(village);
    await expect(offerField(namko, O.form.transportPaidBy)).toHaveValue("trader");
    await expect(offerField(namko, O.form.paymentDays)).toHaveValue("7");
    await offerField(namko, O.form.priceLakPerKg).fill("3300");
    await namko.getByRole("button", { name: O.form.submit, exact: true }).click();
    await expect(namko).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
    const namkoOffer = new URL(namko.url()).pathname;
    await expect(namko.getByRole("status").filter({ hasText: O.detail.sent })).toBeVisible();
    await expect(status(namko, O.status.submitted)).toBeVisible();
    await expect(namko.getByRole("heading", { level: 1 })).toHaveText(fmt(O.detail.title, { company: demo.trader.company }));

    // --- Yunlao sees Namko's price only on an open listing, and offers more, with the FO paying transport
    const yunlao = await actor(browser, baseURL, demo.trader3.email, lang, listingPath);
    const yunlaoUnreadBefore = await unreadInNav(yunlao, lang);
    const namkoBest = fmt(L.detail.bestPrice, { price: perKg(lang, 3300) });
    if (mode === "open") {
      await expect(yunlao.getByText(loose(namkoBest))).toBeVisible();
    } else {
      await expect(yunlao.getByText(L.detail.sealedNote, { exact: true })).toBeVisible();
      await expect(yunlao.getByText(loose(namkoBest, false))).toHaveCount(0);
      await expect(yunlao.getByText(L.detail.noOffersYet)).toHaveCount(0);
      await expect(yunlao.getByText(demo.trader.company)).toHaveCount(0);
    }
    await yunlao.getByRole("link", { name: L.detail.makeOffer, exact: true }).click();
    await waitForHydration(yunlao);
    // An empty price is refused next to the field; nothing is sent.
    await offerField(yunlao, O.form.priceLakPerKg).fill("");
    await yunlao.getByRole("button", { name: O.form.submit, exact: true }).click();
    await expect(offerField(yunlao, O.form.priceLakPerKg)).toHaveAccessibleDescription(t.validation.required);
    await expect(offerField(yunlao, O.form.priceLakPerKg)).toHaveAttribute("aria-invalid", "true");
    await expect(yunlao).toHaveURL(`${listingPath}/offers/new`);
    await expect(offerField(yunlao, O.form.quantityKg)).toHaveValue(String(total));
    await offerField(yunlao, O.form.priceLakPerKg).fill("3400");
    await offerField(yunlao, O.form.transportPaidBy).selectOption({ label: O.form.paidByFo });
    await offerField(yunlao, O.form.transportCostLak).fill("900000");
    await yunlao.getByRole("button", { name: O.form.submit, exact: true }).click();
    await expect(yunlao).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
    const yunlaoOffer = new URL(yunlao.url()).pathname;
    await expect(yunlao.getByText(loose(fmt(O.terms.paidByFo, { cost: formatLak(900_000, lang) })))).toBeVisible();

    // --- The FO compares: at the moisture it expects, ranked by effective price, not by price
    // Maize offered in December is harvest-time grain: the comparison starts at the default of 22 %,
    // where each offer's own table deducts (both offers kept the form's starting table).
    const wet = deductedKg(total, 220);
    expect(wet).toBeGreaterThan(0);
    const namkoWet = effectivePrice({ price: 3300, kg: total, foTransport: 0, paymentDays: 7, deducted: wet });
    const yunlaoWet = effectivePrice({ price: 3400, kg: total, foTransport: 900_000, paymentDays: 7, deducted: wet });
    expect(namkoWet.net).toBeGreaterThan(yunlaoWet.net);
    await page.reload();
    await page.getByRole("link", { name: fmt(L.detail.compareCount, { count: 2 }), exact: true }).click();
    await expect(page).toHaveURL(`${listingPath}/offers`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(C.title);
    await expect(page.getByRole("heading", { level: 2, name: `${C.moisture.title}: ${formatPermilleAsPercent(220, lang)}` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3 })).toHaveText([`1. ${demo.trader.company}`, `2. ${demo.trader3.company}`]);
    const row = (company: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: company }) });
    await expect(row(demo.trader.company)).toContainText(loose(`${C.effective}: ${perKg(lang, namkoWet.perKg)}`, false));
    await expect(row(demo.trader.company)).toContainText(C.best);
    // What waiting for payment costs, in one plain sentence, the same figure as its line.
    await expect(row(demo.trader3.company)).toContainText(
      loose(fmt(C.waitingSentence, { days: 7, rate: formatPermilleAsPercent(20, lang), amount: formatLak(yunlaoWet.waiting, lang) }), false),
    );
    // In money, over the whole listing: how much more the best offer brings.
    await expect(row(demo.trader3.company)).toContainText(
      loose(fmt(C.behind, { amount: formatLak(namkoWet.net - yunlaoWet.net, lang), kg: formatKg(total, lang) }), false),
    );
    const wetArithmetic = row(demo.trader3.company).getByRole("table", { name: t.prices.arithmetic.caption });
    await row(demo.trader3.company)
      .getByText(loose(`${C.effective}: ${perKg(lang, yunlaoWet.perKg)}`))
      .click();
    await expect(
      wetArithmetic.getByRole("row").filter({
        has: page.getByRole("cell", { name: loose(fmt(t.prices.lines.netKg, { quantityKg: formatKg(total, lang), deductedKg: formatKg(wet, lang) })) }),
      }),
    ).toContainText(loose(formatKg(total - wet, lang), false));

    // The leader will dry the lot to 14 %: stated on the page (a plain form), no table deducts anything.
    await page.getByLabel(C.moisture.label, { exact: true }).fill("14");
    await page.getByRole("button", { name: C.moisture.save, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: C.moisture.saved })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: `${C.moisture.title}: ${formatPermilleAsPercent(140, lang)}` })).toBeVisible();
    const namkoEff = effectivePrice({ price: 3300, kg: total, foTransport: 0, paymentDays: 7 });
    const yunlaoEff = effectivePrice({ price: 3400, kg: total, foTransport: 900_000, paymentDays: 7 });
    expect(namkoEff.perKg).toBeGreaterThan(yunlaoEff.perKg);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText([`1. ${demo.trader.company}`, `2. ${demo.trader3.company}`]);
    await expect(row(demo.trader.company)).toContainText(loose(`${C.effective}: ${perKg(lang, namkoEff.perKg)}`, false));
    await expect(row(demo.trader3.company)).toContainText(loose(`${C.price}: ${perKg(lang, 3400)}`, false));

    // Yunlao's figure opens to its arithmetic.
    const arithmetic = row(demo.trader3.company).getByRole("table", { name: t.prices.arithmetic.caption });
    await expect(arithmetic).toBeHidden();
    await row(demo.trader3.company)
      .getByText(loose(`${C.effective}: ${perKg(lang, yunlaoEff.perKg)}`))
      .click();
    await expect(arithmetic).toBeVisible();
    await expect(arithmetic.getByRole("row").filter({ hasText: t.prices.lines.transportFo })).toContainText(loose(`− ${formatLak(900_000, lang)}`, false));
    await expect(
      arithmetic.getByRole("cell", {
        name: loose(
          fmt(t.prices.lines.effective, {
            netLak: formatLak(yunlaoEff.net, lang),
            quantityKg: formatKg(total, lang),
            effectiveLak: formatLak(yunlaoEff.perKg, lang),
          }),
        ),
      }),
    ).toBeVisible();
    await expect(
      arithmetic.getByRole("row").filter({
        has: page.getByRole("cell", { name: loose(fmt(t.prices.lines.value, { netKg: formatKg(total, lang), priceLak: formatLak(3400, lang) })) }),
      }),
    ).toContainText(loose(formatLak(yunlaoEff.value, lang), false));

    // --- The FO counters Namko from the comparison ----------------------------------
    await row(demo.trader.company).getByRole("link", { name: C.counter, exact: true }).click();
    await expect(page).toHaveURL(`${namkoOffer}/respond`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.counterTitle, { listing: title }));
    await waitForHydration(page);
    await expect(offerField(page, O.form.priceLakPerKg)).toHaveValue("3300");
    await offerField(page, O.form.priceLakPerKg).fill("3350");
    await page.getByRole("button", { name: O.form.submitCounter, exact: true }).click();
    await expect(page).toHaveURL(`${namkoOffer}?done=countered`);
    await expect(page.getByRole("status").filter({ hasText: O.detail.countered })).toBeVisible();
    await expect(status(page, O.status.countered)).toBeVisible();
    await expect(page.getByRole("link", { name: O.detail.accept, exact: true })).toHaveCount(0);

    // --- Namko reads the counter in the inbox and accepts it ---------------------
    await namko.goto("/trader");
    await nav(namko, lang)
      .getByRole("link", { name: new RegExp(`^${escapeRegExp(t.common.nav.inbox)} \\(\\d+\\)$`) })
      .click();
    await expect(namko).toHaveURL("/inbox");
    const counterTitle = fmt(t.notifications.kinds.offer_countered.title, { listing: noticeTitle });
    await namko.getByRole("button", { name: loose(`${t.notifications.open} ${counterTitle}`) }).click();
    await expect(namko).toHaveURL(namkoOffer);
    await expect(status(namko, O.status.countered)).toBeVisible();
    await namko.getByRole("link", { name: O.detail.acceptCounter, exact: true }).click();
    await expect(namko).toHaveURL(`${namkoOffer}?confirm=acceptCounter#confirm`);
    await namko.getByRole("button", { name: O.detail.confirmCounterYes, exact: true }).click();
    await expect(namko.getByRole("status").filter({ hasText: O.detail.counterAccepted })).toBeVisible();
    await expect(status(namko, O.status.submitted)).toBeVisible();

    // --- The FO accepts from the comparison, confirming on the offer: the listing is contracted
    await page.goto(`${listingPath}/offers`);
    await expect(row(demo.trader.company)).toContainText(loose(`${C.price}: ${perKg(lang, 3350)}`, false));
    await expect(row(demo.trader3.company).getByRole("link", { name: C.accept, exact: true })).toBeVisible();
    await row(demo.trader.company).getByRole("link", { name: C.accept, exact: true }).click();
    await expect(page).toHaveURL(`${namkoOffer}?confirm=accept#confirm`);
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${escapeRegExp(fmt(O.detail.live, { n: 3 }))}`) })).toBeVisible();
    await expect(
      page
        .getByRole("definition")
        .filter({ hasText: loose(perKg(lang, 3350), false) })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: O.detail.confirmTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: O.detail.backToComparison, exact: true })).toHaveAttribute("href", `${listingPath}/offers`);
    await page.getByRole("button", { name: O.detail.confirmAccept, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: O.detail.accepted })).toBeVisible();
    await expect(status(page, O.status.accepted)).toBeVisible();
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page).toHaveURL(listingPath);
    await expect(status(page, L.status.contracted)).toBeVisible();
    await page.goto(`${listingPath}/offers`);
    await expect(page.getByText(C.empty, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: C.closed })).toBeVisible();
    await expect(page.getByRole("link", { name: C.accept, exact: true })).toHaveCount(0);
    await expect(row(demo.trader3.company)).toContainText(O.status.rejected);
    await expect(row(demo.trader.company)).toContainText(O.status.accepted);

    // --- Yunlao is told, and its offer shows as not accepted ---------------------
    await yunlao.goto("/inbox");
    await expect.poll(() => unreadInNav(yunlao, lang)).toBe(yunlaoUnreadBefore + 1);
    const rejectedTitle = fmt(t.notifications.kinds.offer_rejected.title, { listing: noticeTitle });
    await expect(yunlao.getByRole("listitem").filter({ hasText: loose(rejectedTitle, false) })).toContainText(
      loose(fmt(t.notifications.kinds.offer_rejected.body, { listing: noticeTitle }), false),
    );
    await yunlao.getByRole("button", { name: loose(`${t.notifications.open} ${rejectedTitle}`) }).click();
    await expect(yunlao).toHaveURL(yunlaoOffer);
    await expect(status(yunlao, O.status.rejected)).toBeVisible();
    await expect(yunlao.getByRole("link", { name: O.detail.withdraw })).toHaveCount(0);
    await expect.poll(() => unreadInNav(yunlao, lang)).toBe(yunlaoUnreadBefore);

    // Namko's offer is accepted, and the listing no longer takes offers.
    await namko.goto(listingPath);
    await expect(status(namko, L.status.contracted)).toBeVisible();
    await expect(namko.getByRole("link", { name: L.detail.makeOffer })).toHaveCount(0);
    await expect(namko.getByText(loose(`${L.detail.yourOffer} (${demo.trader.company}): ${perKg(lang, 3350)} · ${O.status.accepted}`, false))).toBeVisible();

    await namko.context().close();
    await yunlao.context().close();
  });
}

test("a trader cannot see the offers on a sealed listing before its deadline, nor open any comparison", async ({ page }) => {
  const t = texts("lo");
  // The seeded sealed Job's tears listing of Phonxay has one offer, from Yunlao (7,100 LAK/kg).
  await signInQuickly(page, demo.trader.email, { lang: "lo", path: "/listings" });
  await waitForHydration(page);
  await page.getByLabel(t.listings.browse.crop, { exact: true }).selectOption({ label: jobsTears.lo });
  await page.getByRole("button", { name: t.listings.browse.apply, exact: true }).click();
  const card = page.getByRole("listitem").filter({ hasText: t.listings.mode.sealed });
  await expect(card).toHaveCount(1);
  await card.getByRole("link").click();
  await expect(page.getByText(t.listings.detail.sealedNote, { exact: true })).toBeVisible();
  await expect(page.getByText(t.listings.detail.noOffersYet)).toHaveCount(0);
  await expect(page.getByText(t.listings.detail.bestPrice.split("{{")[0]!)).toHaveCount(0);
  await expect(page.getByText(demo.trader3.company)).toHaveCount(0);
  await expect(page.locator('a[href$="/offers"]')).toHaveCount(0);
  const listingPath = new URL(page.url()).pathname;
  const response = await page.goto(`${listingPath}/offers`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.errors[404].title);
});

test("the browse page narrows listings by crop and sorts them by quantity", async ({ page }) => {
  const t = texts("en");
  const B = t.listings.browse;
  await signInQuickly(page, demo.trader.email, { lang: "en", path: "/listings" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(B.title);
  const cards = page.getByRole("main").getByRole("listitem");
  const headings = () => cards.getByRole("heading").allTextContents();
  const quantities = async () => (await cards.getByText(/^[\d,.]+ kg$/).allTextContents()).map((s) => Number(s.replace(/[^\d]/g, "")));
  const all = await cards.count();
  expect(all).toBeGreaterThan(2);
  await expect(page.getByText(fmt(B.found, { count: all }), { exact: true })).toBeVisible();
  // By default the soonest deadline comes first, which is not the order by quantity.
  const byDeadline = await quantities();
  expect(byDeadline).toHaveLength(all);
  const largestFirst = [...byDeadline].sort((a, b) => b - a);
  expect(byDeadline).not.toEqual(largestFirst);
  await waitForHydration(page);

  // One crop: fewer listings, all of that crop.
  await page.getByLabel(B.crop, { exact: true }).selectOption({ label: maize.en });
  await page.getByRole("button", { name: B.apply, exact: true }).click();
  await expect(page).toHaveURL(/\/listings\?crop=/);
  await expect(page.getByText(fmt(B.found, { count: all }), { exact: true })).toHaveCount(0);
  await expect.poll(async () => (await headings()).every((h) => h.startsWith(`${maize.en}, `))).toBe(true);
  const maizeCount = await cards.count();
  expect(maizeCount).toBeGreaterThan(0);
  expect(maizeCount).toBeLessThan(all);
  await expect(page.getByText(fmt(B.found, { count: maizeCount }), { exact: true })).toBeVisible();

  // Cleared, then sorted by quantity: largest first.
  await page.getByRole("link", { name: B.clear, exact: true }).click();
  await expect(page).toHaveURL("/listings");
  await expect(cards).toHaveCount(all);
  // Reloaded: after "Clear filters" the crop box still shows the cleared crop (see the report).
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByLabel(B.crop, { exact: true })).toHaveValue("");
  await page.getByLabel(B.sort, { exact: true }).selectOption({ label: B.sortQuantity });
  await page.getByRole("button", { name: B.apply, exact: true }).click();
  await expect(page).toHaveURL(/sort=quantity/);
  await expect.poll(quantities).toEqual(largestFirst);
  await expect(page.getByText(fmt(B.found, { count: all }), { exact: true })).toBeVisible();
});
