import { describe, expect, it } from "vitest";
import { isoDayOf } from "~/utils/dates";
import { laoDateField, laoDeadlineField } from "~/utils/fields";
import { formatDate } from "~/utils/format";

describe("days as typed", () => {
  it.each([
    ["2026-12-05", "2026-12-05"],
    ["05/12/2026", "2026-12-05"],
    ["5/12/2026", "2026-12-05"],
    [" 5.12.2026 ", "2026-12-05"],
    ["31-01-2027", "2027-01-31"],
  ])("reads %j as %s", (typed, iso) => {
    expect(isoDayOf(typed)).toBe(iso);
  });

  it.each(["", "12/2026", "2026/12/05", "05/12/26", "5 December 2026", "05/12/2026x"])("refuses %j", (typed) => {
    expect(isoDayOf(typed)).toBeNull();
  });

  it("gives the day in Vientiane whichever way it is typed, and refuses a day that does not exist", () => {
    const iso = laoDateField.parse("2026-12-05");
    expect(laoDateField.parse("05/12/2026")).toEqual(iso);
    expect(formatDate(iso, "lo")).toBe("05/12/2026");
    // A deadline runs to the end of its day.
    expect(formatDate(laoDeadlineField.parse("05/12/2026"), "en")).toBe("05/12/2026");
    expect(laoDeadlineField.parse("05/12/2026").getTime() - iso.getTime()).toBe(24 * 3600_000 - 1);
    expect(laoDateField.safeParse("31/02/2026").error?.issues[0]?.message).toBe("validation:date");
    expect(laoDateField.safeParse("12/31/2026").error?.issues[0]?.message).toBe("validation:date");
  });
});
