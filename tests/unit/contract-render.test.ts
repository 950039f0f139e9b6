// Contract rendering: the four templates in both languages from realistic
// snapshots, the plain-language summary, the hash and the placeholder rules.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/contract-hash";
import { placeholderNames, placeholderValues } from "~/domain/contracts/placeholder-values";
import { placeholdersIn, readClauses, renderClauses, type ContractClause } from "~/domain/contracts/clauses";
import { renderContract } from "~/domain/contracts/render";
import { renderSummary, summaryVoiceFor } from "~/domain/contracts/summary";
import type { ContractSnapshot, TemplateCode } from "~/domain/contracts/snapshot";
import { templateCodes } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { clauseKeys } from "~/domain/contracts/templates/common";
import { formatKg, formatLak } from "~/utils/format";
import { resources } from "~/locales";
import { CROPS } from "../../prisma/seed/reference-data";
import { MAIZE_BASIS_BEFORE_2026_12, MAIZE_TABLE_BEFORE_2026_12 } from "../fixtures/tables";

const LAO = /[\u0E80-\u0EFF]/;
const maize = CROPS.find((c) => c.code === "MAIZE")!;
const cassava = CROPS.find((c) => c.code === "CASSAVA_FRESH")!;

function snapshot(code: TemplateCode, overrides: Partial<ContractSnapshot["terms"]> = {}): ContractSnapshot {
  const t = contractTemplates[code];
  const terms: ContractSnapshot["terms"] = {
    priceLakPerKg: 3_100,
    quantityKg: 12_000,
    tolerancePermille: 50,
    moistureBasisPermille: 140,
    // A contract written before December 2026, with the maize table of then.
    deductionTable: MAIZE_TABLE_BEFORE_2026_12.map((b) => ({ ...b })),
    deliveryDate: "2026-11-14T17:00:00.000Z", // 15 November in Vientiane
    deliveryPlace: "Ban Nahin rice mill yard",
    transportPaidBy: "trader",
    transportCostLak: "0",
    bagsPaidBy: "fo",
    bagsCostLak: "600000",
    advanceLak: "2000000",
    paymentDays: 7,
    latePenaltyPermillePerMonth: 20,
    floorPriceLakPerKg: code === "forward_floor" || code === "export_parity" ? 2_800 : null,
    inputDescription: code === "input_supply" ? "40 bags of NPK 15-15-15 fertiliser (50 kg each)" : null,
    inputValueLak: code === "input_supply" ? "8000000" : null,
    inputInterestPermillePerMonth: code === "input_supply" ? 15 : null,
    ...(code === "export_parity"
      ? {
          exportParity: {
            market: "Thai MOC feed corn, Bangkok",
            currency: "THB" as const,
            rateSourceKind: "bol_reference" as const,
            marginLakPerKg: 900,
            maxAgeDays: 14,
          },
        }
      : {}),
    ...overrides,
  };
  return {
    number: "SSJ-2026-0007",
    amendmentNumber: 1,
    amends: null,
    amendmentReason: null,
    date: "2026-06-01T03:00:00.000Z",
    template: { code, version: t.version, name: { lo: t.nameLo, en: t.nameEn }, priceMechanism: t.priceMechanism },
    fo: {
      name: { lo: "ກຸ່ມຜູ້ປູກສາລີ ບ້ານນາຫີນ", en: "Nahin Maize Growers" },
      type: "producer_group",
      village: { lo: "ບ້ານນາຫີນ", en: "Ban Nahin" },
      district: { lo: "ໄຊສະຖານ", en: "Xaysathan" },
      province: { lo: "ໄຊຍະບູລີ", en: "Sayabouly" },
      leaders: [
        { name: "ທ້າວ ບຸນມີ", phone: "020 5555 1234" },
        { name: "ນາງ ແສງດາວ", phone: null },
      ],
    },
    trader: {
      name: "Hongsa Feed Trading Co.",
      licenceNumber: "XYB-0423",
      province: { lo: "ໄຊຍະບູລີ", en: "Sayabouly" },
      staff: [{ name: "Somchai", phone: "020 9999 0000" }],
    },
    crop: { code: maize.code, name: { lo: maize.nameLo, en: maize.nameEn }, standardMoisturePermille: MAIZE_BASIS_BEFORE_2026_12 },
    grade: { code: "G1", name: { lo: "ຊັ້ນ 1", en: "Grade 1" }, spec: { lo: maize.grades[0]!.specLo, en: maize.grades[0]!.specEn } },
    terms,
    valueLak: String(BigInt(terms.quantityKg) * BigInt(terms.floorPriceLakPerKg ?? terms.priceLakPerKg)),
    witnessRequired: code === "input_supply",
  };
}

