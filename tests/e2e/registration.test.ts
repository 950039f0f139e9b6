// Registering an FO or a trading company in the browser, the facilitator's
// verification, and what bad input looks like.
import type { Page } from "@playwright/test";
import {
  demo,
  escapeRegExp,
  expect,
  fillAccountPart,
  fillFoPart,
  fmt,
  newFoRegistration,
  signIn,
  signInQuickly,
  signOut,
  submitSignIn,
  switchLanguage,
  test,
  texts,
  uniqueTag,
  waitForHydration,
  type Lang,
} from "./fixtures";

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function openRegistration(page: Page, lang: Lang) {
  await page.goto("/register");
  await switchLanguage(page, lang);
  await waitForHydration(page);
}

function submitButton(page: Page, lang: Lang) {
  return page.getByRole("button", { name: texts(lang).auth.register.submit, exact: true });
}

test("a new FO registers, is rejected only with a reason, is verified, and its leader then sees it verified", async ({ page }) => {
  const fo = newFoRegistration();
  const lo = texts("lo");
  const en = texts("en");

  // The leader registers, in Lao.
  await openRegistration(page, "lo");
  await page.getByRole("radio", { name: lo.auth.register.kindFo }).check();
  // Once a kind is chosen only its part of the form shows (CSS alone, no script needed).
  await expect(page.getByLabel(lo.auth.register.companyName, { exact: true })).toBeHidden();
  await expect(page.getByRole("group", { name: lo.auth.register.company })).toBeHidden();
  await expect(page.getByRole("group", { name: lo.auth.register.organisation })).toBeVisible();
  await fillAccountPart(page, fo);
  const village = await fillFoPart(page, fo);
  await submitButton(page, "lo").click();

  await expect(page).toHaveURL("/fo?registered=1");
  await expect(page.getByRole("status").filter({ hasText: lo.auth.register.done })).toBeVisible();
  await expect(page.getByText(fmt(lo.common.nav.signedInAs, { name: fo.name }), { exact: true })).toBeVisible();
  const mine = card(page, fo.orgNameLo);
  await expect(mine.getByText(lo.common.status.pending, { exact: true })).toBeVisible();
  await expect(mine.getByText(lo.dashboard.fo.pendingNote)).toBeVisible();
  await expect(mine.getByText(fmt(lo.dashboard.fo.village, { village, district: "ແບ່ງ" }))).toBeVisible();
  await signOut(page);

  // The facilitator finds it in the queue, in English.
  await signIn(page, demo.facilitator.email, "demo-password", { lang: "en" });
  await page.getByRole("navigation", { name: en.common.nav.menu }).getByRole("link", { name: en.common.nav.verification, exact: true }).click();
  await expect(page).toHaveURL("/facilitator/verification");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.verification.title);
  const pending = card(page, fo.orgNameEn);
  await expect(pending).toContainText(", Beng");
  await expect(pending.getByText(fmt(en.verification.registeredBy, { name: fo.name, contact: `${fo.phone}, ${fo.email}` }))).toBeVisible();

  // Rejecting needs a reason.
  await pending.getByRole("button", { name: `${en.verification.reject} ${fo.orgNameEn}` }).click();
  await expect(pending.getByLabel(en.verification.reason, { exact: true })).toHaveAccessibleDescription(en.validation.reasonRequired);
  await expect(page.getByText(fmt(en.verification.rejected, { name: fo.orgNameEn }))).toHaveCount(0);
  await expect(card(page, fo.orgNameEn)).toHaveCount(1);

  // Verified, it leaves the queue.
  await card(page, fo.orgNameEn)
    .getByRole("button", { name: `${en.verification.verify} ${fo.orgNameEn}` })
    .click();
  await expect(page.getByRole("status")).toHaveText(fmt(en.verification.verified, { name: fo.orgNameEn }));
  await expect(card(page, fo.orgNameEn)).toHaveCount(0);
  await signOut(page);

  // The new leader signs in again (by phone) and sees the FO verified.
  await signIn(page, fo.phone, fo.password, { lang: "en" });
  await expect(page).toHaveURL("/fo");
  const verified = card(page, fo.orgNameEn);
  await expect(verified.getByText(en.common.status.verified, { exact: true })).toBeVisible();
  await expect(verified.getByText(en.common.status.pending, { exact: true })).toHaveCount(0);
  await expect(verified.getByText(en.dashboard.fo.pendingNote)).toHaveCount(0);
});

test("a trading company registers and waits in the queue of the facilitator for its province only", async ({ page }) => {
  const en = texts("en");
  const tag = uniqueTag();
  const company = { name: `Test Trading ${tag} Co., Ltd.`, licence: `LIC-${tag}` };
  const account = { name: `Test Trader ${tag}`, email: `trader-${tag}@example.la`, password: `secret-${tag}` };

  await openRegistration(page, "en");
  await page.getByRole("radio", { name: en.auth.register.kindTrader }).check();
  await expect(page.getByLabel(en.auth.register.orgNameEn, { exact: true })).toBeHidden();
  await expect(page.getByRole("group", { name: en.auth.register.organisation })).toBeHidden();
  // An e-mail address alone is enough.
  await fillAccountPart(page, account);
  await page.getByLabel(en.auth.register.companyName, { exact: true }).fill(company.name);
  await page.getByLabel(en.auth.register.licenceNumber, { exact: true }).fill(company.licence);
  await page.getByLabel(en.auth.register.baseProvince, { exact: true }).selectOption({ label: "Oudomxay" });
  await submitButton(page, "en").click();

  await expect(page).toHaveURL("/trader?registered=1");
  await expect(page.getByRole("status").filter({ hasText: en.auth.register.done })).toBeVisible();
  const mine = card(page, company.name);
  await expect(mine.getByText(en.common.status.pending, { exact: true })).toBeVisible();
  await expect(mine.getByText(en.dashboard.trader.pendingNote)).toBeVisible();
  await expect(mine).toContainText(fmt(en.dashboard.trader.licence, { licence: company.licence }));
  await expect(mine).toContainText(fmt(en.dashboard.trader.province, { province: "Oudomxay" }));
  await signOut(page);

  // The Sayabouly facilitator does not see an Oudomxay company …
  await signInQuickly(page, demo.facilitatorXyb.email, { lang: "en", path: "/facilitator/verification" });
  await expect(page.getByRole("heading", { name: en.verification.companies, exact: true })).toBeVisible();
  await expect(card(page, company.name)).toHaveCount(0);
  await signOut(page);

  // … the facilitator for all districts does.
  await signInQuickly(page, demo.facilitator.email, { lang: "en", path: "/facilitator/verification" });
  const pending = card(page, company.name);
  await expect(pending).toContainText(fmt(en.verification.licence, { licence: company.licence }));
  await expect(pending.getByRole("button", { name: `${en.verification.verify} ${company.name}` })).toBeVisible();
});

