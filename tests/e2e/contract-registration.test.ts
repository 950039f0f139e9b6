// The district office registers a signed contract, on a 360 px phone in Lao,
// with JavaScript off and on: the facilitator's console lists the contracts
// waiting, the registration form refuses an empty number, and the recorded
// number then appears on the contract, its print and its public check page,
// whose fingerprint still matches.
import { demo, expect, signInQuickly, test, texts, uniqueTag } from "./fixtures";

const PHONE = { width: 360, height: 780 };

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("a facilitator registers a signed contract and its number appears on the print and the check page", async ({ page }) => {
      const t = texts("lo");
      const R = t.registration;
      await signInQuickly(page, demo.facilitator.email, { lang: "lo", path: "/facilitator" });

      const toDo = page.getByRole("region", { name: t.dashboard.todo.title });
      await expect(toDo.getByRole("link").filter({ hasText: t.dashboard.todo.facilitator.unregistered })).toHaveCount(1);
      const waiting = page.getByRole("region", { name: new RegExp(`^${R.console.title}`) });
      const register = waiting.getByRole("link", { name: R.section.register });
      // Each run takes the first contract still waiting: the other run registered the one before it.
      await register.first().click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(R.page.title.split("{{")[0]!.trim());

      // A number of spaces only is refused by the server (the browser lets it through).
      await page.getByLabel(R.form.number).fill("   ");
      await page.getByRole("button", { name: R.form.submit }).click();
      await expect(page.getByText(t.validation.required).first()).toBeVisible();

      const number = `${uniqueTag().slice(-6)}/ກປມ`;
      await page.getByLabel(R.form.number).fill(number);
      await page.getByRole("button", { name: R.form.submit }).click();
      await expect(page).toHaveURL(/\?registered=1#registration$/);
      const section = page.locator("#registration");
      await expect(section.getByText(R.section.done)).toBeVisible();
      await expect(section.locator(`[data-registration="${number}"]`)).toBeVisible();
      await expect(section.getByRole("link", { name: R.section.register })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const contractUrl = page.url().replace(/\?.*$/, "");

      await page.goto(`${contractUrl}/print`);
      const printed = page.getByRole("region", { name: t.verify.print.registration.heading });
      await expect(printed).toContainText(number);
      await expect(printed).toContainText(t.verify.print.registration.recorded);

      await page.goto(contractUrl);
      await page.getByRole("link", { name: t.contracts.detail.verify }).click();
      await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "matches");
      await expect(page.locator(`[data-registration="${number}"]`)).toBeVisible();
    });
  });
}
