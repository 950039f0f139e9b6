// The member register in the browser: an FO leader adds a household with a Lao
// name (a bad year of birth is refused first), edits it and deactivates it.
import type { Page } from "@playwright/test";
import { demo, escapeRegExp, expect, fmt, signInQuickly, switchLanguage, test, texts, uniqueTag, waitForHydration, type Lang } from "./fixtures";

/** The number in a tab such as "Active members (12)". */
async function tabCount(page: Page, lang: Lang, which: "active" | "inactive"): Promise<number> {
  const prefix = texts(lang).members.filter[which].split("(")[0]!;
  const text =
    (await page
      .getByRole("navigation", { name: texts(lang).members.filter.label })
      .getByRole("link", { name: new RegExp(`^${escapeRegExp(prefix)}`) })
      .textContent()) ?? "";
  const match = /\((\d+)\)/.exec(text);
  if (!match) throw new Error(`no count in "${text}"`);
  return Number(match[1]);
}

test("an FO leader adds a member with a Lao name, edits and deactivates them; a bad year of birth is refused", async ({ page }) => {
  const lo = texts("lo");
  const en = texts("en");
  const name = `ມະນີວັນ ແກ້ວມະນີ ${uniqueTag()}`;

  await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/fo" });
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.leader.pendingFo.lo, exact: true }) });
  await card.getByRole("link", { name: lo.members.openRegister, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(lo.members.heading, { organisation: demo.leader.pendingFo.lo }));
  const registerUrl = page.url();
  const activeBefore = await tabCount(page, "lo", "active");
  const inactiveBefore = await tabCount(page, "lo", "inactive");

  // Added in Lao; "85" is not a year of birth.
  await page.getByRole("link", { name: lo.members.actions.add, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lo.members.new.title);
  await waitForHydration(page);
  const field = (lang: Lang, label: string) => page.getByLabel(texts(lang).members.fields[label as "name"], { exact: true });
  await field("lo", "name").fill(name);
  await page.getByRole("group", { name: lo.members.fields.memberSex }).getByRole("radio", { name: lo.common.sex.female }).check();
  await page.getByRole("group", { name: lo.members.fields.householdHeadSex }).getByRole("radio", { name: lo.common.sex.male }).check();
  await field("lo", "birthYear").fill("85");
  const village = field("lo", "village");
  await village.selectOption({ index: 1 });
  const villageName = (await village.locator("option:checked").textContent())!.trim();
  await page.getByRole("button", { name: lo.members.new.submit, exact: true }).click();

  await expect(field("lo", "birthYear")).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(lo.members.errors.birthYearFormat)}$`));
  await expect(field("lo", "birthYear")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: lo.validation.formHasErrors })).toBeVisible();
  await expect(page).toHaveURL(/\/members\/new$/);
  await expect(field("lo", "name")).toHaveValue(name);

  // Typed with Lao digits, as on a Lao keyboard.
  await field("lo", "birthYear").fill("໑໙໘໕");
  await page.getByRole("button", { name: lo.members.new.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(fmt(lo.members.done.added, { name }));
  expect(await tabCount(page, "lo", "active")).toBe(activeBefore + 1);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row.getByRole("cell")).toHaveText([
    lo.common.sex.female,
    lo.common.sex.male,
    "1985",
    new RegExp(escapeRegExp(lo.members.table.youthNo)),
    villageName,
    /^\s*$/,
    new RegExp(escapeRegExp(lo.members.table.smsNo)),
  ]);

  // Edited in English: born 2001, so now counted as youth.
  await switchLanguage(page, "en");
  await row.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(en.members.edit.title, { name }));
  await expect(page.getByText(en.members.edit.statusActive, { exact: true })).toBeVisible();
  await waitForHydration(page);
  await expect(field("en", "birthYear")).toHaveValue("1985");
  await expect(page.getByRole("group", { name: en.members.fields.memberSex }).getByRole("radio", { name: en.common.sex.female })).toBeChecked();
  await field("en", "birthYear").fill("2001");
  await page.getByRole("button", { name: en.members.edit.save, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(fmt(en.members.done.updated, { name }));
  await expect(row.getByRole("cell").nth(2)).toHaveText("2001");
  await expect(row.getByRole("cell").nth(3)).toHaveText(en.members.table.youthYes);

  // Deactivated: gone from the active members, listed among the former ones.
  await row.getByRole("link", { name, exact: true }).click();
  await page.getByRole("button", { name: en.members.edit.deactivate, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(fmt(en.members.done.deactivated, { name }));
  expect(page.url().split("?")[0]).toBe(registerUrl);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  expect(await tabCount(page, "en", "active")).toBe(activeBefore);
  expect(await tabCount(page, "en", "inactive")).toBe(inactiveBefore + 1);
  await page
    .getByRole("navigation", { name: en.members.filter.label })
    .getByRole("link", { name: new RegExp(`^${escapeRegExp(en.members.filter.inactive.split("(")[0]!)}`) })
    .click();
  await expect(page.getByRole("table", { name: en.members.table.captionInactive })).toBeVisible();
  await row.getByRole("link", { name, exact: true }).click();
  await expect(page.getByText(en.members.edit.statusInactive, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: en.members.edit.reactivate, exact: true })).toBeVisible();
});
