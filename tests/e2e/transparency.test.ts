// Transparency pages (price board, track records, programme reports, passbook,
// facilitator console) on a cheap phone: 360 px wide, JavaScript off, in Lao and
// in English (chosen with the header's language buttons).
import { demo, expect, fmt, signIn, test, texts, type Lang } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 15_000 });

const WIDTH = 360;
const maize = { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" };
const viengkeo = { lo: "ສະຫະກອນກະສິກຳ ວຽງແກ້ວ", en: "Viengkeo Agricultural Cooperative" };
const beng = { lo: "ແບ່ງ", en: "Beng" };
const LAO_SCRIPT = /[\u0E80-\u0EFF]/;

/** Nothing on the page is wider than the phone's screen. */
async function expectFitsScreen(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `scroll width of ${page.url()}`).toBeLessThanOrEqual(WIDTH);
}

const langs: Lang[] = ["lo", "en"];

for (const lang of langs) {
  const t = texts(lang);

  test.describe(`in ${lang}`, () => {
    test("the price board shows the maize trend chart and the monthly table", async ({ page }) => {
      const P = t.priceboard;
      await signIn(page, demo.leader.email, undefined, { lang });
      await page.goto("/prices");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(P.title);
      await page.getByLabel(P.filters.crop, { exact: true }).selectOption({ label: maize[lang] });
      await page.getByRole("button", { name: P.filters.apply, exact: true }).click();
      await expect(page).toHaveURL(/\/prices\?.*crop=/);
      const place = P.place.all;
      const title = fmt(P.chart.title, { crop: maize[lang], place });
      const chart = page.locator("svg[role=img]");
      await expect(chart).toBeVisible();
      await expect(chart.locator(":scope > title")).toHaveText(title);
      await expect(page.getByRole("img", { name: new RegExp(`^${escape(title)}`) })).toBeVisible();
      const table = page.getByRole("table", { name: new RegExp(escape(fmt(P.monthly.caption, { crop: maize[lang], place }))) });
      await expect(table).toBeVisible();
      // On the phone each row is a card: the header row is there for screen readers, and each figure carries its column's name.
      await expect(table.getByRole("columnheader", { name: P.monthly.reference, exact: true })).toBeAttached();
      await expect(table.locator(`tbody td[data-label="${P.monthly.reference}: ${P.monthly.median}"]`).first()).toBeVisible();
      const rows = table.locator("tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      // at least one month with a median price (digits)
      await expect(
        table
          .locator("tbody td")
          .filter({ hasText: /\d{1,3}([.,\s]\d{3})+|\d{4,}/ })
          .first(),
      ).toBeVisible();
      await expectFitsScreen(page);
    });

    test("a trader company's page, reached from the accepted offer, shows its track record", async ({ page }) => {
      await signIn(page, demo.trader.email, undefined, { lang });
      await page.goto("/contracts");
      await page.locator("main").getByRole("link").filter({ hasText: /\d/ }).first().click();
      await expect(page).toHaveURL(/\/contracts\/[^/]+$/);
      await expectFitsScreen(page);
      await page.getByRole("link", { name: t.contracts.detail.offer, exact: true }).click();
      await expect(page).toHaveURL(/\/offers\/[^/]+$/);
      await expectFitsScreen(page);
      await page.getByRole("heading", { level: 1 }).getByRole("link").click();
      await expect(page).toHaveURL(/\/companies\/[^/]+$/);
      const R = t.track.record;
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(t.track.company.title, { name: demo.trader.company }));
      await expect(page.getByRole("heading", { name: R.title, exact: true })).toBeVisible();
      await expect(page.getByText(R.empty, { exact: true })).toHaveCount(0);
      for (const label of [R.contracts, R.contracted, R.delivered, R.fulfilment, R.onTime, R.daysLate]) {
        const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
        await expect(row.getByRole("cell")).toContainText(/\d/);
      }
      await expectFitsScreen(page);
    });

    test("the programme report shows its tables and exports CSV", async ({ page }) => {
      const R = t.reports;
      await signIn(page, demo.facilitator.email, undefined, { lang });
      await page.goto("/reports");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(R.title);
      for (const id of ["district", "crop", "month", "reach", "members", "onTime"] as const) {
        const section = page.getByRole("region", { name: R.tables[id].title, exact: true });
        await expect(section.getByRole("table")).toBeVisible();
      }
      const byDistrict = page.getByRole("region", { name: R.tables.district.title, exact: true });
      // On the phone each row is a card headed by its district; the header row is there for screen readers.
      await expect(byDistrict.getByRole("columnheader", { name: R.columns.district, exact: true })).toBeAttached();
      await expect(byDistrict.locator("tbody th[scope=row]").first()).toBeVisible();
      await expect(byDistrict.locator("tbody td").filter({ hasText: /[1-9]/ }).first()).toBeVisible();
      await expectFitsScreen(page);

      const href = await byDistrict.getByRole("link", { name: R.csv, exact: true }).getAttribute("href");
      expect(href).toMatch(/^\/reports\/export\?table=district&/);
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
      const body = await response.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = body.toString("utf8");
      expect(csv).toContain(R.columns.district);
      const xlsxHref = await byDistrict.getByRole("link", { name: R.xlsx, exact: true }).getAttribute("href");
      expect(xlsxHref).toBe(`${href}&format=xlsx`);
      const workbook = await page.request.get(xlsxHref!);
      expect(workbook.status()).toBe(200);
      expect(workbook.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      // An .xlsx file is a zip archive.
      expect([...(await workbook.body()).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      if (lang === "lo") expect(csv).toMatch(LAO_SCRIPT);
    });

    test("a trader opening the programme report is not allowed", async ({ page }) => {
      await signIn(page, demo.trader.email, undefined, { lang });
      const response = await page.goto("/reports");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.errors[403].title);
      await expectFitsScreen(page);
    });

    test("a member's passbook, reached from the register, shows that member's rows", async ({ page }) => {
      await signIn(page, demo.leader.email, undefined, { lang });
      await page.goto("/fo");
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: demo.leader.verifiedFo[lang], exact: true }) });
      await card.getByRole("link", { name: t.members.openRegister, exact: true }).click();
      await expect(page).toHaveURL(/\/fo\/[^/]+\/members$/);
      await expectFitsScreen(page);
      const memberLink = page.locator("main tbody").getByRole("link").first();
      const name = ((await memberLink.textContent()) ?? "").trim();
      expect(name).not.toBe("");
      await memberLink.click();
      await expect(page).toHaveURL(/\/members\/[^/]+$/);
      await page.getByRole("link", { name: t.reports.passbook.link, exact: true }).click();
      await expect(page).toHaveURL(/\/members\/[^/]+\/passbook$/);
      const P = t.reports.passbook;
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fmt(P.title, { name }));
      await expect(page.getByText(fmt(P.organisation, { organisation: demo.leader.verifiedFo[lang] }), { exact: true })).toBeVisible();
      await expect(page.getByText(P.empty, { exact: true })).toHaveCount(0);
      const pledges = page.locator("main article");
      expect(await pledges.count()).toBeGreaterThan(0);
      await expect(pledges.first().getByRole("heading", { level: 2 })).toContainText(/\d/);
      await expect(page.getByRole("heading", { name: P.totals, exact: true })).toBeVisible();
      await expectFitsScreen(page);
    });

    test("the facilitator console lists the seeded problems, within each facilitator's districts", async ({ page }) => {
      const C = t.reports.console;
      const D = t.disputes.facilitator;
      await signIn(page, demo.facilitator.email, undefined, { lang });
      await page.goto("/facilitator");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.facilitator.title);
      const main = page.locator("main");
      // the Beng maize contract's overdue payment and the Hongsa dispute; as days pass, another
      // contract of the same two parties falls overdue too, so the line may appear more than once
      await expect(
        main.getByText(fmt(C.overdue.parties, { fo: demo.leader.verifiedFo[lang], trader: demo.trader.company }), { exact: true }).first(),
      ).toBeVisible();
      await expect(main.getByText(fmt(D.parties, { fo: viengkeo[lang], trader: demo.trader3.company }), { exact: true })).toBeVisible();
      await expectFitsScreen(page);

      await page.context().clearCookies();
      await signIn(page, demo.facilitatorXyb.email, undefined, { lang });
      await page.goto("/facilitator");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.dashboard.facilitator.title);
      await expect(main.getByText(fmt(D.parties, { fo: viengkeo[lang], trader: demo.trader3.company }), { exact: true })).toBeVisible();
      await expect(main.getByText(demo.leader.verifiedFo[lang])).toHaveCount(0);
      await expect(main.getByText(beng[lang])).toHaveCount(0);
      await expect(main.getByText(C.overdue.empty, { exact: true })).toBeVisible();
      await expectFitsScreen(page);
    });
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
