// The listing form on a small phone in Lao. The grade follows the crop: with
// JavaScript the grade list holds only the chosen crop's grades and forgets a
// grade when the crop changes; without it every grade stays, grouped under its
// crop, and the server refuses a grade of another crop, keeping what was typed.
// The pledged kg add up while typing (app/enhance.js); without a script the
// server's total is shown once the form comes back.
import type { Page } from "@playwright/test";
import { formatKg } from "../../app/utils/format";
import { demo, expect, fmt, laoDate, signInQuickly, test, texts } from "./fixtures";

const t = texts("lo");
const L = t.listings;
const maize = "ສາລີ (ເມັດ)";
const phone = { width: 360, height: 780 };

async function openForm(page: Page) {
  await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/listings/new" });
  await page.getByRole("navigation", { name: L.form.organisation }).getByRole("link", { name: demo.leader.verifiedFo.lo, exact: true }).click();
  await expect(page).toHaveURL(/\/listings\/new\?organisationId=/);
  return {
    crop: page.getByLabel(L.form.crop, { exact: true }),
    grade: page.getByLabel(L.form.grade, { exact: true }),
    pledges: page.getByRole("group", { name: L.form.pledges }).locator('input[name^="pledge."]'),
    total: page.locator("[data-running-total-output]"),
  };
}

/** The crop groups the grade list shows, and how many grades each. */
async function gradeGroups(page: Page) {
  return page
    .getByLabel(L.form.grade, { exact: true })
    .locator("optgroup")
    .evaluateAll((groups) => groups.map((g) => ({ label: g.getAttribute("label") ?? "", grades: g.querySelectorAll("option").length })));
}

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true, viewport: phone });

  test("[lo] the grade list follows the crop and the pledged kg add up while typing", async ({ page }) => {
    const form = await openForm(page);
    const all = await gradeGroups(page);
    expect(all.length).toBeGreaterThan(1);
    expect(all.map((g) => g.label)).toContain(maize);

    await form.crop.selectOption({ label: maize });
    const shown = await gradeGroups(page);
    expect(shown).toEqual(all.filter((g) => g.label === maize));
    await form.grade.selectOption({ label: `${maize}: ຊັ້ນ 2` });

    // Another crop: only its grades, and the maize grade is forgotten.
    const other = all.find((g) => g.label !== maize)!;
    await form.crop.selectOption({ label: other.label });
    expect(await gradeGroups(page)).toEqual([other]);
    await expect(form.grade).toHaveValue("");

    // A grade chosen before the crop names the crop.
    await form.crop.selectOption({ value: "" });
    expect(await gradeGroups(page)).toEqual(all);
    await form.grade.selectOption({ label: `${maize}: ຊັ້ນ 1` });
    await expect(form.crop.locator("option:checked")).toHaveText(maize);
    expect(await gradeGroups(page)).toEqual(all.filter((g) => g.label === maize));

    await expect(form.total).toBeHidden();
    await form.pledges.nth(0).fill("1200");
    await form.pledges.nth(1).fill("350");
    await expect(form.total).toHaveText(fmt(L.form.total, { kg: formatKg(1550, "lo") }));
    await form.pledges.nth(2).fill("ຫຼາຍ");
    await expect(form.total).toHaveText(fmt(L.form.total, { kg: formatKg(1550, "lo") }));
    await form.pledges.nth(1).fill("");
    await expect(form.total).toHaveText(fmt(L.form.total, { kg: formatKg(1200, "lo") }));
    const box = await form.total.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(phone.width);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: phone });

  test("[lo] every grade stays choosable, a grade of another crop is refused and the server gives the total", async ({ page }) => {
    const form = await openForm(page);
    const all = await gradeGroups(page);
    await form.crop.selectOption({ label: maize });
    expect(await gradeGroups(page)).toEqual(all);
    const other = all.find((g) => g.label !== maize)!;
    const wrongGrade = await form.grade.locator(`optgroup[label="${other.label}"] option`).first().textContent();
    await form.grade.selectOption({ label: wrongGrade! });

    await page.getByLabel(L.form.availableFrom, { exact: true }).fill(laoDate(7));
    await page.getByLabel(L.form.availableUntil, { exact: true }).fill(laoDate(60));
    await page.getByLabel(L.form.deliveryPoint, { exact: true }).fill("ສາງຕະຫຼາດເມືອງແບ່ງ");
    await page.getByLabel(L.form.offerDeadline, { exact: true }).fill(laoDate(14));
    await form.pledges.nth(0).fill("1200");
    await form.pledges.nth(1).fill("350");
    // No script: nothing adds up before the form is sent.
    await expect(form.total).toBeHidden();
    await page.getByRole("button", { name: L.form.saveDraft, exact: true }).click();

    await expect(page).toHaveURL(/\/listings\/new\?organisationId=/);
    await expect(page.getByText(L.errors.gradeNotOfCrop, { exact: true })).toBeVisible();
    await expect(form.grade).toHaveAttribute("aria-invalid", "true");
    // What was typed is kept, and the total is the server's.
    await expect(form.crop.locator("option:checked")).toHaveText(maize);
    await expect(form.grade.locator("option:checked")).toHaveText(wrongGrade!);
    await expect(form.pledges.nth(0)).toHaveValue("1200");
    await expect(form.total).toHaveText(fmt(L.form.total, { kg: formatKg(1550, "lo") }));

    // The right grade saves the draft with the server's total.
    await form.grade.selectOption({ label: `${maize}: ຊັ້ນ 2` });
    await page.getByRole("button", { name: L.form.saveDraft, exact: true }).click();
    await expect(page).toHaveURL(/\/listings\/[^/?]+\?saved=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${maize}, ຊັ້ນ 2`);
    await expect(page.getByText(formatKg(1550, "lo")).first()).toBeVisible();
  });
});