describe("the four templates", () => {
  it("exist for every template code with the fifteen clauses in the same order, Lao and English", () => {
    for (const code of templateCodes) {
      const t = contractTemplates[code];
      expect(t.code).toBe(code);
      expect(t.clauses.map((c) => c.key)).toEqual([...clauseKeys]);
      for (const c of t.clauses) {
        expect(c.titleLo).toMatch(LAO);
        expect(c.bodyLo).toMatch(LAO);
        expect(c.titleEn).not.toMatch(LAO);
        expect(c.bodyEn).not.toMatch(LAO);
        // Both languages use the same placeholders.
        expect(new Set(placeholdersIn(c.bodyLo))).toEqual(new Set(placeholdersIn(c.bodyEn)));
        for (const name of placeholdersIn(c.bodyLo + c.bodyEn + c.titleLo + c.titleEn)) expect(placeholderNames).toContain(name);
      }
      // Stored as JSON and read back intact.
      expect(readClauses(JSON.stringify(t.clauses))).toEqual(t.clauses);
    }
  });

  it("have a name in both languages, and no rendered text or summary shows a template's code", () => {
    for (const code of templateCodes) {
      expect(resources.lo.offers.templates[code]).toMatch(LAO);
      expect(resources.en.offers.templates[code]).not.toMatch(LAO);
      expect(resources.en.offers.templates[code]).not.toContain("_");
      const r = renderContract({ ...snapshot(code), writing: 2 }, contractTemplates[code].clauses);
      for (const text of [r.textLo, r.textEn, r.summaryLo, r.summaryEn]) {
        for (const other of templateCodes) expect(text).not.toContain(other);
      }
    }
  });

  it("write dates day/month/year and phones as people dial them in a contract written now, and as before in one written before", () => {
    const before = snapshot("spot_fixed");
    before.fo.leaders = [{ name: "ທ້າວ ບຸນມີ", phone: "8562055551234" }];
    const now = renderContract({ ...before, writing: 2 }, contractTemplates.spot_fixed.clauses);
    expect(now.textEn).toContain("15/11/2026");
    expect(now.textLo).toContain("15/11/2026");
    expect(now.textEn).not.toContain("November");
    expect(now.textLo).toContain("ທ້າວ ບຸນມີ (020 5555 1234)");
    const old = renderContract(before, contractTemplates.spot_fixed.clauses);
    expect(old.textEn).toContain("15 November 2026");
    expect(old.textLo).toContain("ທ້າວ ບຸນມີ (8562055551234)");
    expect(old.textEn).toContain("Template spot_fixed, version");
    expect(contractTemplates.spot_fixed.priceMechanism).toBe("fixed");
    expect(contractTemplates.forward_fixed.priceMechanism).toBe("fixed");
    expect(contractTemplates.forward_floor).toMatchObject({ priceMechanism: "floor_premium", requiredTerms: ["floorPriceLakPerKg"] });
    expect(contractTemplates.input_supply).toMatchObject({
      priceMechanism: "input_supply",
      requiredTerms: ["inputDescription", "inputValueLak", "inputInterestPermillePerMonth"],
    });
  });

  it.each(templateCodes)("%s renders in both languages with no placeholder left", (code) => {
    const s = snapshot(code);
    const r = renderContract(s, contractTemplates[code].clauses);
    for (const text of [r.textLo, r.textEn, r.summaryLo, r.summaryEn]) {
      expect(text).not.toContain("{{");
      expect(text).not.toContain("}}");
      expect(text).not.toContain("undefined");
      expect(text).not.toContain("null");
      expect(text).not.toContain("NaN");
    }
    expect(r.textLo).toMatch(LAO);
    expect(r.summaryLo).toMatch(LAO);
    expect(r.textLo).toContain("ມາດຕາ 15. ການປັບປຸງສັນຍາ");
    expect(r.textEn).toContain("Clause 15. Amendments");
    expect(r.textEn).toContain("SSJ-2026-0007");
    expect(r.textEn).toContain("Hongsa Feed Trading Co.");
    expect(r.textEn).toContain("Nahin Maize Growers (producer group), Ban Nahin, Xaysathan district, Sayabouly province");
    expect(r.textEn).toContain("15 November 2026");
    expect(r.textLo).toContain("15 ພະຈິກ 2026");
    expect(r.textEn).toContain("Ban Nahin rice mill yard");
    expect(r.sha256).toBe(contractHash(r.textLo, r.textEn));
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("renders every template with every snapshot (no template depends on its own mechanism's terms to be filled)", () => {
    for (const template of templateCodes)
      for (const code of templateCodes) {
        const r = renderContract(snapshot(code), contractTemplates[template].clauses);
        expect(r.textLo + r.textEn).not.toContain("{{");
      }
  });

  it("writes the deduction table line by line, as the deliveries apply it", () => {
    const v = placeholderValues(snapshot("spot_fixed"), "en");
    expect(v.deductionTable.split("\n")).toEqual([
      "Moisture basis: 14.0 %. For each percentage point of moisture above the basis (part of a point counts in proportion), the trader deducts from every 1,000 kg:",
      "  - above 14.0 % up to 18.0 %: 15 kg",
      "  - above 18.0 % up to 25.0 %: 20 kg",
      "  - above 25.0 % up to 30.0 %: 25 kg",
      "  - above 30.0 %: 25 kg; the trader may refuse a lot this wet",
      "Example: 1,000 kg at 20.0 % moisture: 4.0 × 15 kg + 2.0 × 20 kg = 100 kg deducted, 900 kg paid.",
    ]);
    // A lenient basis starts the table higher and says so.
    const lenient = placeholderValues(snapshot("spot_fixed", { moistureBasisPermille: 150 }), "en").deductionTable;
    expect(lenient).toContain("  - above 15.0 % up to 18.0 %: 15 kg");
    expect(lenient).toContain("The standard moisture of this crop is 14.0 %; this contract uses a basis of 15.0 %.");
  });

  it("says plainly when a crop is not bought on moisture", () => {
    const s = snapshot("spot_fixed", { deductionTable: [], moistureBasisPermille: 0 });
    s.crop = { code: cassava.code, name: { lo: cassava.nameLo, en: cassava.nameEn }, standardMoisturePermille: 0 };
    const r = renderContract(s, contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("This crop is not bought on moisture: there is no moisture deduction.");
    expect(r.summaryEn).toContain("there is no moisture deduction for this crop");
    expect(r.summaryLo).toContain("ບໍ່ມີການຫັກຄວາມຊຸ່ມ");
  });
});

describe("the plain-language summary", () => {
  it("says what is sold, how much, at what price, paid when, deducted how (fixed price)", () => {
    const { summaryEn, summaryLo } = renderContract(snapshot("forward_fixed"), contractTemplates.forward_fixed.clauses);
    expect(summaryEn).toContain(
      "You, Nahin Maize Growers, sell 12,000 kg (5.0 % more or less) of Maize (shelled grain), Grade 1, to Hongsa Feed Trading Co. at a fixed price of 3,100 LAK per kg.",
    );
    expect(summaryEn).toContain(
      "Payment: within 7 days of delivery (if the crop is delivered on 15 November 2026, payment is due by 22 November 2026 at the latest)",
    );
    expect(summaryEn).toContain("an advance of 2,000,000 LAK");
    expect(summaryEn).toContain("2.0 % of the unpaid amount per month");
    expect(summaryEn).toContain(
      "Moisture: the price is for 14.0 % moisture; moisture above 14.0 % is deducted from every 1,000 kg at 15 kg per point up to 18.0 %, 20 kg per point up to 25.0 %, 25 kg per point above 25.0 %.",
    );
    expect(summaryEn).toContain("Inputs: none");
    expect(summaryEn).toContain("Contract value: 37,200,000 LAK.");
    // The same facts in Lao, with the numbers formatted as everywhere else.
    expect(summaryLo).toContain(formatKg(12_000, "lo"));
    expect(summaryLo).toContain(formatLak(3_100, "lo"));
    expect(summaryLo).toContain("ພາຍໃນ 7 ມື້ ຫຼັງຈາກສົ່ງຜົນຜະລິດ");
    expect(summaryLo).toContain(`ຫັກຈາກທຸກໆ ${formatKg(1000, "lo")}: ${formatKg(15, "lo")} ຕໍ່ ຈຸດ`);
    // One sentence a line, to read aloud.
    expect(summaryEn.split("\n").length).toBeGreaterThanOrEqual(6);
  });

  it("states the floor-price rule instead of a fixed price", () => {
    const { summaryEn, summaryLo, textEn } = renderContract(snapshot("forward_floor"), contractTemplates.forward_floor.clauses);
    expect(summaryEn).toContain(
      "at the higher of the floor price of 2,800 LAK per kg (guaranteed: never less) and the market reference price on the day of delivery",
    );
    expect(summaryEn).not.toContain("fixed price");
    expect(summaryEn).toContain("Value at least (at the floor price): 33,600,000 LAK.");
    expect(summaryLo).toContain(`ລາຄາຂັ້ນຕ່ຳ ${formatLak(2_800, "lo")} ຕໍ່ ກິໂລ`);
    expect(textEn).toContain("The price is the higher of two prices: the floor price of 2,800 LAK per kg");
    expect(textEn).toContain(
      "for Xaysathan district (if there are none, for Sayabouly province), on the latest day with prices up to and including that day and no more than 7 days before it.",
    );
  });

  it("states the inputs, their interest and the most that can be deducted", () => {
    const s = snapshot("input_supply");
    const { summaryEn, textEn, summaryLo } = renderContract(s, contractTemplates.input_supply.clauses);
    // 1 June to 15 November 2026 (Vientiane days): 167 days; 8,000,000 × 1.5 % × 167 ÷ 30 = 668,000.
    expect(summaryEn).toContain(
      "Inputs: the trader advances 40 bags of NPK 15-15-15 fertiliser (50 kg each), worth 8,000,000 LAK, with interest of 1.5 % per month; at delivery this and the interest are deducted from your payment, at most 8,668,000 LAK.",
    );
    expect(textEn).toContain("(167 days), the interest is 8,000,000 LAK × 1.5 % × 167 ÷ 30 = 668,000 LAK, and the total deducted is 8,668,000 LAK.");
    expect(textEn).toContain("minus the inputs and interest of clause 10");
    expect(textEn).toContain("it takes effect only after the witness has signed");
    expect(summaryLo).toContain(formatLak(8_668_000n, "lo"));
    // The other templates advance nothing.
    expect(renderContract(snapshot("spot_fixed"), contractTemplates.spot_fixed.clauses).textEn).toContain(
      "No inputs (seed, fertiliser, pesticides, tools) and no credit are advanced under this contract.",
    );
  });

  it("handles payment on the day, no advance, no penalty, no tolerance and FO transport", () => {
    const s = snapshot("spot_fixed", {
      paymentDays: 0,
      advanceLak: "0",
      latePenaltyPermillePerMonth: 0,
      tolerancePermille: 0,
      transportPaidBy: "fo",
      transportCostLak: "1500000",
    });
    const v = placeholderValues(s, "en");
    expect(v.paymentDays).toBe("on the day of delivery");
    expect(v.advance).toBe("none");
    expect(v.tolerance).toBe("none: exactly 12,000 kg must be delivered");
    expect(v.transport).toBe("the FO brings the crop to the delivery place and pays the transport itself (agreed cost: 1,500,000 LAK in total)");
    const { summaryEn } = renderContract(s, contractTemplates.spot_fixed.clauses);
    expect(summaryEn).toContain("sell 12,000 kg of Maize");
    expect(summaryEn).toContain("Payment: on the day of delivery (");
    expect(summaryEn).not.toContain("advance");
    expect(summaryEn).not.toContain("if payment is late");
  });

  it("names the contract an amendment replaces", () => {
    const s = {
      ...snapshot("forward_fixed"),
      number: "SSJ-2026-0012",
      amendmentNumber: 2,
      amends: "SSJ-2026-0007",
      amendmentReason: "Delivery moved after the flood.",
    };
    const r = renderContract(s, contractTemplates.forward_fixed.clauses);
    expect(r.textEn).toContain(
      "This contract is amendment no. 1 of contract SSJ-2026-0007: it replaces that contract from the day both parties have signed it. Reason: Delivery moved after the flood.",
    );
    expect(r.textEn.split("\n")[3]).toBe("Amendment of contract SSJ-2026-0007");
    expect(r.summaryEn).toContain("amendment no. 1 of contract SSJ-2026-0007");
  });
});

describe("determinism and the hash", () => {
  it("renders the same snapshot to the same texts and hash, whatever the clock", () => {
    const s = snapshot("forward_floor");
    const a = renderContract(s, contractTemplates.forward_floor.clauses);
    const b = renderContract(
      JSON.parse(JSON.stringify(s)) as ContractSnapshot,
      JSON.parse(JSON.stringify(contractTemplates.forward_floor.clauses)) as ContractClause[],
    );
    expect(b).toEqual(a);
  });

  it("is a stable SHA-256 of the documented canonical join", () => {
    // "SSJ-CONTRACT-1\nlo 3\nກ\nen 1\na\n": ກ is three UTF-8 bytes.
    const expected = createHash("sha256").update("SSJ-CONTRACT-1\nlo 3\nກ\nen 1\na\n", "utf8").digest("hex");
    expect(contractHash("ກ", "a")).toBe(expected);
    expect(contractHash("ກ", "a")).toBe(expected);
  });

  it("changes when one character of either text changes, and is not fooled by moving text between them", () => {
    const { textLo, textEn, sha256 } = renderContract(snapshot("spot_fixed"), contractTemplates.spot_fixed.clauses);
    const i = textEn.indexOf("3,100");
    expect(contractHash(textLo, textEn.slice(0, i) + "4" + textEn.slice(i + 1))).not.toBe(sha256);
    const j = textLo.indexOf("ສາລີ");
    expect(contractHash(textLo.slice(0, j) + "ສ" + textLo.slice(j), textEn)).not.toBe(sha256);
    expect(contractHash(textLo + " ", textEn)).not.toBe(sha256);
    expect(contractHash(textLo, textEn + "\n")).not.toBe(sha256);
    expect(contractHash("ab", "c")).not.toBe(contractHash("a", "bc"));
    expect(contractHash("a", "b")).not.toBe(contractHash("b", "a"));
  });
});

describe("renderClauses", () => {
  const clause: ContractClause = { key: "x", titleLo: "ລາຄາ", titleEn: "Price", bodyLo: "{{price}}", bodyEn: "Pay {{ price }}." };

  it("numbers the clauses and fills the placeholders", () => {
    expect(renderClauses([clause, { ...clause, key: "y" }], { price: "3,100 LAK per kg" }, "en")).toBe(
      "Clause 1. Price\nPay 3,100 LAK per kg.\n\nClause 2. Price\nPay 3,100 LAK per kg.",
    );
    expect(renderClauses([clause], { price: "3.100 ກີບ" }, "lo")).toBe("ມາດຕາ 1. ລາຄາ\n3.100 ກີບ");
  });

  it("throws a clear error on an unknown or malformed placeholder", () => {
    const values = placeholderValues(snapshot("spot_fixed"), "en");
    expect(() => renderClauses([{ ...clause, bodyEn: "Pay {{pricePerTonne}}." }], values, "en")).toThrow(
      'Unknown placeholder {{pricePerTonne}} in clause "x" (bodyEn)',
    );
    expect(() => renderClauses([{ ...clause, bodyEn: "Pay {{price." }], values, "en")).toThrow(/Malformed placeholder in clause "x"/);
    expect(() => renderContract(snapshot("spot_fixed"), [{ ...clause, bodyLo: "{{toString}}" }])).toThrow(/Unknown placeholder \{\{toString\}\}/);
  });

  it("defines every listed placeholder in both languages", () => {
    for (const code of templateCodes)
      for (const locale of ["lo", "en"] as const) {
        const v = placeholderValues(snapshot(code), locale);
        expect(Object.keys(v).sort()).toEqual([...placeholderNames].sort());
        for (const name of placeholderNames) expect(v[name], `${code} ${locale} ${name}`).not.toBe("");
      }
  });
});

describe("the summary in its reader's voice", () => {
  const voices = ["fo", "trader", "neutral"] as const;
  const figures = (text: string) => [...text.matchAll(/\d[\d.,]*/g)].map((m) => m[0]).sort();

  it("speaks to the FO of what it will deliver and be paid, to the trader of what it will receive and pay, to others of both by name", () => {
    const s = snapshot("forward_fixed");
    const fo = renderSummary(s, "en", "fo");
    expect(fo).toContain(
      "You, Nahin Maize Growers, will deliver 12,000 kg (5.0 % more or less) of Maize (shelled grain), Grade 1, to Hongsa Feed Trading Co., sold at a fixed price of 3,100 LAK per kg.",
    );
    expect(fo).toContain("Delivery: you will deliver on ");
    expect(fo).toContain("Payment: you will be paid within 7 days of delivery");
    expect(fo).toContain("you will be paid an advance of 2,000,000 LAK after signing");
    expect(fo).toContain("if the trader pays late, the trader adds 2.0 % of the unpaid amount per month");

    const trader = renderSummary(s, "en", "trader");
    expect(trader).toContain(
      "You, Hongsa Feed Trading Co., will receive 12,000 kg (5.0 % more or less) of Maize (shelled grain), Grade 1, from Nahin Maize Growers, bought at a fixed price of 3,100 LAK per kg.",
    );
    expect(trader).toContain("Delivery: you will receive it on ");
    expect(trader).toContain("Payment: you will pay within 7 days of delivery");
    expect(trader).toContain("you will pay an advance of 2,000,000 LAK after signing");
    expect(trader).toContain("if you pay late, you add 2.0 % of the unpaid amount per month");

    const neutral = renderSummary(s, "en", "neutral");
    expect(neutral).toContain(
      "Nahin Maize Growers sells 12,000 kg (5.0 % more or less) of Maize (shelled grain), Grade 1, to Hongsa Feed Trading Co. at a fixed price of 3,100 LAK per kg.",
    );
    expect(neutral).not.toMatch(/\byou\b/i);
  });

  it("does the same in Lao", () => {
    const s = snapshot("forward_fixed");
    const v = placeholderValues(s, "lo");
    const fo = renderSummary(s, "lo", "fo");
    expect(fo).toContain(`ທ່ານ (${v.foName}) ຈະສົ່ງ ${v.cropName} ${v.gradeName} ຈຳນວນ ${v.quantity}`);
    expect(fo).toContain("ສົ່ງຜົນຜະລິດ: ທ່ານຈະສົ່ງ ວັນທີ");
    expect(fo).toContain("ຈ່າຍເງິນ: ທ່ານຈະໄດ້ຮັບເງິນ ພາຍໃນ 7 ມື້");
    expect(fo).toContain(`ທ່ານຈະໄດ້ຮັບເງິນລ່ວງໜ້າ ${formatLak(2_000_000, "lo")}`);
    const trader = renderSummary(s, "lo", "trader");
    expect(trader).toContain(`ທ່ານ (${v.traderName}) ຈະໄດ້ຮັບ ${v.cropName} ${v.gradeName} ຈຳນວນ ${v.quantity}`);
    expect(trader).toContain(`ຈາກ ${v.foName}`);
    expect(trader).toContain("ຈ່າຍເງິນ: ທ່ານຈະຈ່າຍເງິນ ພາຍໃນ 7 ມື້");
    expect(trader).toContain("ຖ້າທ່ານຈ່າຍຊ້າ, ທ່ານຕ້ອງຈ່າຍເພີ່ມ");
    const neutral = renderSummary(s, "lo", "neutral");
    expect(neutral).toContain(`${v.foName} ຂາຍ ${v.cropName} ${v.gradeName} ຈຳນວນ ${v.quantity}`);
    expect(neutral).not.toContain("ທ່ານ");
  });

  it("speaks of the inputs from each side", () => {
    const s = snapshot("input_supply");
    expect(renderSummary(s, "en", "fo")).toContain("Inputs: the trader advances you 40 bags of NPK");
    expect(renderSummary(s, "en", "trader")).toContain(
      "Inputs: you advance Nahin Maize Growers 40 bags of NPK 15-15-15 fertiliser (50 kg each), worth 8,000,000 LAK, with interest of 1.5 % per month; at delivery this and the interest are deducted from what you pay",
    );
    expect(renderSummary(s, "en", "neutral")).toContain("Inputs: the trader advances Nahin Maize Growers 40 bags of NPK");
    expect(renderSummary(s, "en", "neutral")).toContain("deducted from its payment, at most 8,668,000 LAK.");
    expect(renderSummary(s, "lo", "fo")).toContain("ພໍ່ຄ້າໃຫ້ທ່ານລ່ວງໜ້າ");
    expect(renderSummary(s, "lo", "trader")).toContain("ອອກຈາກເງິນທີ່ທ່ານຈ່າຍ");
    expect(renderSummary(s, "lo", "neutral")).not.toContain("ທ່ານ");
  });

  it("tells every voice the same figures, and leaves the stored summary, the texts and the hash as written", () => {
    for (const code of templateCodes) {
      const s = snapshot(code);
      const written = renderContract(s, contractTemplates[code].clauses);
      for (const locale of ["lo", "en"] as const) {
        const stored = locale === "lo" ? written.summaryLo : written.summaryEn;
        expect(renderSummary(s, locale)).toBe(stored);
        for (const voice of voices) {
          const spoken = renderSummary(s, locale, voice);
          expect(spoken.split("\n")).toHaveLength(stored.split("\n").length);
          expect(figures(spoken)).toEqual(figures(stored));
        }
      }
      // Rendering in a voice writes nothing back: the document renders the same.
      expect(renderContract(s, contractTemplates[code].clauses)).toEqual(written);
    }
    expect(summaryVoiceFor({ fo: true, trader: false })).toBe("fo");
    expect(summaryVoiceFor({ fo: false, trader: true })).toBe("trader");
    expect(summaryVoiceFor({ fo: false, trader: false })).toBe("neutral");
  });
});
