// The checks a finished scale database must pass, run on the file itself:
// SQLite's own foreign-key and integrity checks, and the portal's invariants
// that the generator could get wrong — each listing's total and household
// count equal to its pledges, every accepted offer with its contract on a
// contracted listing, offers carrying their live revision, every contract's
// hash equal to the one the public verify page recomputes from the stored
// texts (the project's contractHash) and signed on that hash.
import type Database from "better-sqlite3";
import { contractHash } from "~/domain/contracts/contract-hash";
import { dbDate } from "./tables";

export interface Verification {
  problems: string[];
  counts: Record<string, number>;
}

export function verifyDatabase(db: Database.Database, options: { quick: boolean; now: Date }): Verification {
  const now = dbDate(options.now);
  const problems: string[] = [];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const expectNone = (what: string, sql: string) => {
    const n = count(`SELECT count(*) AS n FROM (${sql})`);
    if (n > 0) problems.push(`${what}: ${n}`);
  };

  const fk = db.prepare("PRAGMA foreign_key_check").all();
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows, e.g. ${JSON.stringify(fk.slice(0, 3))}`);
  const integrity = (db.prepare(`PRAGMA ${options.quick ? "quick_check" : "integrity_check"}`).all() as Record<string, string>[]).map(
    (r) => Object.values(r)[0],
  );
  if (integrity.length !== 1 || integrity[0] !== "ok")
    problems.push(`${options.quick ? "quick_check" : "integrity_check"}: ${integrity.slice(0, 5).join("; ")}`);

  expectNone(
    "listings whose totalKg or householdCount differ from their pledges",
    `SELECT l.id FROM Listing l LEFT JOIN (SELECT listingId, sum(kg) AS kg, count(*) AS n FROM Pledge GROUP BY listingId) p ON p.listingId = l.id
     WHERE l.totalKg <> coalesce(p.kg, 0) OR l.householdCount <> coalesce(p.n, 0)`,
  );
  expectNone(
    "accepted offers without their contract",
    `SELECT o.id FROM Offer o WHERE o.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM Contract c WHERE c.offerId = o.id AND c.acceptedRevisionId = o.acceptedRevisionId)`,
  );
  expectNone(
    "accepted offers on a listing that is not contracted",
    `SELECT o.id FROM Offer o JOIN Listing l ON l.id = o.listingId WHERE o.status = 'accepted' AND l.status <> 'contracted'`,
  );
  expectNone(
    "contracted listings with no accepted offer",
    `SELECT l.id FROM Listing l WHERE l.status = 'contracted' AND NOT EXISTS (SELECT 1 FROM Offer o WHERE o.listingId = l.id AND o.status = 'accepted')`,
  );
  expectNone(
    "offers whose current revision or price is not their latest revision",
    `SELECT o.id FROM Offer o JOIN OfferRevision r ON r.offerId = o.id AND r.number = o.currentRevision
     WHERE o.currentPriceLakPerKg <> r.priceLakPerKg OR o.currentRevision <> (SELECT max(number) FROM OfferRevision x WHERE x.offerId = o.id)`,
  );
  expectNone(
    "offers accepted on a revision by the FO",
    `SELECT o.id FROM Offer o JOIN OfferRevision r ON r.id = o.acceptedRevisionId WHERE r.byParty <> 'trader'`,
  );
  expectNone("contracts without a document", `SELECT c.id FROM Contract c LEFT JOIN ContractDocument d ON d.contractId = c.id WHERE d.contractId IS NULL`);
  expectNone("contracts without a check code", `SELECT c.id FROM Contract c WHERE c.checkCode IS NULL OR length(c.checkCode) <> 8`);
  expectNone(
    "signatures made on another hash than the contract's",
    `SELECT s.id FROM ContractSignature s JOIN Contract c ON c.id = s.contractId WHERE s.sha256 <> c.sha256`,
  );
  expectNone(
    "contracts in force without every required signature",
    `SELECT c.id FROM Contract c WHERE c.status IN ('active', 'completed', 'disputed', 'superseded')
     AND (SELECT count(*) FROM ContractSignature s WHERE s.contractId = c.id) < (CASE WHEN c.witnessRequired THEN 3 ELSE 2 END)`,
  );
  expectNone(
    "deliveries, payments, answers or signatures dated after --now",
    `SELECT id FROM Delivery WHERE createdAt > '${now}' OR answeredAt > '${now}' UNION ALL SELECT id FROM Payment WHERE createdAt > '${now}' OR answeredAt > '${now}'
     UNION ALL SELECT id FROM ContractSignature WHERE signedAt > '${now}' UNION ALL SELECT id FROM Notification WHERE createdAt > '${now}'`,
  );

  let mismatched = 0;
  let first = "";
  for (const row of db
    .prepare(`SELECT c.number, c.sha256, d.textLo, d.textEn FROM Contract c JOIN ContractDocument d ON d.contractId = c.id`)
    .iterate() as Iterable<{
    number: string;
    sha256: string;
    textLo: string;
    textEn: string;
  }>) {
    if (contractHash(row.textLo, row.textEn) !== row.sha256) {
      mismatched++;
      first ||= row.number;
    }
  }
  if (mismatched) problems.push(`contracts whose stored hash is not the hash of their texts: ${mismatched} (first ${first})`);

  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const counts = Object.fromEntries(tables.map((t) => [t, count(`SELECT count(*) AS n FROM "${t}"`)]));
  return { problems, counts };
}
