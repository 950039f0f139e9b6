// Shared helpers for the end-to-end journeys. Texts come from the app's own
// translation files, so a test checks exactly what a user reads in each language.
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import { resources } from "../../app/locales/index";

export { expect };
export type Lang = "lo" | "en";

/**
 * A phone set to Lao by default (Playwright's own default is en-US, which the
 * portal would honour through Accept-Language). Tests about the browser's
 * language override `locale` themselves.
 */
export const test = base.extend({ locale: "lo-LA" });

export const DEMO_PASSWORD = "demo-password";

export const demo = {
  leader: {
    email: "leader@demo.la",
    phoneLocal: "020 5551 0001",
    name: "Bounmy Keomany",
    verifiedFo: { lo: "ສະຫະກອນຜະລິດສາລີ ບ້ານໂພນໄຊ", en: "Phonxay Maize Producers' Cooperative" },
    pendingFo: { lo: "ກຸ່ມຜູ້ປູກເດືອຍ ບ້ານນາທອງ", en: "Nathong Job's Tears Growers' Group" },
  },
  leader2: { email: "leader2@demo.la", name: "Manivanh Sisombath" },
  trader: { email: "trader@demo.la", name: "Thongsay Chanthavong", company: "Namko Agro Trading Sole Co., Ltd." },
  trader3: {
    email: "trader3@demo.la",
    name: "Vanxay Douangmany",
    company: "Yunlao Agricultural Import & Export Co., Ltd. – Oudomxay Branch",
  },
  facilitator: { email: "facilitator@demo.la", name: "Phonesavanh Latsavong" },
  facilitatorXyb: { email: "facilitator.xyb@demo.la", name: "Khamla Silavong" },
  admin: { email: "admin@demo.la", name: "Daovone Sihalath" },
} as const;

/** The translation tables of one language, by namespace. */
export function texts(lang: Lang) {
  return resources[lang];
}

/** i18next-style interpolation of {{name}} placeholders. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ""));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let counter = 0;
/** A short tag that differs between tests and between runs. */
export function uniqueTag(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1000)}`;
}

/** A Lao mobile number in local format (020 9xxx xxxx) nobody else uses in this run. */
export function uniquePhone(): string {
  counter += 1;
  const digits = String((Date.now() * 10 + counter) % 10_000_000).padStart(7, "0");
  return `020 9${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export async function pageLang(page: Page): Promise<Lang> {
  const lang = await page.locator("html").getAttribute("lang");
  if (lang !== "lo" && lang !== "en") throw new Error(`unexpected page language ${lang}`);
  return lang;
}

export function nav(page: Page, lang: Lang): Locator {
  return page.getByRole("navigation", { name: texts(lang).common.nav.menu });
}

/** Presses the header's language button (the page reloads in that language). */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  const button = page.getByRole("button", { name: texts(lang).common.language[lang], exact: true });
  if ((await pageLang(page)) !== lang) await button.click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(button).toHaveAttribute("aria-pressed", "true");
}

/** Fills and submits the sign-in form of the current /login page, in whichever language it is. */
export async function submitSignIn(page: Page, identifier: string, password: string): Promise<void> {
  const t = texts(await pageLang(page)).auth.signIn;
  await page.getByLabel(t.identifier, { exact: true }).fill(identifier);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
}

/**
 * Opens /login, signs in and waits for the landing page. With `lang`, the page
 * is then switched to that language if the account remembers another one, so a
 * test does not depend on what earlier tests chose for a shared demo account.
 */
export async function signIn(page: Page, identifier: string, password: string = DEMO_PASSWORD, options: { lang?: Lang } = {}): Promise<void> {
  await page.goto("/login");
  await submitSignIn(page, identifier, password);
  await expect(page).not.toHaveURL(/\/login/);
  await waitUntilSignedIn(page);
  if (options.lang) await switchLanguage(page, options.lang);
}

/**
 * Signs in without the sign-in page (a form post from the browser context, which
 * keeps the session cookie), sets the account's language and opens `path` —
 * for tests whose subject is not the sign-in page itself.
 */
export async function signInQuickly(page: Page, identifier: string, options: { password?: string; lang: Lang; path?: string }): Promise<void> {
  const signedIn = await page.request.post("/login", {
    form: { identifier, password: options.password ?? DEMO_PASSWORD, redirectTo: "" },
    maxRedirects: 0,
  });
  expect(signedIn.status(), `signing in as ${identifier}`).toBe(302);
  const language = await page.request.post("/language", { form: { locale: options.lang, redirectTo: "/" }, maxRedirects: 0 });
  expect(language.status()).toBe(302);
  await page.goto(options.path ?? signedIn.headers()["location"] ?? "/");
  await expect(page.locator("html")).toHaveAttribute("lang", options.lang);
  await waitUntilSignedIn(page);
}

