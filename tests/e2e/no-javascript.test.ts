// Cheap phones and weak networks: every journey here works with JavaScript off.
import Database from "better-sqlite3";
import path from "node:path";
import { formatPermilleAsPercent } from "../../app/utils/format";
import { demo, expect, fillAccountPart, fillFoPart, fmt, newFoRegistration, signIn, signOut, switchLanguage, test, texts, uniqueTag } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("signing in and out works without JavaScript", async ({ page }) => {
  const lo = texts("lo");
  await page.goto("/fo");
  await expect(page).toHaveURL("/login?redirectTo=%2Ffo");
  await signIn(page, demo.leader.email, "demo-password", { lang: "lo" });
  await expect(page).toHaveURL("/fo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lo.dashboard.fo.title);
  await expect(page.getByRole("heading", { name: demo.leader.verifiedFo.lo })).toBeVisible();
  await signOut(page);
  await page.goto("/fo");
  await expect(page).toHaveURL("/login?redirectTo=%2Ffo");
});

test("a wrong password shows the error without JavaScript", async ({ page }) => {
  const en = texts("en");
  await page.goto("/login");
  await switchLanguage(page, "en");
  const identifier = `nobody-${uniqueTag()}@example.la`;
  await page.getByLabel(en.auth.signIn.identifier, { exact: true }).fill(identifier);
  await page.getByLabel(en.auth.signIn.password, { exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: en.auth.signIn.submit, exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(en.auth.signIn.invalid);
  await expect(page).toHaveURL("/login");
  await expect(page.getByLabel(en.auth.signIn.identifier, { exact: true })).toHaveValue(identifier);
  await expect(page.getByLabel(en.auth.signIn.password, { exact: true })).toHaveValue("");
});

test("the language switch works without JavaScript", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").auth.signIn.title);
  await expect(page.getByRole("button", { name: "English", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "ລາວ", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").auth.signIn.title);
});

test("the registration form shows both parts, keeps what was typed after an error, and registers", async ({ page }) => {
  const lo = texts("lo");
  const fo = newFoRegistration();
  await page.goto("/register");
  await expect(page.getByRole("group", { name: lo.auth.register.organisation })).toBeVisible();
  await expect(page.getByRole("group", { name: lo.auth.register.company })).toBeVisible();
  await expect(page.getByLabel(lo.auth.register.orgNameLo, { exact: true })).toBeVisible();
  await expect(page.getByLabel(lo.auth.register.companyName, { exact: true })).toBeVisible();

  // First without choosing what is being registered: the server says so, and keeps the rest.
  await fillAccountPart(page, fo);
  await fillFoPart(page, fo);
  await page.getByRole("button", { name: lo.auth.register.submit, exact: true }).click();
  await expect(page).toHaveURL("/register");
  await expect(page.getByRole("group", { name: lo.auth.register.kind })).toHaveAccessibleDescription(lo.validation.invalidChoice);
  await expect(page.getByLabel(lo.auth.register.name, { exact: true })).toHaveValue(fo.name);
  await expect(page.getByLabel(lo.auth.register.orgNameEn, { exact: true })).toHaveValue(fo.orgNameEn);
  await expect(page.getByLabel(lo.auth.register.password, { exact: true })).toHaveValue("");

  await page.getByRole("radio", { name: lo.auth.register.kindFo }).check();
  await page.getByLabel(lo.auth.register.password, { exact: true }).fill(fo.password);
  await page.getByLabel(lo.auth.register.passwordConfirm, { exact: true }).fill(fo.password);
  await page.getByRole("button", { name: lo.auth.register.submit, exact: true }).click();

  await expect(page).toHaveURL("/fo?registered=1");
  await expect(page.getByRole("status").filter({ hasText: lo.auth.register.done })).toBeVisible();
  await expect(page.getByText(fmt(lo.common.nav.signedInAs, { name: fo.name }), { exact: true })).toBeVisible();
  const mine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: fo.orgNameLo }) });
  await expect(mine.getByText(lo.common.status.pending, { exact: true })).toBeVisible();
});

test("a trading company registers without JavaScript, the FO part left empty", async ({ page }) => {
  const en = texts("en");
  const tag = uniqueTag();
  await page.goto("/register");
  await switchLanguage(page, "en");
  await page.getByRole("radio", { name: en.auth.register.kindTrader }).check();
  await fillAccountPart(page, { name: `No-JS Trader ${tag}`, email: `nojs-${tag}@example.la`, password: `secret-${tag}` });
  await page.getByLabel(en.auth.register.companyName, { exact: true }).fill(`No-JS Trading ${tag}`);
  await page.getByLabel(en.auth.register.licenceNumber, { exact: true }).fill(`NJ-${tag}`);
  await page.getByLabel(en.auth.register.baseProvince, { exact: true }).selectOption({ label: "Sayabouly" });
  await page.getByRole("button", { name: en.auth.register.submit, exact: true }).click();

  await expect(page).toHaveURL("/trader?registered=1");
  const mine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `No-JS Trading ${tag}` }) });
  await expect(mine.getByText(en.common.status.pending, { exact: true })).toBeVisible();
  await expect(mine).toContainText(fmt(en.dashboard.trader.province, { province: "Sayabouly" }));
});

