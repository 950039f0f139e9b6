import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { reports as lo } from "~/locales/lo/reports";
import { refreshOverdueFrom } from "~/domain/payments/overdue.server";
import { confirmPayment, recordPayment } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, contestDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { programmeReport } from "~/domain/reports/reports.server";
import { loader as exportLoader } from "~/routes/reports/export";
import { loader as reportsLoader } from "~/routes/reports/index";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";
import { contractInForce } from "../fixtures/contracts";
import { createFo } from "../fixtures/market";

const lao = (day: string, time = "12:00") => new Date(`${day}T${time}:00+07:00`);
const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;

type MemberSpec = { memberSex: string; householdHeadSex: string; birthYear: number; kg: number };

/**
 * A maize contract in force, signed through the real flow, then moved to the
 * given day of 2024 (activatedAt is not frozen content), so the report's period
 * can be fixed whatever today is.
 */
async function contractIn(options: { district: string; members: MemberSpec[]; price: number; paymentDays: number; activatedOn: string }) {
  const fo = await createFo({ district: options.district, members: options.members.length });
  for (const [i, m] of options.members.entries())
    await db.member.update({
      where: { id: fo.members[i]!.id },
      data: { memberSex: m.memberSex, householdHeadSex: m.householdHeadSex, birthYear: m.birthYear },
    });
  const kg = options.members.map((m) => m.kg);
  const total = kg.reduce((a, b) => a + b, 0);
  const { trader, contract, foActor, traderActor } = await contractInForce({
    fo,
    kg,
    terms: { priceLakPerKg: String(options.price), quantityKg: String(total), paymentDays: String(options.paymentDays) },
  });
  await db.contract.update({ where: { id: contract.id }, data: { activatedAt: lao(options.activatedOn) } });
  return { fo, trader, foActor, traderActor, contract };
}

type Scene = Awaited<ReturnType<typeof contractIn>>;

