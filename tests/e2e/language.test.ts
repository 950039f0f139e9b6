// The language switch: Lao by default, English on request, and a signed-in
// user's choice is remembered on their account, not only in the browser.
import { demo, expect, nav, signInQuickly, signOut, submitSignIn, switchLanguage, test, texts, waitUntilSignedIn } from "./fixtures";

test("the switch changes the page language and stays on the same page", async ({ page }) => {
  await page.goto("/register");
  const html = page.locator("html");
  const lao = page.getByRole("button", { name: "ລາວ", exact: true });
  const english = page.getByRole("button", { name: "English", exact: true });
  await expect(html).toHaveAttribute("lang", "lo");
  await expect(lao).toHaveAttribute("aria-pressed", "true");
  await expect(english).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").auth.register.title);
  await expect(page).toHaveTitle(texts("lo").auth.register.title);

  await english.click();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/register");
  await expect(english).toHaveAttribute("aria-pressed", "true");
  await expect(lao).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").auth.register.title);
  await expect(page).toHaveTitle(texts("en").auth.register.title);
  await expect(page.getByLabel(texts("en").auth.register.name, { exact: true })).toBeVisible();
  await expect(nav(page, "en").getByRole("link", { name: texts("en").common.nav.signIn, exact: true })).toBeVisible();
  // Place names follow the language too.
  await expect(page.locator('optgroup[label="Beng, Oudomxay"]')).toHaveCount(1);

  // The choice sticks while browsing anonymously.
  await page.goto("/");
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").common.home.title);

  await lao.click();
  await expect(html).toHaveAttribute("lang", "lo");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").common.home.title);
  await page.goto("/register");
  await expect(page.locator('optgroup[label="ແບ່ງ, ອຸດົມໄຊ"]')).toHaveCount(1);
});

test.describe("the browser's language", () => {
  test.use({ locale: "th-TH" });
  test("a browser in a language the portal does not have gets Lao", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "lo");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").common.home.title);
  });
});

test.describe("an English browser", () => {
  test.use({ locale: "en-GB" });
  test("gets English until Lao is chosen", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await switchLanguage(page, "lo");
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  });
});

test("the language chosen while signed in is remembered on the account, in a new browser too", async ({ browser }) => {
  const account = demo.leader2.email;
  const t = texts("en");

  // First phone: sign in (in Lao), choose English, sign out.
  const first = await browser.newContext({ locale: "lo-LA" });
  let page = await first.newPage();
  await signInQuickly(page, account, { lang: "lo" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").dashboard.fo.title);
  await switchLanguage(page, "en");
  await expect(page).toHaveURL("/fo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.fo.title);
  await signOut(page);
  await first.close();

  // Another phone, no cookies, set to Lao: the sign-in page is Lao, the account's pages English.
  const second = await browser.newContext({ locale: "lo-LA" });
  page = await second.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await submitSignIn(page, account, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page).toHaveURL("/fo");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.fo.title);
  await expect(page.getByRole("button", { name: t.common.nav.signOut, exact: true })).toBeVisible();
  // It stays English after a full reload too (the server knows the choice, not only the page).
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.fo.title);

  // Choosing Lao again is remembered the same way.
  await switchLanguage(page, "lo");
  await signOut(page);
  await second.close();
  const third = await browser.newContext({ locale: "en-US" });
  page = await third.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await submitSignIn(page, account, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").dashboard.fo.title);
  await third.close();
});

test("a page that does not exist still has a title, in the page's language", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(texts("lo").errors[404].title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").errors[404].title);
});
