import { householdPayout } from "~/domain/payments/household-settlement";
import { describe, expect, it } from "vitest";
import { assembleReport, paidOnTimeVerdict, ratePermille, type ContractFact, type DeliveryFact, type MemberFact } from "~/domain/reports/aggregate";
import { memberShare, passbookTotals } from "~/domain/reports/passbook";
import { defaultReportRange, laoMonthKey, monthsOfRange, rangeInstants } from "~/domain/reports/period";
import { buildReportTables, formatCell, formatMonth, tableToCsv } from "~/domain/reports/tables";
import { payoutSheet } from "~/domain/payments/payout";
import { resources } from "~/locales";

/** An instant at a time of day in Vientiane. */
const lao = (day: string, time = "12:00") => new Date(`${day}T${time}:00+07:00`);

const member = (id: string, memberSex: string, householdHeadSex: string, birthYear: number): MemberFact => ({ id, memberSex, householdHeadSex, birthYear });

const maize = { code: "MAIZE", name: { lo: "ສາລີ", en: "Maize" } };
const sesame = { code: "SESAME", name: { lo: "ງາ", en: "Sesame" } };

type Ledger = ContractFact["ledger"];
const ledger = (over: Partial<Ledger> = {}): Ledger => ({ paymentDays: 7, advanceLak: 0n, deliveries: [], payments: [], ...over });

describe("the report period", () => {
  it("defaults to the twelve calendar months up to today in Laos", () => {
    expect(defaultReportRange(lao("2026-05-10"))).toEqual({ from: "2025-06-01", to: "2026-05-10" });
    expect(defaultReportRange(lao("2026-01-15"))).toEqual({ from: "2025-02-01", to: "2026-01-15" });
    // 20:00 UTC on 31 May is already 1 June in Vientiane.
    expect(defaultReportRange(new Date("2026-05-31T20:00:00Z"))).toEqual({ from: "2025-07-01", to: "2026-06-01" });
  });

  it("runs from the first to the last instant of its days and lists every month it touches", () => {
    const { start, end } = rangeInstants({ from: "2026-01-01", to: "2026-03-31" });
    expect(start.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-31T16:59:59.999Z");
    expect(monthsOfRange({ from: "2025-11-20", to: "2026-02-03" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(laoMonthKey(new Date("2026-01-31T18:00:00Z"))).toBe("2026-02");
  });
});

describe("paid on time", () => {
  const delivery = (day: string, payableLak: bigint, status: "recorded" | "confirmed" | "contested" = "confirmed") => ({
    deliveredOn: lao(day),
    payableLak,
    status,
  });
  const payment = (day: string, amountLak: bigint, status: "recorded" | "confirmed" | "contested" = "confirmed") => ({ paidOn: lao(day), amountLak, status });

  it("is on time when paid on the due day, late the day after", () => {
    const asOf = lao("2026-03-31");
    expect(paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n)], payments: [payment("2026-01-27", 1000n)] }), asOf)).toBe("onTime");
    expect(paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n)], payments: [payment("2026-01-28", 1000n)] }), asOf)).toBe("late");
  });

  it("is late when any part of a due delivery is still unpaid, or paid after the day it is judged", () => {
    expect(paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n)], payments: [payment("2026-01-27", 999n)] }), lao("2026-03-31"))).toBe("late");
    // Paid on time in April, but judged on 31 January: still unpaid then (due 27 January).
    expect(paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n)], payments: [payment("2026-04-01", 1000n)] }), lao("2026-01-31"))).toBe(
      "late",
    );
    // A payment recorded but not confirmed is not money received.
    expect(
      paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n)], payments: [payment("2026-01-21", 1000n, "recorded")] }), lao("2026-03-31")),
    ).toBe("late");
  });

  it("is not judged before a delivery's due day has passed", () => {
    const l = ledger({ deliveries: [delivery("2026-01-20", 1000n)] });
    expect(paidOnTimeVerdict(l, lao("2026-01-27", "23:00"))).toBe("notDue");
    expect(paidOnTimeVerdict(l, lao("2026-01-28", "00:30"))).toBe("late");
    expect(paidOnTimeVerdict(ledger(), lao("2026-03-31"))).toBe("notDue");
  });

  it("counts the advance first and leaves contested deliveries out", () => {
    const asOf = lao("2026-03-31");
    expect(paidOnTimeVerdict(ledger({ advanceLak: 1000n, deliveries: [delivery("2026-01-20", 1000n)] }), asOf)).toBe("onTime");
    expect(paidOnTimeVerdict(ledger({ deliveries: [delivery("2026-01-20", 1000n, "contested")] }), asOf)).toBe("notDue");
    // Oldest first: the second payment pays the second delivery on its due day.
    const two = ledger({
      paymentDays: 3,
      deliveries: [delivery("2026-02-01", 500n), delivery("2026-02-10", 700n)],
      payments: [payment("2026-02-04", 500n), payment("2026-02-13", 700n)],
    });
    expect(paidOnTimeVerdict(two, asOf)).toBe("onTime");
    // One late part is enough.
    const partly = ledger({
      paymentDays: 3,
      deliveries: [delivery("2026-02-01", 500n), delivery("2026-02-10", 700n)],
      payments: [payment("2026-02-04", 500n), payment("2026-02-14", 700n)],
    });
    expect(paidOnTimeVerdict(partly, asOf)).toBe("late");
  });

  it("rounds the rate half up in per mille, with no rate when nothing is due", () => {
    expect(ratePermille(2, 3)).toBe(667);
    expect(ratePermille(1, 6)).toBe(167);
    expect(ratePermille(1, 8)).toBe(125);
    expect(ratePermille(1, 2000)).toBe(1);
    expect(ratePermille(0, 4)).toBe(0);
    expect(ratePermille(3, 3)).toBe(1000);
    expect(ratePermille(0, 0)).toBeNull();
  });
});

