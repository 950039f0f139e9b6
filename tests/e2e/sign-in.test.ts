// Signing in and out: every demo account lands on its own page with its own
// navigation, checked in Lao (the default) and in English.
import type { Page } from "@playwright/test";
import {
  demo,
  escapeRegExp,
  expect,
  fmt,
  nav,
  signIn,
  signInQuickly,
  signOut,
  submitSignIn,
  switchLanguage,
  test,
  texts,
  uniqueTag,
  waitUntilSignedIn,
  type Lang,
} from "./fixtures";

type NavKey = "myOrganisations" | "myCompany" | "facilitator" | "verification" | "admin";
const allNav: NavKey[] = ["myOrganisations", "myCompany", "facilitator", "verification", "admin"];

type Account = {
  who: string;
  identifier: string;
  name: string;
  landing: string;
  heading: (lang: Lang) => string;
  navigation: NavKey[];
};

const accounts: Account[] = [
  {
    who: "FO leader",
    identifier: demo.leader.email,
    name: demo.leader.name,
    landing: "/fo",
    heading: (l) => texts(l).dashboard.fo.title,
    navigation: ["myOrganisations"],
  },
  {
    who: "trader",
    identifier: demo.trader.email,
    name: demo.trader.name,
    landing: "/trader",
    heading: (l) => texts(l).dashboard.trader.title,
    navigation: ["myCompany"],
  },
  {
    who: "facilitator",
    identifier: demo.facilitator.email,
    name: demo.facilitator.name,
    landing: "/facilitator",
    heading: (l) => texts(l).dashboard.facilitator.title,
    navigation: ["facilitator", "verification"],
  },
  {
    who: "Sayabouly facilitator",
    identifier: demo.facilitatorXyb.email,
    name: demo.facilitatorXyb.name,
    landing: "/facilitator",
    heading: (l) => texts(l).dashboard.facilitator.title,
    navigation: ["facilitator", "verification"],
  },
  {
    who: "admin",
    identifier: demo.admin.email,
    name: demo.admin.name,
    landing: "/admin",
    heading: (l) => texts(l).admin.title,
    navigation: ["admin"],
  },
];

/** The landing page of `account` in `lang`: heading, greeting, and exactly its own menu entries. */
async function expectOwnLandingPage(page: Page, account: Account, lang: Lang) {
  const t = texts(lang);
  await expect(page).toHaveURL(account.landing);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading(lang));
  await expect(page.getByText(fmt(t.common.nav.signedInAs, { name: account.name }), { exact: true })).toBeVisible();
  const menu = nav(page, lang);
  for (const key of allNav) {
    const link = menu.getByRole("link", { name: t.common.nav[key], exact: true });
    if (account.navigation.includes(key)) await expect(link).toBeVisible();
    else await expect(link).toHaveCount(0);
  }
  await expect(menu.getByRole("link", { name: t.common.nav.signIn, exact: true })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: t.common.nav.register, exact: true })).toHaveCount(0);
  await expect(menu.getByRole("button", { name: t.common.nav.signOut, exact: true })).toBeVisible();
}

for (const account of accounts) {
  test(`the ${account.who} signs in by e-mail and sees only their own navigation, in Lao and English`, async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "lo"); // Lao is the default
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").auth.signIn.title);
    await submitSignIn(page, account.identifier, "demo-password");
    await waitUntilSignedIn(page);
    // A shared demo account may remember English from an earlier test: come back to Lao.
    await switchLanguage(page, "lo");
    await expectOwnLandingPage(page, account, "lo");

    await switchLanguage(page, "en");
    await expectOwnLandingPage(page, account, "en");

    // Signed in, the home page sends the user on to their own page.
    await page.goto("/");
    await expect(page).toHaveURL(account.landing);
  });
}

test("the FO leader signs in with a phone number in local format and sees their organisations", async ({ page }) => {
  await signIn(page, demo.leader.phoneLocal, "demo-password", { lang: "lo" });
  await expect(page).toHaveURL("/fo");
  for (const lang of ["lo", "en"] as const) {
    await switchLanguage(page, lang);
    const t = texts(lang);
    const card = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(card(demo.leader.verifiedFo[lang]).getByText(t.common.status.verified, { exact: true })).toBeVisible();
    const pending = card(demo.leader.pendingFo[lang]);
    await expect(pending.getByText(t.common.status.pending, { exact: true })).toBeVisible();
    await expect(pending.getByText(t.dashboard.fo.pendingNote)).toBeVisible();
  }
});

