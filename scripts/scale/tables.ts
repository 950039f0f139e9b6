// The one place where the scale generator writes rows: the column list of
// every table it fills, and the writer that turns JavaScript values into what
// Prisma itself stores in SQLite (DateTime as ISO text with "+00:00", Boolean
// as 0/1, Int and BigInt as INTEGER). The schema keeps changing while this
// generator is in use: when a column is added, add it here (schema-check.ts
// says which ones are missing and whether their default is enough).
import type Database from "better-sqlite3";

export const COLUMNS = {
  User: ["id", "name", "email", "phone", "sex", "passwordHash", "locale", "status", "createdAt", "updatedAt"],
  UserRole: ["userId", "role", "createdAt"],
  Session: ["id", "userId", "expiresAt", "createdAt"],
  FacilitatorDistrict: ["userId", "districtId"],
  Village: ["id", "districtId", "nameLo", "nameEn"],
  Organisation: ["id", "nameLo", "nameEn", "type", "villageId", "phone", "status", "statusReason", "verifiedById", "verifiedAt", "createdAt", "updatedAt"],
  OrganisationLeader: ["organisationId", "userId", "position", "createdAt"],
  Member: ["id", "organisationId", "name", "householdHeadSex", "memberSex", "birthYear", "villageId", "phone", "active", "createdAt", "updatedAt"],
  TraderCompany: [
    "id",
    "name",
    "licenceNumber",
    "baseProvinceId",
    "contactPhone",
    "contactEmail",
    "status",
    "statusReason",
    "verifiedById",
    "verifiedAt",
    "createdAt",
    "updatedAt",
  ],
  TraderStaff: ["companyId", "userId", "createdAt"],
  Listing: [
    "id",
    "organisationId",
    "cropId",
    "gradeId",
    "totalKg",
    "householdCount",
    "availableFrom",
    "availableUntil",
    "pickupVillageId",
    "deliveryPoint",
    "districtId",
    "provinceId",
    "askingPriceLakPerKg",
    "offerMode",
    "offerDeadline",
    "status",
    "notes",
    "publishedAt",
    "withdrawnAt",
    "expiryNoticeAt",
    "createdById",
    "createdAt",
    "updatedAt",
    "version",
  ],
  Pledge: ["id", "listingId", "memberId", "kg"],
  Offer: [
    "id",
    "listingId",
    "companyId",
    "createdById",
    "status",
    "currentRevision",
    "currentPriceLakPerKg",
    "acceptedRevisionId",
    "acceptedById",
    "acceptedAt",
    "closedAt",
    "createdAt",
    "updatedAt",
    "version",
  ],
  OfferRevision: [
    "id",
    "offerId",
    "number",
    "byParty",
    "byUserId",
    "priceLakPerKg",
    "quantityKg",
    "gradeId",
    "moistureBasisPermille",
    "deductionTable",
    "deliveryDate",
    "deliveryPlace",
    "transportPaidBy",
    "transportCostLak",
    "bagsPaidBy",
    "bagsCostLak",
    "advanceLak",
    "paymentDays",
    "latePenaltyPermillePerMonth",
    "validUntil",
    "templateCode",
    "floorPriceLakPerKg",
    "inputDescription",
    "inputValueLak",
    "inputInterestPermillePerMonth",
    "message",
    "createdAt",
    "tolerancePermille",
    "gradeAdjustments",
    "foreignMatterBasisPermille",
    "foreignMatterTable",
    "contentBasisPermille",
    "contentStepLakPerKg",
  ],
  ReferencePrice: ["id", "cropId", "districtId", "provinceId", "market", "observedOn", "priceLakPerKg", "source", "enteredById", "createdAt"],
  Notification: ["id", "userId", "kind", "params", "link", "readAt", "createdAt"],
  Contract: [
    "id",
    "number",
    "checkCode",
    "year",
    "sequence",
    "offerId",
    "acceptedRevisionId",
    "listingId",
    "organisationId",
    "companyId",
    "districtId",
    "templateId",
    "amendmentNumber",
    "previousContractId",
    "amendmentReason",
    "sha256",
    "cropId",
    "quantityKg",
    "priceLakPerKg",
    "floorPriceLakPerKg",
    "paymentDays",
    "advanceLak",
    "deliveryDate",
    "valueLak",
    "witnessRequired",
    "status",
    "activatedAt",
    "completedAt",
    "overdueFrom",
    "dueFrom",
    "lateFrom",
    "createdAt",
    "version",
  ],
  ContractDocument: ["contractId", "snapshot", "summaryLo", "summaryEn", "textLo", "textEn"],
  ContractSignature: ["id", "contractId", "party", "userId", "onBehalfOf", "sha256", "signedAt"],
  Delivery: [
    "id",
    "contractId",
    "deliveredOn",
    "grossKg",
    "moisturePermille",
    "gradeCode",
    "foreignMatterPermille",
    "measuredBy",
    "instrument",
    "deductedKg",
    "netKg",
    "priceLakPerKg",
    "referencePriceLakPerKg",
    "amountDueLak",
    "inputDeductionLak",
    "recordedByParty",
    "recordedById",
    "status",
    "answeredById",
    "answeredAt",
    "contestReason",
    "createdAt",
    "version",
  ],
  Payment: [
    "id",
    "contractId",
    "amountLak",
    "paidOn",
    "method",
    "reference",
    "recordedById",
    "status",
    "answeredById",
    "answeredAt",
    "contestReason",
    "createdAt",
    "version",
  ],
  Dispute: [
    "id",
    "contractId",
    "category",
    "raisedByParty",
    "raisedById",
    "statement",
    "answer",
    "answeredAt",
    "status",
    "outcome",
    "resolvedAt",
    "createdAt",
    "version",
  ],
  DisputeEntry: ["id", "disputeId", "authorId", "kind", "note", "createdAt"],
  AuditEvent: ["id", "actorId", "action", "entityType", "entityId", "before", "after", "createdAt"],
} as const;

export type TableName = keyof typeof COLUMNS;
export type Value = string | number | bigint | boolean | Date | null;
/** Every column of the table must be given: a forgotten one is a type error, not a silent NULL. */
export type Row<T extends TableName> = { [K in (typeof COLUMNS)[T][number]]: Value };

/** A DateTime as Prisma stores it in SQLite: "2026-12-02T07:00:53.153+00:00". */
export function dbDate(value: Date | number): string {
  return new Date(value).toISOString().replace("Z", "+00:00");
}

function sqlValue(value: Value): string | number | bigint | null {
  if (value === null) return null;
  if (value instanceof Date) return dbDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export class Writer {
  private readonly statements = new Map<TableName, Database.Statement>();
  readonly written = new Map<TableName, number>();

  constructor(private readonly db: Database.Database) {}

  insert<T extends TableName>(table: T, row: Row<T>): void {
    let statement = this.statements.get(table);
    const columns = COLUMNS[table] as readonly string[];
    if (!statement) {
      const names = columns.map((c) => `"${c}"`).join(", ");
      statement = this.db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
      this.statements.set(table, statement);
    }
    const values = new Array<string | number | bigint | null>(columns.length);
    const record = row as Record<string, Value>;
    for (let i = 0; i < columns.length; i++) values[i] = sqlValue(record[columns[i]!]!);
    statement.run(values);
    this.written.set(table, (this.written.get(table) ?? 0) + 1);
  }

  count(table: TableName): number {
    return this.written.get(table) ?? 0;
  }
}