describe("a programme report", () => {
  const range = { from: "2026-01-01", to: "2026-03-31" };
  const districts = [
    { id: "beng", name: { lo: "ແບ່ງ", en: "Beng" }, province: { lo: "ອຸດົມໄຊ", en: "Oudomxay" } },
    { id: "hongsa", name: { lo: "ຫົງສາ", en: "Hongsa" }, province: { lo: "ໄຊຍະບູລີ", en: "Sayabouly" } },
  ];
  // Youth is judged in 2026, the year the period ends: born 1992 → 34 (youth), 1991 → 35 (not).
  const m1 = member("m1", "female", "female", 2000);
  const m2 = member("m2", "male", "female", 1980);
  const m3 = member("m3", "female", "male", 1991);
  const m4 = member("m4", "male", "male", 1992);
  const m5 = member("m5", "female", "female", 1995);
  const m6 = member("m6", "female", "male", 2001);

  const contract = (over: Partial<ContractFact> & Pick<ContractFact, "id" | "activatedAt">): ContractFact => ({
    districtId: "beng",
    organisationId: "o1",
    crop: maize,
    quantityKg: 0,
    valueLak: 0n,
    members: [],
    ledger: ledger(),
    ...over,
  });
  const contracts: ContractFact[] = [
    contract({
      id: "c1",
      activatedAt: lao("2026-01-15"),
      quantityKg: 3000,
      valueLak: 9_300_000n,
      members: [m1, m2],
      ledger: ledger({
        deliveries: [{ deliveredOn: lao("2026-01-20"), payableLak: 3_000_000n, status: "confirmed" }],
        payments: [{ paidOn: lao("2026-01-27"), amountLak: 3_000_000n, status: "confirmed" }],
      }),
    }),
    contract({
      id: "c2",
      activatedAt: lao("2026-02-10"),
      crop: sesame,
      quantityKg: 1000,
      valueLak: 15_000_000n,
      members: [m1, m3, m6],
      ledger: ledger({
        paymentDays: 3,
        deliveries: [{ deliveredOn: lao("2026-02-12"), payableLak: 5_000_000n, status: "confirmed" }],
        payments: [{ paidOn: lao("2026-02-16"), amountLak: 5_000_000n, status: "confirmed" }],
      }),
    }),
    // Last hour of the period; m1 sells here too, in another district.
    contract({
      id: "c3",
      districtId: "hongsa",
      organisationId: "o2",
      activatedAt: lao("2026-03-31", "23:00"),
      quantityKg: 2000,
      valueLak: 6_000_000n,
      members: [m4, m1],
    }),
    // Just outside the period, on either side.
    contract({
      id: "c4",
      districtId: "hongsa",
      organisationId: "o3",
      activatedAt: lao("2026-04-01", "00:30"),
      quantityKg: 500,
      valueLak: 1_500_000n,
      members: [m5],
    }),
    contract({ id: "c5", organisationId: "o3", activatedAt: lao("2025-12-31", "23:59"), quantityKg: 700, valueLak: 2_100_000n, members: [m5] }),
  ];
  const deliveries: DeliveryFact[] = [
    { districtId: "beng", crop: maize, netKg: 985, amountDueLak: 3_053_500n, deliveredOn: lao("2026-01-20") },
    { districtId: "beng", crop: sesame, netKg: 400, amountDueLak: 6_000_000n, deliveredOn: lao("2026-02-12") },
    { districtId: "hongsa", crop: maize, netKg: 1000, amountDueLak: 3_000_000n, deliveredOn: lao("2026-03-05") },
    { districtId: "hongsa", crop: maize, netKg: 9999, amountDueLak: 9_999n, deliveredOn: lao("2026-04-02") },
  ];
  const report = assembleReport({ districts, contracts, deliveries }, range, lao("2026-06-01"));

  it("adds up volume and value contracted and delivered by district, crop and month", () => {
    expect(report.byDistrict.rows).toEqual([
      { key: "beng", contracts: 2, contractedKg: 4000, contractedLak: 24_300_000n, deliveries: 2, deliveredKg: 1385, deliveredLak: 9_053_500n },
      { key: "hongsa", contracts: 1, contractedKg: 2000, contractedLak: 6_000_000n, deliveries: 1, deliveredKg: 1000, deliveredLak: 3_000_000n },
    ]);
    expect(report.byDistrict.total).toEqual({
      key: "total",
      contracts: 3,
      contractedKg: 6000,
      contractedLak: 30_300_000n,
      deliveries: 3,
      deliveredKg: 2385,
      deliveredLak: 12_053_500n,
    });
    // Maize first: 15,300,000 LAK contracted against sesame's 15,000,000.
    expect(report.byCrop.rows).toEqual([
      { key: "MAIZE", contracts: 2, contractedKg: 5000, contractedLak: 15_300_000n, deliveries: 2, deliveredKg: 1985, deliveredLak: 6_053_500n },
      { key: "SESAME", contracts: 1, contractedKg: 1000, contractedLak: 15_000_000n, deliveries: 1, deliveredKg: 400, deliveredLak: 6_000_000n },
    ]);
    expect(report.byCrop.total).toEqual(report.byDistrict.total);
    expect(report.byMonth.rows).toEqual([
      { key: "2026-01", contracts: 1, contractedKg: 3000, contractedLak: 9_300_000n, deliveries: 1, deliveredKg: 985, deliveredLak: 3_053_500n },
      { key: "2026-02", contracts: 1, contractedKg: 1000, contractedLak: 15_000_000n, deliveries: 1, deliveredKg: 400, deliveredLak: 6_000_000n },
      { key: "2026-03", contracts: 1, contractedKg: 2000, contractedLak: 6_000_000n, deliveries: 1, deliveredKg: 1000, deliveredLak: 3_000_000n },
    ]);
  });

  it("counts FOs and households reached per district and, distinct, in total", () => {
    expect(report.reach.rows).toEqual([
      { key: "beng", organisations: 1, households: 4, women: 3, men: 1, youth: 2, womenYouth: 2, menYouth: 0, femaleHeaded: 2, maleHeaded: 2 },
      { key: "hongsa", organisations: 1, households: 2, women: 1, men: 1, youth: 2, womenYouth: 1, menYouth: 1, femaleHeaded: 1, maleHeaded: 1 },
    ]);
    // m1 sold in both districts: counted once.
    expect(report.reach.total).toEqual({
      key: "total",
      organisations: 2,
      households: 5,
      women: 3,
      men: 2,
      youth: 3,
      womenYouth: 2,
      menYouth: 1,
      femaleHeaded: 2,
      maleHeaded: 3,
    });
  });

  it("crosses the sex of the member and of the household head with youth at the period's end", () => {
    expect(report.sexYouth).toEqual([
      { key: "memberFemale", youth: 2, older: 1, total: 3 },
      { key: "memberMale", youth: 1, older: 1, total: 2 },
      { key: "headFemale", youth: 1, older: 1, total: 2 },
      { key: "headMale", youth: 2, older: 1, total: 3 },
      { key: "total", youth: 3, older: 2, total: 5 },
    ]);
  });

  it("rates payment on time over the contracts with a payment due", () => {
    expect(report.asOf).toEqual(rangeInstants(range).end);
    expect(report.onTime.rows).toEqual([
      { key: "beng", contracts: 2, due: 2, onTime: 1, late: 1, ratePermille: 500 },
      { key: "hongsa", contracts: 1, due: 0, onTime: 0, late: 0, ratePermille: null },
    ]);
    expect(report.onTime.total).toEqual({ key: "total", contracts: 3, due: 2, onTime: 1, late: 1, ratePermille: 500 });
  });

  it("judges on today when the period has not ended", () => {
    const now = lao("2026-02-14");
    const early = assembleReport({ districts, contracts, deliveries }, range, now);
    expect(early.asOf).toBe(now);
    // c1 was paid on its due day; c2 is due on 15 February, not yet judged.
    expect(early.onTime.total).toMatchObject({ contracts: 3, due: 1, onTime: 1, ratePermille: 1000 });
  });

  it("lays the tables out for the page and the CSV, named in the reader's language", () => {
    const t = (key: string) => {
      const [ns, path] = key.split(":") as ["reports", string];
      return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources.en[ns]) as string;
    };
    const tables = buildReportTables(report, "en", t);
    expect(tables.map((x) => x.id)).toEqual(["district", "crop", "month", "reach", "members", "onTime"]);
    const district = tables[0]!;
    expect(district.rows[0]!.cells).toEqual(["Beng", "Oudomxay", 2, 4000, "24300000", 2, 1385, "9053500"]);
    expect(district.rows.at(-1)).toEqual({ cells: ["Total", "", 3, 6000, "30300000", 3, 2385, "12053500"], total: true });
    expect(tables[1]!.rows[1]!.cells[0]).toBe("Sesame");
    expect(tables[4]!.rows[0]!.cells).toEqual(["Registered member: woman", 2, 1, 3]);
    expect(tables[5]!.rows.map((r) => r.cells.at(-1))).toEqual([500, null, 500]);

    expect(tableToCsv(district, t)).toBe(
      '\uFEFFDistrict,Province,Contracts,Contracted (kg),Contracted value (LAK),Confirmed deliveries,"Delivered, net (kg)",Delivered value (LAK)\r\n' +
        "Beng,Oudomxay,2,4000,24300000,2,1385,9053500\r\n" +
        "Hongsa,Sayabouly,1,2000,6000000,1,1000,3000000\r\n" +
        "Total,,3,6000,30300000,3,2385,12053500\r\n",
    );
    expect(tableToCsv(tables[5]!, t).split("\r\n")[2]).toBe("Hongsa,Sayabouly,1,0,0,0,");
    expect(tableToCsv(tables[5]!, t).split("\r\n")[3]).toBe("Total,,3,2,1,1,50.0");

    const lo = buildReportTables(report, "lo", t);
    expect(lo[0]!.rows[0]!.cells.slice(0, 2)).toEqual(["ແບ່ງ", "ອຸດົມໄຊ"]);
    expect(lo[2]!.rows[0]!.cells[0]).toBe("2026-01");
  });

  it("formats cells for the locale", () => {
    expect(formatCell("24300000", "lak", "en")).toBe("24,300,000 LAK");
    expect(formatCell("24300000", "lak", "lo")).toBe("24.300.000 ກີບ");
    expect(formatCell(1385, "kg", "en")).toBe("1,385 kg");
    expect(formatCell(667, "percent", "en")).toBe("66.7 %");
    expect(formatCell(667, "percent", "lo")).toBe("66,7 %");
    expect(formatCell(null, "percent", "en")).toBe("—");
    expect(formatMonth("2026-05", "en")).toBe("May 2026");
    expect(formatMonth("2026-01", "lo")).toBe("ມັງກອນ 2026");
  });
});

