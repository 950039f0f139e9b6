// The facilitator console's lists and the administrator's user list read a
// page from one index in the page's order, without sorting what they walk, so
// their cost follows what the page shows, not the history (see
// prisma/migrations/20261202150000_console_admin_indexes). Checked on SQLite's
// query plans, without statistics and after ANALYZE, since the planner's
// choice between an ordered walk and "every row of the districts, sorted"
// rests on them.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { consoleLists, consoleWalks, FIRST_VIEW, LIST_VIEW, type ConsoleList } from "~/domain/reports/console.server";
import { userListStatement } from "~/domain/users/user-list.server";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const sqlite = new Database(file, { fileMustExist: true });
afterAll(() => sqlite.close());

type PlanRow = { id: number; parent: number; detail: string };
const plan = (statement: { sql: string; params: unknown[] }) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanRow[]).map((r) => r.detail);

const districts = ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"];

/** What each walk must read: its index, with the page's order from it. */
const expected: Record<ConsoleList, RegExp> = {
  disputes: /^SEARCH x USING COVERING INDEX Dispute_status_createdAt_id_contractId_idx \(status=\?\)$/,
  witness: /^SEARCH c USING INDEX Contract_status_witnessRequired_createdAt_number_idx \(status=\? AND witnessRequired=\?\)$/,
  unregistered: /^SEARCH c USING INDEX Contract_registeredAt_activatedAt_number_idx \(registeredAt=\? AND activatedAt>\?\)$/,
  overdue: /^SEARCH c USING (COVERING )?INDEX Contract_overdueFrom_number_status_districtId_idx \(overdueFrom<\?\)$/,
  expiring: /^SEARCH l USING INDEX Listing_market_deadline_idx \(offerDeadline>\? AND offerDeadline<\?\)$/,
};

function checkPlans() {
  for (const view of [FIRST_VIEW, LIST_VIEW])
    for (const count of [1, districts.length]) {
      const walks = consoleWalks(districts.slice(0, count), view, new Date());
      for (const list of consoleLists) {
        const lines = plan(walks[list]);
        const reads = lines.filter((l) => /^(SEARCH|SCAN) [a-z] /.test(l) && !/^SEARCH (s|x) USING COVERING INDEX (ContractSignature|Offer)/.test(l));
        // Disputes: one walk per unresolved status, each joined to its contract by id.
        const walksOf = list === "disputes" ? reads.filter((l) => l.startsWith("SEARCH x ")) : reads;
        expect(walksOf.length, `${list}: ${lines.join(" | ")}`).toBeGreaterThan(0);
        for (const l of walksOf) expect(l, `${list}: ${lines.join(" | ")}`).toMatch(expected[list]);
        if (list === "disputes") {
          expect(
            reads.filter((l) => l.startsWith("SEARCH c ")).every((l) => /USING INDEX sqlite_autoindex_Contract_1 \(id=\?\)/.test(l)),
            lines.join(" | "),
          ).toBe(true);
          // Only the merge sorts: each walk's output (at most a page of ids), never the table.
          lines.forEach((l, i) => {
            if (l.startsWith("USE TEMP B-TREE")) expect(lines[i - 1], lines.join(" | ")).toMatch(/^SCAN s\d+$/);
          });
        } else
          expect(
            lines.filter((l) => l.startsWith("USE TEMP B-TREE")),
            `${list}: ${lines.join(" | ")}`,
          ).toEqual([]);
      }
    }
}

function checkUserList() {
  for (const [search, page] of [
    ["", 1],
    ["", 40],
    ["khamla", 1],
    ["020 5551 0031", 2],
  ] as const) {
    const lines = plan(userListStatement(search, page));
    expect(lines, `${search} ${page}`).toEqual(["SCAN u USING INDEX User_createdAt_id_idx"]);
  }
}

describe("the console's and the user list's query plans", () => {
  it("walk their index in the page's order without statistics", () => {
    checkPlans();
    checkUserList();
  });

  it("walk it the same way once the database is analyzed", () => {
    sqlite.exec("ANALYZE");
    try {
      checkPlans();
      checkUserList();
    } finally {
      sqlite.exec("DELETE FROM sqlite_stat1");
      sqlite.exec("ANALYZE sqlite_schema");
    }
  });
});
