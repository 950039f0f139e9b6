// Who may open what: protected pages ask anonymous visitors to sign in and send
// them back afterwards; other roles get "Not allowed"; unknown paths "Page not found".
import { demo, expect, signInQuickly, submitSignIn, switchLanguage, test, texts, waitUntilSignedIn } from "./fixtures";

test("an anonymous visitor opening /facilitator signs in and lands back on /facilitator", async ({ page }) => {
  const t = texts("lo");
  await page.goto("/facilitator");
  await expect(page).toHaveURL("/login?redirectTo=%2Ffacilitator");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.auth.signIn.title);
  await expect(page.getByText(t.dashboard.facilitator.districts)).toHaveCount(0);

  await submitSignIn(page, demo.facilitator.email, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page).toHaveURL("/facilitator");
  await switchLanguage(page, "lo");
  await expect(page).toHaveURL("/facilitator");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.facilitator.title);
  await expect(page.getByRole("heading", { name: t.dashboard.facilitator.districts })).toBeVisible();
});

test("the page asked for keeps its query string, and a foreign redirect target is ignored", async ({ page }) => {
  await page.goto("/facilitator/verification?from=test");
  await expect(page).toHaveURL("/login?redirectTo=%2Ffacilitator%2Fverification%3Ffrom%3Dtest");
  await submitSignIn(page, demo.facilitatorXyb.email, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page).toHaveURL("/facilitator/verification?from=test");

  // Signed out again, a redirect to another site lands on the user's own page instead.
  await page.context().clearCookies();
  await page.goto("/login?redirectTo=//evil.example/steal");
  await submitSignIn(page, demo.facilitatorXyb.email, "demo-password");
  await waitUntilSignedIn(page);
  await expect(page).toHaveURL("/facilitator");
});

test("a trader gets the 'Not allowed' page for the facilitator's and the administrator's pages", async ({ page }) => {
  await signInQuickly(page, demo.trader.email, { lang: "en" });
  for (const path of ["/facilitator/verification", "/facilitator", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").errors[403].title);
    await expect(page.getByText(texts("en").errors[403].text)).toBeVisible();
  }
  // In Lao as well.
  await switchLanguage(page, "lo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").errors[403].title);
  // The trader's own page still opens.
  const own = await page.goto("/trader");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").dashboard.trader.title);
});

test("an FO leader and a facilitator cannot open the administration page", async ({ page }) => {
  for (const identifier of [demo.leader.email, demo.facilitator.email]) {
    await page.context().clearCookies();
    await signInQuickly(page, identifier, { lang: "en" });
    const response = await page.goto("/admin");
    expect(response?.status(), identifier).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").errors[403].title);
    await expect(page.getByRole("button", { name: texts("en").auth.signIn.submit })).toHaveCount(0);
  }
});

test("an unknown path gives the 'Page not found' page, signed out and signed in", async ({ page }) => {
  let response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").errors[404].title);
  await expect(page.getByRole("link", { name: texts("lo").errors.backHome })).toBeVisible();

  await signInQuickly(page, demo.leader.email, { lang: "en" });
  response = await page.goto("/fo/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("en").errors[404].title);
  await page.getByRole("link", { name: texts("en").errors.backHome }).click();
  await expect(page).toHaveURL("/fo");
});