describe("the member passbook", () => {
  it("takes the member's line of each payout sheet and adds up every pledge and share", () => {
    const pledges = [
      { memberId: "a", name: "A", kg: 1000 },
      { memberId: "b", name: "B", kg: 1500 },
      { memberId: "c", name: "C", kg: 500 },
    ];
    const sheet = payoutSheet({ pledges, netKg: 2985, payableLak: 8_253_500n, inputDeductionLak: 1_000_000n });
    const share = memberShare({ sheet, households: null }, "a");
    expect(share).toEqual({ netKg: 995, grossLak: 3_084_500n, inputDeductionLak: 333_333n, payableLak: 2_751_167n, cashRepaidLak: 0n });
    expect(memberShare({ sheet, households: null }, "nobody")).toEqual({ netKg: 0, grossLak: 0n, inputDeductionLak: 0n, payableLak: 0n, cashRepaidLak: 0n });
    expect(memberShare({ sheet: null, households: null }, "a").netKg).toBe(0);
    // By household: its own inputs and its share of the FO's both count as deducted.
    const households = householdPayout(
      [
        {
          lots: [
            { memberId: "a", netKg: 900, amountLak: 2_790_000n, deductedKg: 100 },
            { memberId: null, netKg: 300, amountLak: 930_000n, deductedKg: 0 },
          ],
          repaidByMember: new Map([["a", 500_000n]]),
          poolRepaidLak: 0n,
        },
      ],
      pledges,
      [],
    );
    // a: own 900 kg and 2,790,000 + 1,000/3,000 of the pooled 300 kg and 930,000 = 100 kg and 310,000.
    expect(memberShare({ sheet: null, households: { rows: households } }, "a")).toEqual({
      netKg: 1000,
      grossLak: 3_100_000n,
      inputDeductionLak: 500_000n,
      payableLak: 2_600_000n,
      cashRepaidLak: 0n,
    });
    // A household's cash repayment is shown beside, never taken from what it receives.
    expect(
      memberShare({ sheet: null, households: { rows: households.map((r) => ({ ...r, cashRepaidLak: r.memberId === "a" ? 40_000n : 0n })) } }, "a"),
    ).toMatchObject({
      payableLak: 2_600_000n,
      cashRepaidLak: 40_000n,
    });
    const second = { netKg: 100, grossLak: 310_000n, inputDeductionLak: 0n, payableLak: 310_000n, cashRepaidLak: 40_000n };
    expect(
      passbookTotals([
        { kg: 1000, contracts: [share, second] },
        { kg: 700, contracts: [] },
      ]),
    ).toEqual({
      pledgedKg: 1700,
      netKg: 1095,
      grossLak: 3_394_500n,
      inputDeductionLak: 333_333n,
      payableLak: 3_061_167n,
      cashRepaidLak: 40_000n,
    });
  });
});
