// Reads what the copied demo database already holds and the generator builds
// on: places, crops with grades and deduction tables, the published contract
// templates, the demo accounts with the demo leader's FO and the demo trader's
// company, facilitators and their districts, contract numbers used so far and
// the reference prices. Fails with a clear message when the demo seed is missing.
import type Database from "better-sqlite3";
import { ClauseSchema } from "~/domain/contracts/generate.server";
import type { CompanyNode, CropNode, DistrictNode, GradeNode, OrgNode, ProvinceNode, TemplateNode, UserNode, VillageNode, World } from "./model";

const DEMO_EMAILS = {
  leader: "leader@demo.la",
  trader: "trader@demo.la",
  facilitator: "facilitator@demo.la",
  admin: "admin@demo.la",
  facilitatorXyb: "facilitator.xyb@demo.la",
} as const;

const ms = (text: string | null) => (text === null ? null : Date.parse(text));

export function loadWorld(db: Database.Database, now: Date): World {
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  const provinces = all<ProvinceNode>(`SELECT id, code, nameLo, nameEn FROM Province ORDER BY code`);
  const provinceById = new Map(provinces.map((p) => [p.id, p]));
  const districts: DistrictNode[] = all<Omit<DistrictNode, "province" | "villages" | "facilitators">>(
    `SELECT id, code, provinceId, nameLo, nameEn FROM District ORDER BY code`,
  ).map((d) => ({ ...d, province: provinceById.get(d.provinceId)!, villages: [], facilitators: [] }));
  const districtById = new Map(districts.map((d) => [d.id, d]));
  for (const v of all<Omit<VillageNode, "district">>(`SELECT id, districtId, nameLo, nameEn FROM Village ORDER BY rowid`)) {
    const district = districtById.get(v.districtId);
    if (district) district.villages.push({ ...v, district });
  }
  if (districts.length === 0) throw new Error("The source database has no districts: it is not a seeded demo database (run npm run db:seed).");

  const crops: CropNode[] = all<Omit<CropNode, "grades" | "bands">>(
    `SELECT id, code, nameLo, nameEn, standardMoisturePermille, maxMoisturePermille, contentMeasure FROM Crop WHERE active = 1 ORDER BY sortOrder, code`,
  ).map((c) => ({ ...c, grades: [], bands: [] }));
  const cropById = new Map(crops.map((c) => [c.id, c]));
  for (const g of all<GradeNode>(`SELECT * FROM CropGrade ORDER BY sortOrder, code`)) cropById.get(g.cropId)?.grades.push(g);
  for (const b of all<{ cropId: string; fromPermille: number; toPermille: number; kgPerTonnePerPoint: number }>(
    `SELECT cropId, fromPermille, toPermille, kgPerTonnePerPoint FROM DeductionBand ORDER BY fromPermille`,
  ))
    cropById.get(b.cropId)?.bands.push({ fromPermille: b.fromPermille, toPermille: b.toPermille, kgPerTonnePerPoint: b.kgPerTonnePerPoint });

  // As generateContract does: the latest published version of each code.
  const templates = new Map<string, TemplateNode>();
  for (const t of all<{ id: string; code: string; version: number; nameLo: string; nameEn: string; priceMechanism: string; clauses: string }>(
    `SELECT id, code, version, nameLo, nameEn, priceMechanism, clauses FROM ContractTemplate WHERE status = 'published' ORDER BY code, version`,
  ))
    templates.set(t.code, { ...t, clauses: ClauseSchema.parse(JSON.parse(t.clauses)) });
  if (!templates.has("spot_fixed")) throw new Error("The source database has no published spot_fixed contract template (run npm run db:seed).");

  const userByEmail = (email: string): UserNode & { passwordHash: string } => {
    const u = db.prepare(`SELECT id, name, email, phone, sex, passwordHash FROM User WHERE email = ?`).get(email) as
      (UserNode & { passwordHash: string }) | undefined;
    if (!u) throw new Error(`The demo account ${email} is missing from the source database: start from a seeded demo database.`);
    return u;
  };
  const leader = userByEmail(DEMO_EMAILS.leader);
  const trader = userByEmail(DEMO_EMAILS.trader);
  const facilitator = userByEmail(DEMO_EMAILS.facilitator);
  const admin = userByEmail(DEMO_EMAILS.admin);
  const facilitatorXyb = userByEmail(DEMO_EMAILS.facilitatorXyb);
  const user = (u: UserNode & { passwordHash?: string }): UserNode => ({ id: u.id, name: u.name, email: u.email, phone: u.phone, sex: u.sex });

  const facilitators: UserNode[] = [];
  const seen = new Map<string, UserNode>();
  for (const row of all<{ userId: string; districtId: string; name: string; email: string | null; phone: string | null; sex: string | null }>(
    `SELECT fd.userId, fd.districtId, u.name, u.email, u.phone, u.sex FROM FacilitatorDistrict fd JOIN User u ON u.id = fd.userId WHERE u.status = 'active' ORDER BY u.createdAt, u.id`,
  )) {
    let node = seen.get(row.userId);
    if (!node) {
      node = { id: row.userId, name: row.name, email: row.email, phone: row.phone, sex: row.sex };
      seen.set(row.userId, node);
      facilitators.push(node);
    }
    districtById.get(row.districtId)?.facilitators.push(node);
  }

  const villageById = new Map(districts.flatMap((d) => d.villages.map((v) => [v.id, v] as const)));
  const foRow = db
    .prepare(
      `SELECT o.* FROM Organisation o JOIN OrganisationLeader ol ON ol.organisationId = o.id
       WHERE ol.userId = ? AND o.status = 'verified' ORDER BY o.createdAt, o.id LIMIT 1`,
    )
    .get(leader.id) as
    { id: string; nameLo: string; nameEn: string; type: string; villageId: string; status: string; verifiedAt: string | null; createdAt: string } | undefined;
  if (!foRow) throw new Error(`${DEMO_EMAILS.leader} leads no verified FO in the source database.`);
  const fo: OrgNode = {
    id: foRow.id,
    nameLo: foRow.nameLo,
    nameEn: foRow.nameEn,
    type: foRow.type,
    village: villageById.get(foRow.villageId)!,
    leaders: all<{ id: string; name: string; email: string | null; phone: string | null; sex: string | null; position: string }>(
      `SELECT u.id, u.name, u.email, u.phone, u.sex, ol.position FROM OrganisationLeader ol JOIN User u ON u.id = ol.userId WHERE ol.organisationId = ? ORDER BY ol.createdAt, u.id`,
      foRow.id,
    ).map((r) => ({ user: user(r), position: r.position })),
    status: foRow.status,
    verifiedAt: ms(foRow.verifiedAt),
    suspendedAt: null,
    createdAt: Date.parse(foRow.createdAt),
    activeMembers: all<{ id: string; createdAt: string }>(
      `SELECT id, createdAt FROM Member WHERE organisationId = ? AND active = 1 ORDER BY name, id`,
      foRow.id,
    ).map((m) => ({
      id: m.id,
      createdAt: Date.parse(m.createdAt),
    })),
    crops: ["MAIZE", "JOBS_TEARS", "SOYBEAN", "SESAME"],
    demo: true,
  };

  const companyRow = db
    .prepare(`SELECT c.* FROM TraderCompany c JOIN TraderStaff ts ON ts.companyId = c.id WHERE ts.userId = ? ORDER BY c.createdAt, c.id LIMIT 1`)
    .get(trader.id) as { id: string; name: string; licenceNumber: string; baseProvinceId: string; status: string; verifiedAt: string | null } | undefined;
  if (!companyRow) throw new Error(`${DEMO_EMAILS.trader} works for no company in the source database.`);
  const company: CompanyNode = {
    id: companyRow.id,
    name: companyRow.name,
    licenceNumber: companyRow.licenceNumber,
    baseProvince: provinceById.get(companyRow.baseProvinceId)!,
    staff: all<UserNode>(
      `SELECT u.id, u.name, u.email, u.phone, u.sex FROM TraderStaff ts JOIN User u ON u.id = ts.userId WHERE ts.companyId = ? ORDER BY ts.createdAt, u.id`,
      companyRow.id,
    ).map((u) => ({ user: u })),
    status: companyRow.status,
    verifiedAt: ms(companyRow.verifiedAt),
    suspendedAt: null,
    // The demo history makes Namko the programme's worst payer; keep it so.
    payer: "late",
    demo: true,
  };

  const lastSequence = new Map<number, number>();
  for (const r of all<{ year: number; last: number }>(`SELECT year, max(sequence) AS last FROM Contract GROUP BY year`)) lastSequence.set(r.year, r.last);

  const referencePrices: World["referencePrices"] = new Map();
  for (const r of all<{ cropId: string; districtId: string | null; observedOn: string; priceLakPerKg: number; source: string }>(
    `SELECT cropId, districtId, observedOn, priceLakPerKg, source FROM ReferencePrice WHERE districtId IS NOT NULL ORDER BY observedOn`,
  )) {
    const key = `${r.cropId}|${r.districtId}`;
    let list = referencePrices.get(key);
    if (!list) referencePrices.set(key, (list = []));
    list.push({ observedOn: new Date(r.observedOn), priceLakPerKg: r.priceLakPerKg, source: r.source });
  }

  const usedEmails = new Set(all<{ e: string }>(`SELECT email AS e FROM User WHERE email IS NOT NULL`).map((r) => r.e));
  const usedPhones = new Set(all<{ p: string }>(`SELECT phone AS p FROM User WHERE phone IS NOT NULL`).map((r) => r.p));

  return {
    now: now.getTime(),
    provinces,
    districts,
    districtById,
    crops,
    cropById,
    cropByCode: new Map(crops.map((c) => [c.code, c])),
    templates,
    passwordHash: leader.passwordHash,
    demo: { leader: user(leader), trader: user(trader), facilitator: user(facilitator), admin: user(admin), facilitatorXyb: user(facilitatorXyb), fo, company },
    facilitators,
    organisations: [],
    companies: [],
    lastSequence,
    referencePrices,
    usedEmails,
    usedPhones,
  };
}
