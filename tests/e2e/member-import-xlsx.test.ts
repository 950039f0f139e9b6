// A leader imports the member list kept in Excel: a workbook with Lao headers
// and Lao village names, on a 360 px phone, with and without JavaScript.
import ExcelJS from "exceljs";
import { demo, expect, fmt, signInQuickly, test, texts, uniqueTag } from "./fixtures";

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("ສະມາຊິກ");
  sheet.addRow(["ຊື່", "ເພດຂອງຫົວໜ້າຄອບຄົວ", "ເພດຂອງສະມາຊິກ", "ປີເກີດ", "ບ້ານ", "ເບີໂທ"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 360, height: 780 } });

    test("an FO leader imports members from an Excel workbook in Lao, and a file that is no spreadsheet is refused", async ({ page }) => {
      const lo = texts("lo");
      await signInQuickly(page, demo.leader.email, { lang: "lo", path: "/fo" });
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.leader.pendingFo.lo, exact: true }) });
      await card.getByRole("link", { name: lo.members.openRegister, exact: true }).click();
      await page.getByRole("link", { name: lo.members.actions.import, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lo.members.import.title);

      const file = page.getByLabel(lo.members.import.file, { exact: true });
      await expect(file).toHaveAttribute("accept", /\.xlsx/);
      await file.setInputFiles({ name: "ສະມາຊິກ.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n\0\0\0") });
      await page.getByRole("button", { name: lo.members.import.submit, exact: true }).click();
      await expect(page.getByText(lo.members.import.errors.notSpreadsheet)).toBeVisible();

      const tag = uniqueTag();
      const names = [`ນາງ ບົວພັນ ${tag}`, `ທ້າວ ສຸກ ${tag}`];
      // The villages of the FO's own district, as the page lists them.
      const village = (await page.locator('section[aria-labelledby="csv-format"] li').first().textContent())!.split(" (")[0]!.trim();
      await page.getByLabel(lo.members.import.file, { exact: true }).setInputFiles({
        name: "members.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await workbook([
          [names[0]!, "ຍິງ", "ຍິງ", 1992, village, "020 5555 1234"],
          [names[1]!, "ຊາຍ", "ຊາຍ", 1988, village, 2055512345],
        ]),
      });
      await page.getByRole("button", { name: lo.members.import.submit, exact: true }).click();
      await expect(page.getByText(fmt(lo.members.import.importedSummary, { count: 2 }))).toBeVisible();
      const report = page.getByRole("table");
      for (const name of names) await expect(report.getByText(name, { exact: true })).toBeVisible();
      await page.screenshot({ path: `test-results/member-import-xlsx-${javaScriptEnabled ? "js" : "nojs"}.png`, fullPage: true });
    });
  });
}
