import { describe, expect, it } from "vitest";
import { parseRefusedRows, REFUSED_ROWS } from "~/domain/deliveries/refused-lots";

const members = new Set(["m1", "m2"]);

describe("the rows of refused lots", () => {
  it("are none when every row is empty", () => {
    expect(parseRefusedRows({}, members)).toEqual({ refused: [], errors: {} });
    expect(parseRefusedRows({ "refused.0.reason": "mould", "refused.0.note": "x" }, members)).toEqual({ refused: [], errors: {} });
  });

  it("read the household, bags, gross kg, reason and note of each filled row; pooled bags name no one", () => {
    const { refused, errors } = parseRefusedRows(
      {
        "refused.0.member": "m2",
        "refused.0.bags": "4",
        "refused.0.grossKg": "1,210",
        "refused.0.reason": "moisture",
        "refused.2.member": "pooled",
        "refused.2.bags": "1",
        "refused.2.grossKg": "48",
        "refused.2.reason": "other",
        "refused.2.note": "  torn bag  ",
      },
      members,
    );
    expect(errors).toEqual({});
    expect(refused).toEqual([
      { row: 0, memberId: "m2", bags: 4, grossKg: 1210, reason: "moisture", note: null },
      { row: 2, memberId: null, bags: 1, grossKg: 48, reason: "other", note: "torn bag" },
    ]);
  });

  it("refuse a row without a reason, with an unknown reason, 'other' without a note, a stranger, or no weight", () => {
    const { refused, errors } = parseRefusedRows(
      {
        "refused.0.bags": "2",
        "refused.0.grossKg": "90",
        "refused.1.bags": "2",
        "refused.1.grossKg": "90",
        "refused.1.reason": "because",
        "refused.2.bags": "2",
        "refused.2.grossKg": "90",
        "refused.2.reason": "other",
      },
      members,
    );
    expect(refused).toEqual([]);
    expect(errors).toEqual({
      "refused.0.reason": "deliveries:errors.refusalReason",
      "refused.1.reason": "deliveries:errors.refusalReason",
      "refused.2.note": "deliveries:errors.refusalNote",
    });
    const stranger = parseRefusedRows({ "refused.0.member": "m9", "refused.0.bags": "1", "refused.0.grossKg": "50", "refused.0.reason": "pests" }, members);
    expect(stranger.errors).toEqual({ "refused.0.member": "deliveries:errors.unknownMember" });
    const noWeight = parseRefusedRows({ "refused.0.bags": "1", "refused.0.reason": "pests" }, members);
    expect(Object.keys(noWeight.errors)).toEqual(["refused.0.grossKg"]);
  });

  it("read no more rows than the sheet has", () => {
    const raw = { [`refused.${REFUSED_ROWS}.bags`]: "1", [`refused.${REFUSED_ROWS}.grossKg`]: "50", [`refused.${REFUSED_ROWS}.reason`]: "grade" };
    expect(parseRefusedRows(raw, members).refused).toEqual([]);
  });
});
