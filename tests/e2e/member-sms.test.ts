// Consent to SMS in the browser, on a 360 px phone in Lao, with JavaScript off
// and on: the FO's leader records that a household agreed to receive SMS, sees
// in the register that it does, then withdraws the consent and sees the
// history on the member's page.
import type { Page } from "@playwright/test";
import { demo, escapeRegExp, expect, fmt, signInQuickly, test, texts, uniquePhone, uniqueTag } from "./fixtures";

const lo = texts("lo");
const M = lo.members;

async function addMember(page: Page, name: string, phone: string) {
  await page.getByRole("link", { name: M.actions.add, exact: true }).click();
  await page.getByLabel(M.fields.name, { exact: true }).fill(name);
  await page.getByRole("group", { name: M.fields.memberSex }).getByRole("radio", { name: lo.common.sex.female }).check();
  await page.getByRole("group", { name: M.fields.householdHeadSex }).getByRole("radio", { name: lo.common.sex.female }).check();
  await page.getByLabel(M.fields.birthYear, { exact: true }).fill("1990");
  await page.getByLabel(M.fields.village, { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(M.fields.phone, { exact: true }).fill(phone);
  await page.getByRole("button", { name: M.new.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(fmt(M.done.added, { name }));
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 780 } });

    test("the leader records a household's consent to SMS, sees it in the register, then withdraws it", async ({ page }) => {
      const name = `ບົວພັນ ສີສຸກ ${uniqueTag()}`;
      const phone = uniquePhone();
      await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/fo" });
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.leader.verifiedFo.lo, exact: true }) });
      await card.getByRole("link", { name: M.openRegister, exact: true }).click();
      await addMember(page, name, phone);
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(row.getByRole("cell").last()).toHaveText(new RegExp(escapeRegExp(M.table.smsNo)));
      const before = Number(/(\d+)/.exec((await page.getByText(M.sms.recipients.split("{{")[0]!).textContent()) ?? "")?.[1]);

      // On the member's page: no consent yet; a day still to come is refused, and nothing is recorded.
      await row.getByRole("link", { name, exact: true }).click();
      const sms = page.getByRole("region", { name: M.sms.heading });
      await expect(sms.getByTestId("sms-status")).toHaveText(M.sms.none);
      await expect(sms.getByText(fmt(M.sms.forPhone, { phone }), { exact: true })).toBeVisible();
      const tomorrow = new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
      await sms.getByLabel(M.sms.givenOn).fill(tomorrow);
      await sms.getByLabel(M.sms.givenHow).selectOption({ label: M.sms.methods.meeting });
      await sms.getByRole("button", { name: M.sms.record, exact: true }).click();
      await expect(page.getByLabel(M.sms.givenOn)).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(M.sms.errors.givenInFuture)}$`));
      await expect(page.getByRole("region", { name: M.sms.heading }).getByTestId("sms-status")).toHaveText(M.sms.none);

      // Today, at a members' meeting: back in the register, the household receives SMS.
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      await page.getByLabel(M.sms.givenOn).fill(today);
      await page.getByLabel(M.sms.givenHow).selectOption({ label: M.sms.methods.meeting });
      await page.getByRole("button", { name: M.sms.record, exact: true }).click();
      await expect(page.getByRole("status")).toHaveText(fmt(M.done.smsGiven, { name }));
      await expect(row.getByRole("cell").last()).toHaveText(M.table.smsYes);
      await expect(page.getByText(fmt(M.sms.recipients, { count: before + 1 }), { exact: true })).toBeVisible();
      const [y, m, d] = today.split("-");
      const date = `${d}/${m}/${y}`;

      // Withdrawn by the leader: no longer receives SMS, and the history says who and when.
      await row.getByRole("link", { name, exact: true }).click();
      await expect(page.getByTestId("sms-status")).toHaveText(fmt(M.sms.inForce, { phone, date, how: M.sms.methods.meeting }));
      await page.getByRole("button", { name: M.sms.withdraw, exact: true }).click();
      await expect(page.getByRole("status")).toHaveText(fmt(M.done.smsWithdrawn, { name }));
      await expect(row.getByRole("cell").last()).toHaveText(new RegExp(escapeRegExp(M.table.smsNo)));
      await row.getByRole("link", { name, exact: true }).click();
      await expect(page.getByTestId("sms-status")).toHaveText(M.sms.none);
      const history = page.getByRole("table", { name: M.sms.historyHeading });
      await expect(history.getByRole("row").nth(1)).toContainText(fmt(M.sms.history.withdrawnText.leader, { date, by: demo.leader.name }));
      await expect(history.getByRole("row").nth(1)).toContainText(fmt(M.sms.history.givenText, { date, how: M.sms.methods.meeting, by: demo.leader.name }));
      await page.screenshot({ path: `test-results/member-sms-${javaScriptEnabled ? "js" : "nojs"}.png`, fullPage: true });
    });
  });
}