/** A delivery at the standard moisture (net = gross), answered by the FO, then dated `on`. */
async function deliver(scene: Scene, grossKg: number, on: string, answer: "confirm" | "contest" | "none" = "confirm") {
  const result = await recordDelivery(db, scene.traderActor, scene.contract.id, {
    deliveredOn: today(),
    grossKg,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: null,
    measuredBy: "A",
    instrument: "B",
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (answer === "confirm") await confirmDelivery(db, scene.foActor, result.deliveryId);
  if (answer === "contest") await contestDelivery(db, scene.foActor, result.deliveryId, "Wrong scale");
  await db.delivery.update({ where: { id: result.deliveryId }, data: { deliveredOn: lao(on) } });
  // Dated behind the portal's back: bring the contract's ledger dates up to it, as recording on that day would have.
  await refreshOverdueFrom(db, scene.contract.id, new Date());
}

async function pay(scene: Scene, amountLak: bigint, on: string) {
  const result = await recordPayment(db, scene.traderActor, scene.contract.id, { amountLak, paidOn: today(), method: "cash", reference: null });
  if (!result.ok) throw new Error(JSON.stringify(result));
  await confirmPayment(db, scene.foActor, result.paymentId);
  await db.payment.update({ where: { id: result.paymentId }, data: { paidOn: lao(on) } });
  await refreshOverdueFrom(db, scene.contract.id, new Date());
}

type Table = { id: string; columns: { key: string }[]; rows: { cells: (string | number | null)[]; total?: boolean }[] };
type Page = { tables: Table[] | null; summary: Record<string, unknown> | null; errors: Record<string, string>; scope: { all: boolean; districts: string[] } };

const PERIOD = "from=2024-01-01&to=2024-03-31";
const rowsOf = (page: Page, id: string) => page.tables!.find((t) => t.id === id)!.rows.map((r) => r.cells);

let facilitatorId: string;
let adminId: string;

beforeAll(async () => {
  // Youth is judged in 2024: born 1990 → 34 (youth), 1989 → 35 (not).
  // Beng, January: 3 households, 3,000 kg at 3,100 LAK; 2,000 kg delivered and paid on the due day.
  const c1 = await contractIn({
    district: "Beng",
    price: 3100,
    paymentDays: 7,
    activatedOn: "2024-01-10",
    members: [
      { memberSex: "female", householdHeadSex: "female", birthYear: 2000, kg: 1000 },
      { memberSex: "male", householdHeadSex: "female", birthYear: 1980, kg: 1000 },
      { memberSex: "female", householdHeadSex: "male", birthYear: 1989, kg: 1000 },
    ],
  });
  await deliver(c1, 2000, "2024-01-15");
  await pay(c1, 6_200_000n, "2024-01-22");

  // Beng, February: 2 households, 2,000 kg at 5,000 LAK; 1,000 kg delivered and paid a day late; a contested delivery does not count.
  const c2 = await contractIn({
    district: "Beng",
    price: 5000,
    paymentDays: 3,
    activatedOn: "2024-02-05",
    members: [
      { memberSex: "male", householdHeadSex: "male", birthYear: 1990, kg: 500 },
      { memberSex: "female", householdHeadSex: "female", birthYear: 1970, kg: 1500 },
    ],
  });
  await deliver(c2, 1000, "2024-02-10");
  await deliver(c2, 300, "2024-02-11", "contest");
  await pay(c2, 5_000_000n, "2024-02-14");

  // Hongsa (another district), March: delivered and never paid.
  const c3 = await contractIn({
    district: "Hongsa",
    price: 3000,
    paymentDays: 7,
    activatedOn: "2024-03-01",
    members: [{ memberSex: "female", householdHeadSex: "female", birthYear: 2005, kg: 1000 }],
  });
  await deliver(c3, 1000, "2024-03-05");

  // Beng, but in force after the period: left out.
  const c4 = await contractIn({
    district: "Beng",
    price: 3000,
    paymentDays: 7,
    activatedOn: "2024-04-02",
    members: [{ memberSex: "male", householdHeadSex: "male", birthYear: 2001, kg: 700 }],
  });
  await deliver(c4, 700, "2024-04-03");

  const facilitator = await createUser({ roles: ["facilitator"] });
  const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
  await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: beng.id } });
  facilitatorId = facilitator.id;
  adminId = (await createUser({ roles: ["admin"] })).id;
});

