// The administrator finds a user and changes their roles, with JavaScript off:
// the search is a plain GET form and each role form posts back to the same page.
import { demo, expect, fmt, signInQuickly, test, texts } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("the administrator finds a user by phone number and changes their roles, then finds nobody for a stranger", async ({ page }) => {
  const en = texts("en");
  await signInQuickly(page, demo.admin.email, { lang: "en", path: "/admin" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.admin.title);

  const search = page.getByRole("searchbox", { name: en.admin.search.label });
  await search.fill("020 5551 0031");
  await page.getByRole("button", { name: en.admin.search.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\?q=020\+5551\+0031$/);
  await expect(search).toHaveValue("020 5551 0031");
  const rows = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: new RegExp(en.admin.saveRoles) }) });
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText(demo.facilitatorXyb.name);
  await expect(row).toContainText("020 5551 0031");

  // Grant the trader role, then take it back: the page stays on the search.
  const trader = row.getByRole("checkbox", { name: en.common.roles.trader });
  await expect(trader).not.toBeChecked();
  await trader.check();
  await row.getByRole("button", { name: new RegExp(en.admin.saveRoles) }).click();
  await expect(page.getByText(fmt(en.admin.saved, { name: demo.facilitatorXyb.name }))).toBeVisible();
  await expect(page).toHaveURL(/\/admin\?q=020\+5551\+0031$/);
  await expect(page.getByRole("checkbox", { name: en.common.roles.trader })).toBeChecked();
  await page.getByRole("checkbox", { name: en.common.roles.trader }).uncheck();
  await page.getByRole("button", { name: new RegExp(en.admin.saveRoles) }).click();
  await expect(page.getByText(fmt(en.admin.saved, { name: demo.facilitatorXyb.name }))).toBeVisible();
  await expect(page.getByRole("checkbox", { name: en.common.roles.trader })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: en.common.roles.facilitator })).toBeChecked();

  await page.getByRole("searchbox", { name: en.admin.search.label }).fill("no-such-person");
  await page.getByRole("button", { name: en.admin.search.submit, exact: true }).click();
  await expect(page.getByText(fmt(en.admin.search.noMatch, { search: "no-such-person" }))).toBeVisible();
  await page.getByRole("link", { name: en.admin.search.clear }).click();
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("button", { name: new RegExp(en.admin.saveRoles) }).first()).toBeVisible();
});