test("an anonymous visitor sees only the sign-in and register links, in Lao and English", async ({ page }) => {
  await page.goto("/");
  for (const lang of ["lo", "en"] as const) {
    await switchLanguage(page, lang);
    const t = texts(lang);
    const menu = nav(page, lang);
    await expect(menu.getByRole("link", { name: t.common.nav.signIn, exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: t.common.nav.register, exact: true })).toBeVisible();
    for (const key of allNav) await expect(menu.getByRole("link", { name: t.common.nav[key], exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: t.common.nav.signOut, exact: true })).toHaveCount(0);
  }
});

test("an empty form or a wrong password shows the error and stays on the sign-in page, in Lao and English", async ({ page }) => {
  await page.goto("/login");
  for (const lang of ["lo", "en"] as const) {
    await switchLanguage(page, lang);
    const t = texts(lang);
    const identifierField = page.getByLabel(t.auth.signIn.identifier, { exact: true });
    const passwordField = page.getByLabel(t.auth.signIn.password, { exact: true });

    await page.getByRole("button", { name: t.auth.signIn.submit, exact: true }).click();
    await expect(identifierField).toHaveAccessibleDescription(new RegExp(escapeRegExp(t.validation.required)));
    await expect(passwordField).toHaveAccessibleDescription(t.validation.required);
    await expect(page).toHaveURL("/login");

    const identifier = `nobody-${uniqueTag()}@example.la`; // never a demo account: failures lock it
    await submitSignIn(page, identifier, "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: t.auth.signIn.invalid })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(1);
    await expect(page).toHaveURL("/login");
    await expect(identifierField).toHaveValue(identifier);
    await expect(identifierField).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("button", { name: t.common.nav.signOut, exact: true })).toHaveCount(0);
  }
});

test("after five failures from one address the next attempts must wait longer and longer, answered 429 without a lock", async ({ page }) => {
  const t = texts("en");
  const identifier = `slowed-${uniqueTag()}@example.la`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await page.request.post("/login", { form: { identifier, password: `wrong-${attempt}` } });
    expect(response.status()).toBe(400);
  }
  // Each failure past the fifth doubles the wait (2 s, 4 s, 8 s): wait it out until it is long enough to see on the page.
  let retryAfter = 0;
  for (let attempt = 6; attempt <= 12 && retryAfter < 8; attempt++) {
    const response = await page.request.post("/login", { form: { identifier, password: `wrong-${attempt}` } });
    if (response.status() === 429) {
      retryAfter = Number(response.headers()["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      if (retryAfter < 8) await page.waitForTimeout(retryAfter * 1000 + 100);
    } else expect(response.status()).toBe(400);
  }
  expect(retryAfter).toBeGreaterThanOrEqual(8);
  await page.goto("/login");
  await switchLanguage(page, "en");
  await submitSignIn(page, identifier, "wrong-again");
  const [before, after] = t.auth.signIn.waitSeconds.split("{{seconds}}").map(escapeRegExp);
  await expect(page.getByRole("alert")).toHaveText(new RegExp(`^${before}\\d+${after}$`));
  await expect(page).toHaveURL("/login");
});

test("signing out returns to the sign-in page with a notice, and protected pages then ask to sign in", async ({ page }) => {
  const t = texts("lo");
  await signInQuickly(page, demo.trader.email, { lang: "lo" });
  await expect(page).toHaveURL("/trader");
  await signOut(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page.getByRole("status")).toHaveText(t.auth.signIn.signedOut);
  await expect(nav(page, "lo").getByRole("link", { name: t.common.nav.signIn, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: t.common.nav.signOut, exact: true })).toHaveCount(0);

  await page.goto("/trader");
  await expect(page).toHaveURL("/login?redirectTo=%2Ftrader");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.auth.signIn.title);
  await expect(page.getByText(demo.trader.company)).toHaveCount(0);
  // Signing in again brings the trader back where they wanted to go.
  await submitSignIn(page, demo.trader.email, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page).toHaveURL("/trader");
  await expect(page.getByRole("heading", { name: demo.trader.company })).toBeVisible();
});