/**
 * Waits for the signed-in page itself: with JavaScript the URL changes before
 * React renders the new page, so the URL alone does not say the page is there.
 */
export async function waitUntilSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: /^(Sign out|ອອກຈາກລະບົບ)$/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  const t = texts(await pageLang(page));
  await page.getByRole("button", { name: t.common.nav.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText(texts(await pageLang(page)).auth.signIn.signedOut);
}

/**
 * Waits until the page's script (app/enhance.js) has run. Pages are not
 * hydrated: with JavaScript on they are the server's HTML plus that script.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === "complete");
}

/** Chooses the first village listed under the district whose group label starts with `district`. */
export async function chooseVillageIn(select: Locator, district: string): Promise<string> {
  const option = select.locator(`optgroup[label^="${district},"] option`).first();
  const value = await option.getAttribute("value");
  const label = (await option.textContent()) ?? "";
  if (!value) throw new Error(`no village under ${district}`);
  await select.selectOption(value);
  return label;
}

export type FoRegistration = {
  name: string;
  phone: string;
  email: string;
  password: string;
  orgNameLo: string;
  orgNameEn: string;
};

export function newFoRegistration(): FoRegistration {
  const tag = uniqueTag();
  return {
    name: `Test Leader ${tag}`,
    phone: uniquePhone(),
    email: `leader-${tag}@example.la`,
    password: `secret-${tag}`,
    orgNameLo: `ກຸ່ມທົດສອບ ${tag}`,
    orgNameEn: `Test Growers Group ${tag}`,
  };
}

/** Fills "About you" on /register in the page's language. */
export async function fillAccountPart(
  page: Page,
  account: { name: string; phone?: string; email?: string; password: string; passwordConfirm?: string },
): Promise<void> {
  const t = texts(await pageLang(page)).auth.register;
  await page.getByLabel(t.name, { exact: true }).fill(account.name);
  if (account.phone !== undefined) await page.getByLabel(t.phone, { exact: true }).fill(account.phone);
  if (account.email !== undefined) await page.getByLabel(t.email, { exact: true }).fill(account.email);
  await page.getByLabel(t.password, { exact: true }).fill(account.password);
  await page.getByLabel(t.passwordConfirm, { exact: true }).fill(account.passwordConfirm ?? account.password);
}

/** Fills the farmers' organisation part on /register, with a village in `district`. */
export async function fillFoPart(
  page: Page,
  fo: { orgNameLo: string; orgNameEn: string },
  district: { lo: string; en: string } = { lo: "ແບ່ງ", en: "Beng" },
): Promise<string> {
  const lang = await pageLang(page);
  const t = texts(lang);
  await page.getByLabel(t.auth.register.orgNameLo, { exact: true }).fill(fo.orgNameLo);
  await page.getByLabel(t.auth.register.orgNameEn, { exact: true }).fill(fo.orgNameEn);
  await page.getByLabel(t.auth.register.orgType, { exact: true }).selectOption({ label: t.common.orgType.cooperative });
  return chooseVillageIn(page.getByLabel(t.auth.register.village, { exact: true }), district[lang]);
}

// ---------------------------------------------------------------------------
// The marketplace steps that lead to a contract (as marketplace.test.ts walks
// them), for journeys that start from an accepted offer.
// ---------------------------------------------------------------------------

/** A calendar date in Laos (UTC+7) `days` from today, as a date input takes it. */
export function laoDate(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Another person on another phone: a browser context of their own, signed in
 * (the caller closes it with `page.context().close()`).
 */
export async function actor(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  lang: Lang,
  path: string,
  contextOptions: Parameters<Browser["newContext"]>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "lo-LA", ...contextOptions });
  const page = await context.newPage();
  await signInQuickly(page, email, { lang, path });
  return page;
}

export type Bilingual = { lo: string; en: string };

export type PublishedListing = {
  /** /listings/<id> */
  path: string;
  /** "<crop>, <grade>" as the listing's heading reads */
  title: string;
  totalKg: number;
  /** the households that pledged, in the order of `kgs` */
  pledges: { name: string; kg: number }[];
};

