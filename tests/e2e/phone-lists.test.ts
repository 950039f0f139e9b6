// Wide lists on a 360 px phone, in Lao, with JavaScript off and on: the payout
// sheet, the member register and the programme reports become one card per
// row, every figure inside the screen under its column's name, nothing in a
// sideways scroll; on paper the payout sheet stays a table with a line for
// each member's signature and lines for the leader and the treasurer, and the
// printed contract has lines to sign by hand, boxes for the stamps and the
// district office's registration block.
import path from "node:path";
import Database from "better-sqlite3";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { demo, expect, fmt, signInQuickly, test, texts } from "./fixtures";

const E2E_DB = path.resolve(import.meta.dirname, "../../data/e2e.db");
const PHONE = { width: 360, height: 780 };
const lo = texts("lo");

/** Ids the pages need, from the server's own database (read only). */
function lookUp<T>(sql: string, ...params: string[]): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(sql).get(...params) as T | undefined;
    if (!row) throw new Error(`nothing found for ${sql}`);
    return row;
  } finally {
    db.close();
  }
}

/** The demo's completed soybean contract of leader@demo.la, paid out to its seven members. */
const completedContract = () =>
  lookUp<{ id: string; number: string; members: number }>(
    `SELECT c.id, c.number, (SELECT COUNT(*) FROM Pledge p WHERE p.listingId = c.listingId) AS members
     FROM Contract c JOIN OrganisationLeader ol ON ol.organisationId = c.organisationId JOIN User u ON u.id = ol.userId
     WHERE u.email = ? AND c.status = 'completed' ORDER BY members DESC, c.number LIMIT 1`,
    demo.leader.email,
  );

/** Nothing on the page is wider than the phone: no sideways scroll. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, "page width").toBeLessThanOrEqual(PHONE.width);
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** The cell is seen whole inside the screen's width, under its column's name. */
async function expectOnScreen(cell: Locator, label: string): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toBeVisible();
  const box = (await cell.boundingBox())!;
  expect(box.x, `left edge of ${label}`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `right edge of ${label}`).toBeLessThanOrEqual(PHONE.width);
  // The column's name is drawn in the cell itself (the header row is only for screen readers).
  expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toContain(label);
}

/** Below 600 px the rows are cards, not table rows; the column headers stay for screen readers. */
async function expectCards(table: Locator): Promise<void> {
  expect(
    await table
      .locator("tbody tr")
      .first()
      .evaluate((el) => getComputedStyle(el).display),
  ).not.toMatch(/^table/);
  await expect(table.getByRole("columnheader").first()).toBeAttached();
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

test.use({ viewport: PHONE });

for (const javaScriptEnabled of [false, true]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test.describe(`[lo] 360 px, ${how}`, () => {
    test.use({ javaScriptEnabled });

    test("the payout sheet shows every member's amount without sideways scrolling, and prints as a table with signature lines", async ({ page }, testInfo) => {
      const D = lo.deliveries.payout;
      const contract = completedContract();
      expect(contract.members).toBeGreaterThanOrEqual(5);
      await signInQuickly(page, demo.leader.email, { lang: "lo", path: `/contracts/${contract.id}/payout` });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(D.title, { number: contract.number }));
      const table = page.getByRole("table");
      const rows = table.locator("tbody tr");
      await expect(rows).toHaveCount(contract.members);
      await expectCards(table);
      await expectNoSidewaysScroll(page);
      for (let i = 0; i < contract.members; i++) {
        const row = rows.nth(i);
        await expect(row.getByRole("rowheader")).toBeVisible();
        const amount = row.locator(`td[data-label="${D.payable}"]`);
        await expect(amount).toHaveText(/^[\d.]+ ກີບ$/);
        await expectOnScreen(amount, D.payable);
        await expectOnScreen(row.locator(`td[data-label="${D.net}"]`), D.net);
      }
      await expectOnScreen(table.locator(`tfoot td[data-label="${D.payable}"]`), D.payable);
      await expect(page.getByRole("heading", { name: D.signOff.heading })).toBeHidden();
      await shoot(page, testInfo, `payout-360-${javaScriptEnabled ? "js" : "nojs"}`);

      // On paper (the printable width of A4: 186 mm, 703 px) the sheet is a table again, every column inside the page.
      await page.setViewportSize({ width: 703, height: 1000 });
      await page.emulateMedia({ media: "print" });
      expect(await rows.first().evaluate((el) => getComputedStyle(el).display)).toBe("table-row");
      await expect(table.locator("thead")).toBeVisible();
      expect(await table.evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true);
      expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      // A line for each member's signature, and the leader's and treasurer's name, signature and date under the table.
      await expect(table.getByRole("columnheader", { name: D.signature })).toBeVisible();
      await expect(rows.locator(`td[data-label="${D.signature}"] span`)).toHaveCount(contract.members);
      for (const who of ["leader", "treasurer"] as const) {
        const block = page.locator(`[data-sign-off="${who}"]`);
        await expect(block).toBeVisible();
        await expect(block).toContainText(D.signOff[who]);
        for (const line of ["name", "signature", "date"] as const) await expect(block.getByText(D.signOff[line], { exact: true })).toBeVisible();
      }
      await shoot(page, testInfo, `payout-print-${javaScriptEnabled ? "js" : "nojs"}`);
    });

    test("the member register shows every member's village and phone without sideways scrolling", async ({ page }, testInfo) => {
      const M = lo.members.table;
      const organisation = lookUp<{ id: string; members: number }>(
        `SELECT o.id, (SELECT COUNT(*) FROM Member m WHERE m.organisationId = o.id AND m.active = 1) AS members
         FROM Organisation o JOIN OrganisationLeader ol ON ol.organisationId = o.id JOIN User u ON u.id = ol.userId
         WHERE u.email = ? AND o.status = 'verified' ORDER BY members DESC LIMIT 1`,
        demo.leader.email,
      );
      expect(organisation.members).toBeGreaterThan(0);
      await signInQuickly(page, demo.leader.email, { lang: "lo", path: `/fo/${organisation.id}/members` });
      const table = page.getByRole("table");
      const rows = table.locator("tbody tr");
      await expect(rows).toHaveCount(organisation.members);
      await expectCards(table);
      await expectNoSidewaysScroll(page);
      for (let i = 0; i < organisation.members; i++) {
        const row = rows.nth(i);
        await expect(row.getByRole("link")).toBeVisible();
        await expectOnScreen(row.locator(`td[data-label="${M.village}"]`), M.village);
        await expectOnScreen(row.locator(`td[data-label="${M.phone}"]`), M.phone);
        await expectOnScreen(row.locator(`td[data-label="${M.birthYear}"]`), M.birthYear);
      }
      await shoot(page, testInfo, `members-360-${javaScriptEnabled ? "js" : "nojs"}`);
    });

    test("the programme reports show every figure without sideways scrolling", async ({ page }, testInfo) => {
      await signInQuickly(page, demo.facilitator.email, { lang: "lo", path: "/reports" });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lo.reports.title);
      const tables = page.getByRole("table");
      expect(await tables.count()).toBeGreaterThan(1);
      await expectNoSidewaysScroll(page);
      for (const table of await tables.all()) {
        await expectCards(table);
        // Every figure of every row, measured in the page at once (the reports have hundreds).
        const misplaced = await table.locator("td[data-label]").evaluateAll(
          (cells, width) =>
            cells.flatMap((cell) => {
              const box = cell.getBoundingClientRect();
              const label = cell.getAttribute("data-label")!;
              const shown = box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= width;
              return shown && getComputedStyle(cell, "::before").content.includes(label) ? [] : [`${label}: ${cell.textContent} at ${box.left}–${box.right}`];
            }),
          PHONE.width,
        );
        expect(misplaced).toEqual([]);
        expect(await table.locator("td[data-label]").count()).toBeGreaterThan(0);
      }
      await shoot(page, testInfo, `reports-360-${javaScriptEnabled ? "js" : "nojs"}`);
    });
  });
}