test("an empty registration form shows an error next to each field and creates nothing", async ({ page }) => {
  const en = texts("en");
  await openRegistration(page, "en");
  await submitButton(page, "en").click();

  await expect(page.getByRole("alert").filter({ hasText: en.validation.formHasErrors })).toBeVisible();
  await expect(page).toHaveURL("/register");
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await expect(page.getByRole("group", { name: en.auth.register.kind })).toHaveAccessibleDescription(en.validation.invalidChoice);
  await expect(field(en.auth.register.name)).toHaveAccessibleDescription(en.validation.required);
  await expect(field(en.auth.register.name)).toHaveAttribute("aria-invalid", "true");
  await expect(field(en.auth.register.phone)).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(en.validation.phoneOrEmail)}$`));
  await expect(field(en.auth.register.password)).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(en.validation.passwordTooShort)}$`));
  // Nobody was signed in or sent on.
  await expect(page.getByRole("button", { name: en.common.nav.signOut, exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.register.title);
});

test("mismatched passwords are refused in Lao, nothing is created, and the corrected form then succeeds", async ({ page }) => {
  const lo = texts("lo");
  const fo = newFoRegistration();
  await openRegistration(page, "lo");
  await page.getByRole("radio", { name: lo.auth.register.kindFo }).check();
  await fillAccountPart(page, { ...fo, passwordConfirm: `${fo.password}-typo` });
  await fillFoPart(page, fo);
  await submitButton(page, "lo").click();

  const confirm = page.getByLabel(lo.auth.register.passwordConfirm, { exact: true });
  await expect(confirm).toHaveAccessibleDescription(lo.validation.passwordsDiffer);
  await expect(page).toHaveURL("/register");
  await expect(page.getByRole("alert").filter({ hasText: lo.validation.formHasErrors })).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel(lo.auth.register.name, { exact: true })).toHaveValue(fo.name);
  await expect(page.getByLabel(lo.auth.register.phone, { exact: true })).toHaveValue(fo.phone);
  await expect(page.getByLabel(lo.auth.register.orgNameLo, { exact: true })).toHaveValue(fo.orgNameLo);

  // Corrected, the same form registers the FO.
  await page.getByLabel(lo.auth.register.password, { exact: true }).fill(fo.password);
  await confirm.fill(fo.password);
  await submitButton(page, "lo").click();
  await expect(page).toHaveURL("/fo?registered=1");
  await expect(card(page, fo.orgNameLo).getByText(lo.common.status.pending, { exact: true })).toBeVisible();
});

test("the phone number and e-mail of an existing account are refused, and no account is created", async ({ page }) => {
  const en = texts("en");
  const fo = { ...newFoRegistration(), phone: demo.leader.phoneLocal, email: demo.trader.email };
  await openRegistration(page, "en");
  await page.getByRole("radio", { name: en.auth.register.kindFo }).check();
  await fillAccountPart(page, fo);
  await fillFoPart(page, fo);
  await submitButton(page, "en").click();

  await expect(page.getByLabel(en.auth.register.phone, { exact: true })).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(en.validation.phoneTaken)}$`));
  await expect(page.getByLabel(en.auth.register.email, { exact: true })).toHaveAccessibleDescription(en.validation.emailTaken);
  await expect(page).toHaveURL("/register");
  await expect(page.getByRole("button", { name: en.common.nav.signOut, exact: true })).toHaveCount(0);

  // The same phone written another way (+856 …) is the same number.
  const freshEmail = `${uniqueTag()}@example.la`;
  await page.getByLabel(en.auth.register.phone, { exact: true }).fill("+856 20 5551 0001");
  await page.getByLabel(en.auth.register.email, { exact: true }).fill(freshEmail);
  await page.getByLabel(en.auth.register.password, { exact: true }).fill(fo.password);
  await page.getByLabel(en.auth.register.passwordConfirm, { exact: true }).fill(fo.password);
  await submitButton(page, "en").click();
  await expect(page.getByLabel(en.auth.register.phone, { exact: true })).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(en.validation.phoneTaken)}$`));
  await expect(page.getByLabel(en.auth.register.email, { exact: true })).not.toHaveAttribute("aria-invalid", "true");

  // Nothing was created: the refused e-mail and password do not sign in.
  await page.goto("/login");
  await submitSignIn(page, freshEmail, fo.password);
  await expect(page.getByRole("alert")).toHaveText(en.auth.signIn.invalid);
  await expect(page).toHaveURL("/login");
});