describe("programme reports", () => {
  it("give a facilitator every figure for their district only, a record in another district excluded", async () => {
    const page = dataOf<Page>(await call(reportsLoader, await request(`/reports?${PERIOD}`, { userId: facilitatorId, headers: { Cookie: "lng=en" } })));
    expect(page.scope).toEqual({ all: false, districts: ["Beng"] });
    expect(rowsOf(page, "district")).toEqual([
      ["Beng", "Oudomxay", 2, 5000, "19300000", 2, 3000, "11200000"],
      ["Total", "", 2, 5000, "19300000", 2, 3000, "11200000"],
    ]);
    expect(rowsOf(page, "crop")).toEqual([
      ["Maize (shelled grain)", 2, 5000, "19300000", 2, 3000, "11200000"],
      ["Total", 2, 5000, "19300000", 2, 3000, "11200000"],
    ]);
    expect(rowsOf(page, "month")).toEqual([
      ["2024-01", 1, 3000, "9300000", 1, 2000, "6200000"],
      ["2024-02", 1, 2000, "10000000", 1, 1000, "5000000"],
      ["2024-03", 0, 0, "0", 0, 0, "0"],
      ["Total", 2, 5000, "19300000", 2, 3000, "11200000"],
    ]);
    // FOs, households, women, men, youth, young women, young men, headed by a woman, by a man.
    expect(rowsOf(page, "reach")).toEqual([
      ["Beng", "Oudomxay", 2, 5, 3, 2, 2, 1, 1, 3, 2],
      ["Total", "", 2, 5, 3, 2, 2, 1, 1, 3, 2],
    ]);
    // Youth, 35 and over, households.
    expect(rowsOf(page, "members")).toEqual([
      ["Registered member: woman", 1, 2, 3],
      ["Registered member: man", 1, 1, 2],
      ["Household head: woman", 1, 2, 3],
      ["Household head: man", 1, 1, 2],
      ["Total", 2, 3, 5],
    ]);
    // Contracts, payment due, on time, late, rate (per mille).
    expect(rowsOf(page, "onTime")).toEqual([
      ["Beng", "Oudomxay", 2, 2, 1, 1, 500],
      ["Total", "", 2, 2, 1, 1, 500],
    ]);
    expect(page.summary).toEqual({
      contractedKg: 5000,
      contractedLak: "19300000",
      deliveredKg: 3000,
      deliveredLak: "11200000",
      organisations: 2,
      households: 5,
      onTime: 1,
      due: 2,
      ratePermille: 500,
    });
  });

  it("give an administrator the whole programme", async () => {
    const page = dataOf<Page>(await call(reportsLoader, await request(`/reports?${PERIOD}`, { userId: adminId, headers: { Cookie: "lng=en" } })));
    expect(page.scope.all).toBe(true);
    const districts = rowsOf(page, "district");
    expect(districts).toHaveLength(10); // nine programme districts and the total
    expect(districts.find((r) => r[0] === "Hongsa")).toEqual(["Hongsa", "Sayabouly", 1, 1000, "3000000", 1, 1000, "3000000"]);
    expect(districts.at(-1)).toEqual(["Total", "", 3, 6000, "22300000", 3, 4000, "14200000"]);
    expect(rowsOf(page, "reach").at(-1)).toEqual(["Total", "", 3, 6, 4, 2, 3, 2, 1, 4, 2]);
    // Hongsa's delivery was due on 12 March and is still unpaid on 31 March: late.
    expect(rowsOf(page, "onTime").at(-1)).toEqual(["Total", "", 3, 3, 1, 2, 333]);
  });

  it("judge payment on the period's last day, not on payments made after it", async () => {
    const scope = { districtIds: [(await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } })).id] };
    // Up to 20 January, the first delivery (due on the 22nd) is not judged yet.
    const january = await programmeReport(db, scope, { from: "2024-01-01", to: "2024-01-20" }, new Date());
    expect(january.onTime.total).toMatchObject({ contracts: 1, due: 0, ratePermille: null });
    expect(january.byDistrict.total).toMatchObject({ contracts: 1, deliveries: 1, deliveredKg: 2000 });
    // The second delivery is due on 13 February: on that day it may still be paid, so it is not judged yet…
    const feb13 = await programmeReport(db, scope, { from: "2024-01-01", to: "2024-02-13" }, new Date());
    expect(feb13.onTime.total).toMatchObject({ contracts: 2, due: 1, onTime: 1, late: 0, ratePermille: 1000 });
    // …the day after it is, and the payment made that day is one day late.
    const feb14 = await programmeReport(db, scope, { from: "2024-01-01", to: "2024-02-14" }, new Date());
    expect(feb14.onTime.total).toMatchObject({ contracts: 2, due: 2, onTime: 1, late: 1, ratePermille: 500 });
  });

  it("refuse everyone but facilitators and administrators", async () => {
    for (const roles of [["fo_leader"], ["trader"], []] as Role[][]) {
      const user = await createUser({ roles });
      expect(statusOf(await call(reportsLoader, await request("/reports", { userId: user.id }))), roles.join()).toBe(403);
      expect(statusOf(await call(exportLoader, await request("/reports/export?table=district", { userId: user.id }))), roles.join()).toBe(403);
    }
    expect(statusOf(await call(reportsLoader, await request("/reports")))).toBe(302);
  });

  it("default to the last 12 months and explain a bad period next to the field", async () => {
    const page = dataOf<Page & { values: { from: string; to: string } }>(await call(reportsLoader, await request("/reports", { userId: facilitatorId })));
    expect(page.values.to).toBe(toLaoDateInput(new Date()));
    expect(page.tables).not.toBeNull();
    const backwards = await call(reportsLoader, await request("/reports?from=2024-03-01&to=2024-01-01", { userId: facilitatorId }));
    expect(statusOf(backwards)).toBe(400);
    expect(dataOf<Page>(backwards).errors).toEqual({ to: "reports:errors.toBeforeFrom" });
    expect(dataOf<Page>(await call(reportsLoader, await request("/reports?from=2024-02-30", { userId: facilitatorId }))).errors).toEqual({
      from: "validation:date",
    });
  });

  it("export one table as CSV with a byte-order mark, in the reader's language", async () => {
    const response = (await call(
      exportLoader,
      await request(`/reports/export?table=reach&${PERIOD}`, { userId: facilitatorId, headers: { Cookie: "lng=lo" } }),
    )) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="ssj-report-reach-2024-01-01-2024-03-31.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]!.split(",").slice(0, 4)).toEqual(["ເມືອງ", "ແຂວງ", "ກຸ່ມຊາວກະສິກອນ", "ຄົວເຮືອນ"]);
    expect(lines[1]).toBe("ແບ່ງ,ອຸດົມໄຊ,2,5,3,2,2,1,1,3,2");
    expect(lines[2]).toBe("ລວມ,,2,5,3,2,2,1,1,3,2");
    expect(lines[3]).toBe("");

    const value = (await call(
      exportLoader,
      await request(`/reports/export?table=district&${PERIOD}`, { userId: facilitatorId, headers: { Cookie: "lng=en" } }),
    )) as Response;
    expect((await value.text()).split("\r\n").slice(1, 3)).toEqual(["Beng,Oudomxay,2,5000,19300000,2,3000,11200000", "Total,,2,5000,19300000,2,3000,11200000"]);

    expect(statusOf(await call(exportLoader, await request(`/reports/export?table=nope&${PERIOD}`, { userId: facilitatorId })))).toBe(400);
    expect(statusOf(await call(exportLoader, await request("/reports/export?table=crop&from=2024-05-01&to=2024-01-01", { userId: facilitatorId })))).toBe(400);
  });

  it("export the same table as CSV that csv-parse reads back and as an Excel workbook with numeric cells", async () => {
    const get = async (format: string, lng = "lo") =>
      (await call(
        exportLoader,
        await request(`/reports/export?table=district&${PERIOD}&format=${format}`, { userId: facilitatorId, headers: { Cookie: `lng=${lng}` } }),
      )) as Response;

    const csv = parse(await (await get("csv")).text(), { bom: true }) as string[][];
    const c = lo.columns;
    const header = [c.district, c.province, c.contracts, c.contractedKg, c.contractedLak, c.deliveries, c.deliveredKg, c.deliveredLak];
    expect(csv[0]).toEqual(header);
    expect(csv.slice(1)).toEqual([
      ["ແບ່ງ", "ອຸດົມໄຊ", "2", "5000", "19300000", "2", "3000", "11200000"],
      ["ລວມ", "", "2", "5000", "19300000", "2", "3000", "11200000"],
    ]);

    const response = await get("xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="ssj-report-district-2024-01-01-2024-03-31.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe(lo.tables.district.title);
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, "ແບ່ງ", "ອຸດົມໄຊ", 2, 5000, 19_300_000, 2, 3000, 11_200_000]);
    expect(sheet.getRow(3).values).toEqual([undefined, "ລວມ", "", 2, 5000, 19_300_000, 2, 3000, 11_200_000]);
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(typeof sheet.getCell("E2").value).toBe("number");
    expect(sheet.getCell("E2").numFmt).toBe("#,##0");
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);

    const english = new ExcelJS.Workbook();
    await english.xlsx.load((await (await get("xlsx", "en")).arrayBuffer()) as ExcelJS.Buffer);
    expect(english.worksheets[0]!.getRow(2).values).toEqual([undefined, "Beng", "Oudomxay", 2, 5000, 19_300_000, 2, 3000, 11_200_000]);
    expect(statusOf(await get("pdf"))).toBe(400);
  });
});