test("[lo] 360 px: the printed contract has lines to sign by hand, the stamps' boxes and the district office's registration", async ({ page }, testInfo) => {
  const V = lo.verify.print;
  const en = texts("en").verify.print;
  const both = (l: string, e: string) => `${l} / ${e}`;
  const contract = completedContract();
  await signInQuickly(page, demo.leader.email, { lang: "lo", path: `/contracts/${contract.id}/print` });
  await expectNoSidewaysScroll(page);
  for (const party of ["fo", "trader"] as const) {
    const block = page.locator(`[data-party="${party}"]`);
    await expect(block.getByRole("heading", { level: 3 })).toHaveText(both(lo.contracts.party[party], texts("en").contracts.party[party]));
    // The signature on the portal, with the fingerprint it signed, beside the lines to sign by hand.
    await expect(block.getByText(both(V.paper.portal, en.paper.portal), { exact: true })).toBeVisible();
    await expect(block.getByText(both(V.signedOnline, en.signedOnline))).toBeVisible();
    await expect(block.getByText(both(V.paper.byHand, en.paper.byHand), { exact: true })).toBeVisible();
    for (const [l, e] of [
      [V.name, en.name],
      [V.paper.position, en.paper.position],
      [V.signature, en.signature],
    ]) {
      await expect(block.locator("[data-hand-lines]").getByText(both(l!, e!), { exact: true })).toBeVisible();
    }
    const stamp = block.locator("[data-stamp]");
    const [stampLo, stampEn] = party === "fo" ? [V.paper.stampFo, en.paper.stampFo] : [V.paper.stampCompany, en.paper.stampCompany];
    await expect(stamp).toHaveText(both(stampLo, stampEn));
  }
  const registration = page.getByRole("region", { name: both(V.registration.heading, en.registration.heading) });
  await expect(registration).toBeVisible();
  for (const key of ["number", "date", "office", "officer", "signature"] as const) {
    await expect(registration.getByText(both(V.registration[key], en.registration[key]), { exact: true })).toBeVisible();
  }
  await expect(registration.locator("[data-stamp]")).toHaveText(both(V.registration.stamp, en.registration.stamp));
  await shoot(page, testInfo, "contract-print-360");

  // On A4 the stamp stands beside the signatures, and the registration block is on the paper.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const fo = page.locator('[data-party="fo"]');
  const hand = (await fo.locator("[data-hand-lines]").boundingBox())!;
  const stampBox = (await fo.locator("[data-stamp]").boundingBox())!;
  expect(stampBox.x).toBeGreaterThan(hand.x + hand.width - 1);
  expect(stampBox.y).toBeLessThan(hand.y + hand.height);
  await expect(registration).toBeVisible();
  await registration.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "contract-print-a4");
});