/**
 * On `page`, signed in as demo.leader: pools one pledge per entry of `kgs` (from
 * members whose names occur once in the register) into a listing of the
 * verified FO, saves it and publishes it; offers close in 14 days unless
 * `offerDeadlineDays` says otherwise.
 */
export async function publishListing(
  page: Page,
  lang: Lang,
  options: {
    crop: Bilingual;
    grade: Bilingual;
    district: Bilingual;
    kgs: number[];
    askingPrice: number;
    mode?: "open" | "sealed";
    notes?: string;
    offerDeadlineDays?: number;
  },
): Promise<PublishedListing> {
  const L = texts(lang).listings;
  await page.goto("/listings/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(L.form.newTitle);
  await page.getByRole("navigation", { name: L.form.organisation }).getByRole("link", { name: demo.leader.verifiedFo[lang], exact: true }).click();
  await expect(page).toHaveURL(/\/listings\/new\?organisationId=/);
  await waitForHydration(page);
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field(L.form.crop).selectOption({ label: options.crop[lang] });
  await field(L.form.grade).selectOption({ label: `${options.crop[lang]}: ${options.grade[lang]}` });
  await field(L.form.availableFrom).fill(laoDate(7));
  await field(L.form.availableUntil).fill(laoDate(60));
  await chooseVillageIn(field(L.form.pickupVillage), options.district[lang]);
  await field(L.form.askingPrice).fill(String(options.askingPrice));
  await field(L.form.offerMode).selectOption({ label: L.mode[options.mode ?? "open"] });
  await field(L.form.offerDeadline).fill(laoDate(options.offerDeadlineDays ?? 14));
  if (options.notes) await field(L.form.notes).fill(options.notes);
  const group = page.getByRole("group", { name: L.form.pledges });
  const names = (await group.locator("label").allTextContents()).map((n) => n.trim());
  const unique = names.filter((n) => names.indexOf(n) === names.lastIndexOf(n)).slice(0, options.kgs.length);
  expect(unique).toHaveLength(options.kgs.length);
  const pledges = unique.map((name, i) => ({ name, kg: options.kgs[i]! }));
  for (const p of pledges) await group.getByLabel(p.name, { exact: true }).fill(String(p.kg));
  await page.getByRole("button", { name: L.form.saveDraft, exact: true }).click();
  await expect(page).toHaveURL(/\/listings\/[^/?]+\?saved=1$/);
  const path = new URL(page.url()).pathname;
  const title = `${options.crop[lang]}, ${options.grade[lang]}`;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByRole("button", { name: L.detail.publish, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: L.detail.published })).toBeVisible();
  await expect(page.getByText(L.status.open, { exact: true })).toBeVisible();
  return { path, title, totalKg: options.kgs.reduce((a, b) => a + b, 0), pledges };
}

/**
 * On `trader`, signed in as a trader: sends an offer on the listing with the
 * terms the form proposes (the asking price, the whole quantity, the crop's
 * standard moisture table); returns the offer's path (/offers/<id>).
 */
export async function sendOffer(trader: Page, lang: Lang, listing: PublishedListing): Promise<string> {
  const O = texts(lang).offers;
  await trader.goto(listing.path);
  await trader.getByRole("link", { name: texts(lang).listings.detail.makeOffer, exact: true }).click();
  await expect(trader.getByRole("heading", { level: 1 })).toHaveText(fmt(O.form.newTitle, { listing: listing.title }));
  await waitForHydration(trader);
  await expect(trader.getByLabel(O.form.quantityKg, { exact: true })).toHaveValue(String(listing.totalKg));
  await trader.getByRole("button", { name: O.form.submit, exact: true }).click();
  await expect(trader).toHaveURL(/\/offers\/[^/?]+\?done=sent$/);
  await expect(trader.getByText(O.status.submitted, { exact: true })).toBeVisible();
  return new URL(trader.url()).pathname;
}

/** On `page`, signed in as the FO's leader: accepts the offer through its confirmation, which contracts the listing. */
export async function acceptOffer(page: Page, lang: Lang, offerPath: string): Promise<void> {
  const O = texts(lang).offers;
  await page.goto(offerPath);
  await page.getByRole("link", { name: O.detail.accept, exact: true }).click();
  await expect(page).toHaveURL(`${offerPath}?confirm=accept#confirm`);
  await expect(page.getByRole("heading", { level: 2, name: O.detail.confirmTitle })).toBeVisible();
  await page.getByRole("button", { name: O.detail.confirmAccept, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: O.detail.accepted })).toBeVisible();
  await expect(page.getByText(O.status.accepted, { exact: true })).toBeVisible();
}
