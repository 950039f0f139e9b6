// The members annex prints with the contract, in Lao and in English: a demo
// contract written from template version 2 lists the households it covers
// (name, sex, village, pledged kg) after its last clause, in both texts.
import { demo, expect, signInQuickly, test } from "./fixtures";

test("a contract's print carries the members annex in Lao and English", async ({ page }) => {
  await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/contracts" });
  const first = page.getByRole("link", { name: /^SSJ-\d{4}-\d{4}$/ }).first();
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^\/contracts\/[^/]+$/);
  await page.goto(`${href}/print`);
  const lao = page.locator('div[lang="lo"]');
  const english = page.locator('div[lang="en"]');
  await expect(lao).toContainText(/ເອກະສານຊ້ອນທ້າຍ: ສະມາຊິກທີ່ສັນຍາເລກທີ SSJ-\d{4}-\d{4} ກວມເອົາ/);
  await expect(lao).toContainText(/1\. [^;]+; (ຍິງ|ຊາຍ); [^;]+; [\d.]+ ກິໂລ/);
  await expect(lao).toContainText("ມາດຕາ 17. ຄຳຮ້ອງທຸກ ຂອງສະມາຊິກ");
  await expect(english).toContainText(/Annex: the members covered by contract SSJ-\d{4}-\d{4}/);
  await expect(english).toContainText(/1\. [^;]+; (woman|man); [^;]+; [\d,]+ kg/);
  await expect(english).toContainText(/Total: \d+ households?, [\d,]+ kg/);
  await expect(english).toContainText("Clause 16. Confidentiality of the parties' data");
});