test("the FO states the moisture it expects on the comparison, and reaches the confirmation to accept, without JavaScript", async ({ page }) => {
  const lo = texts("lo");
  const C = lo.compare;
  // The seeded Beng maize listing of demo.leader's cooperative, with two live offers.
  const sqlite = new Database(path.resolve(import.meta.dirname, "../../data/e2e.db"), { readonly: true });
  const { id } = sqlite.prepare(`SELECT "id" FROM "Listing" WHERE "notes" LIKE '%Sun-dried, in 50 kg sacks%'`).get() as { id: string };
  sqlite.close();
  await signIn(page, demo.leader.email, "demo-password", { lang: "lo" });
  await page.goto(`/listings/${id}/offers`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(C.title);
  const moistureHeading = page.getByRole("heading", { level: 2, name: new RegExp(`^${C.moisture.title}: `) });
  const before = await moistureHeading.textContent();
  const field = page.getByLabel(C.moisture.label, { exact: true });

  // Not a moisture: refused next to the field, what was typed kept, nothing changed.
  await field.fill("75");
  await page.getByRole("button", { name: C.moisture.save, exact: true }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: lo.validation.tooHigh })).toBeVisible();
  await expect(field).toHaveValue("75");
  await expect(moistureHeading).toHaveText(before!);

  await field.fill("17,5");
  await page.getByRole("button", { name: C.moisture.save, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: C.moisture.saved })).toBeVisible();
  await expect(moistureHeading).toHaveText(`${C.moisture.title}: ${formatPermilleAsPercent(175, "lo")}`);
  await expect(page.getByText(fmt(C.moisture.stated, { percent: formatPermilleAsPercent(175, "lo") }))).toBeVisible();
  await expect(page.getByText(C.best, { exact: true })).toHaveCount(1);

  // Accept… leads to the offer's own confirmation; going back changes nothing.
  await page.getByRole("link", { name: C.accept, exact: true }).first().click();
  await expect(page).toHaveURL(/\/offers\/[^/?]+\?confirm=accept#confirm$/);
  await expect(page.getByRole("heading", { level: 2, name: lo.offers.detail.confirmTitle })).toBeVisible();
  await expect(page.getByRole("button", { name: lo.offers.detail.confirmAccept, exact: true })).toBeVisible();
  await page.getByRole("link", { name: lo.offers.detail.backToComparison, exact: true }).click();
  await expect(page).toHaveURL(`/listings/${id}/offers`);

  // Blank goes back to the default for the crop and season, as the demo market had it.
  await field.fill("");
  await page.getByRole("button", { name: C.moisture.save, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: C.moisture.saved })).toBeVisible();
  await expect(moistureHeading).toHaveText(before!);
});
