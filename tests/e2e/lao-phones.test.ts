// A bad Lao phone number on a 360 px phone, in Lao, with JavaScript off and on:
// refused next to the field with a Lao message and nothing saved, on user
// registration and on the member register; the same number written well goes
// through and is shown as people write it.
import type { Page } from "@playwright/test";
import {
  demo,
  escapeRegExp,
  expect,
  fillAccountPart,
  fillFoPart,
  fmt,
  newFoRegistration,
  signInQuickly,
  submitSignIn,
  switchLanguage,
  test,
  texts,
  uniqueTag,
  waitForHydration,
} from "./fixtures";

const lo = texts("lo");
const badPhones = ["020 123 45", "021 5551 0001"];

async function expectPhoneRefused(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(lo.validation.phoneInvalid)}$`));
  await expect(page.getByText(lo.validation.phoneInvalid, { exact: true })).toBeVisible();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 780 } });

    test("registration refuses a bad Lao phone number and creates no account", async ({ page }) => {
      const fo = newFoRegistration();
      await page.goto("/register");
      await switchLanguage(page, "lo");
      if (javaScriptEnabled) await waitForHydration(page);
      await page.getByRole("radio", { name: lo.auth.register.kindFo }).check();
      await fillAccountPart(page, { ...fo, phone: badPhones[0] });
      await fillFoPart(page, fo);

      for (const bad of badPhones) {
        await page.getByLabel(lo.auth.register.phone, { exact: true }).fill(bad);
        await page.getByLabel(lo.auth.register.password, { exact: true }).fill(fo.password);
        await page.getByLabel(lo.auth.register.passwordConfirm, { exact: true }).fill(fo.password);
        await page.getByRole("button", { name: lo.auth.register.submit, exact: true }).click();
        await expect(page).toHaveURL("/register");
        await expectPhoneRefused(page, lo.auth.register.phone);
        // What was typed is kept, the bad number included, so it can be corrected.
        await expect(page.getByLabel(lo.auth.register.phone, { exact: true })).toHaveValue(bad);
        await expect(page.getByLabel(lo.auth.register.name, { exact: true })).toHaveValue(fo.name);
      }

      // Nothing was saved: the e-mail and password of the refused form do not sign in.
      const login = await page.context().newPage();
      await login.goto("/login");
      await submitSignIn(login, fo.email, fo.password);
      await expect(login.getByRole("alert")).toHaveText(lo.auth.signIn.invalid);
      await login.close();

      // The same person with a good number, written with the country code, is registered.
      await page.getByLabel(lo.auth.register.phone, { exact: true }).fill(`+856 ${fo.phone.slice(1)}`);
      await page.getByLabel(lo.auth.register.password, { exact: true }).fill(fo.password);
      await page.getByLabel(lo.auth.register.passwordConfirm, { exact: true }).fill(fo.password);
      await page.getByRole("button", { name: lo.auth.register.submit, exact: true }).click();
      await expect(page).toHaveURL("/fo?registered=1");
    });

    test("the member register refuses a bad Lao phone number and adds nobody", async ({ page }) => {
      const name = `ສົມສີ ພົມມະວົງ ${uniqueTag()}`;
      await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/fo" });
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.leader.pendingFo.lo, exact: true }) });
      await card.getByRole("link", { name: lo.members.openRegister, exact: true }).click();
      const registerUrl = page.url();
      await page.getByRole("link", { name: lo.members.actions.add, exact: true }).click();
      if (javaScriptEnabled) await waitForHydration(page);

      await page.getByLabel(lo.members.fields.name, { exact: true }).fill(name);
      await page.getByRole("group", { name: lo.members.fields.memberSex }).getByRole("radio", { name: lo.common.sex.female }).check();
      await page.getByRole("group", { name: lo.members.fields.householdHeadSex }).getByRole("radio", { name: lo.common.sex.female }).check();
      await page.getByLabel(lo.members.fields.birthYear, { exact: true }).fill("1988");
      await page.getByLabel(lo.members.fields.village, { exact: true }).selectOption({ index: 1 });

      for (const bad of badPhones) {
        await page.getByLabel(lo.members.fields.phone, { exact: true }).fill(bad);
        await page.getByRole("button", { name: lo.members.new.submit, exact: true }).click();
        await expect(page).toHaveURL(/\/members\/new$/);
        await expectPhoneRefused(page, lo.members.fields.phone);
        await expect(page.getByLabel(lo.members.fields.name, { exact: true })).toHaveValue(name);
      }

      // Nobody was added.
      const register = await page.context().newPage();
      await register.goto(registerUrl);
      await expect(register.getByRole("link", { name, exact: true })).toHaveCount(0);
      await register.close();

      // A 030 number with the country code is taken and shown as people write it.
      await page.getByLabel(lo.members.fields.phone, { exact: true }).fill("+856 30 512 3456");
      await page.getByRole("button", { name: lo.members.new.submit, exact: true }).click();
      await expect(page.getByRole("status")).toHaveText(fmt(lo.members.done.added, { name }));
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
      // The phone is the sixth cell; the SMS column follows it.
      await expect(row.getByRole("cell").nth(5)).toHaveText("030 512 3456");
    });
  });
}
