// The in-memory picture of the data set the generator builds on: the places,
// crops, templates, people, organisations and companies, linked the way the
// Prisma relations link them. Later steps look up who may act where from it,
// and contract snapshots are read from it (see snapshot-source.ts), so its
// scalar fields carry exactly the column names and value types Prisma returns.
import type { ContractClause } from "~/domain/contracts/clauses";
import type { Band } from "~/domain/offers/moisture-deduction";

export interface ProvinceNode {
  id: string;
  code: string;
  nameLo: string;
  nameEn: string;
}

export interface DistrictNode {
  id: string;
  code: string;
  provinceId: string;
  nameLo: string;
  nameEn: string;
  province: ProvinceNode;
  villages: VillageNode[];
  /** facilitators covering the district (verify, witness, mediate) */
  facilitators: UserNode[];
}

export interface VillageNode {
  id: string;
  districtId: string;
  nameLo: string;
  nameEn: string;
  district: DistrictNode;
}

export interface UserNode {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** "female", "male" or null: the contract names its signatories' sex */
  sex: string | null;
}

export interface GradeNode {
  id: string;
  cropId: string;
  code: string;
  nameLo: string;
  nameEn: string;
  maxMoisturePermille: number | null;
  maxForeignMatterPermille: number | null;
  specLo: string;
  specEn: string;
  sortOrder: number;
}

export interface CropNode {
  id: string;
  code: string;
  nameLo: string;
  nameEn: string;
  standardMoisturePermille: number;
  maxMoisturePermille: number | null;
  /** drc | starch; null: not paid on a content (the history's revisions carry no content term either way) */
  contentMeasure: string | null;
  grades: GradeNode[];
  bands: Band[];
}

export interface TemplateNode {
  id: string;
  code: string;
  version: number;
  nameLo: string;
  nameEn: string;
  priceMechanism: string;
  clauses: ContractClause[];
}

export interface MemberRef {
  id: string;
  /** ms: a member pledges only to listings made after joining */
  createdAt: number;
}

export interface OrgNode {
  id: string;
  nameLo: string;
  nameEn: string;
  type: string;
  village: VillageNode;
  leaders: { user: UserNode; position: string }[];
  status: string;
  /** ms; null while pending */
  verifiedAt: number | null;
  /** ms the FO was suspended; null when it is not */
  suspendedAt: number | null;
  createdAt: number;
  activeMembers: MemberRef[];
  /** crop codes the FO mostly sells */
  crops: string[];
  demo: boolean;
}

export type PayerHabit = "punctual" | "fair" | "late";

export interface CompanyNode {
  id: string;
  name: string;
  licenceNumber: string;
  baseProvince: ProvinceNode;
  staff: { user: UserNode }[];
  status: string;
  verifiedAt: number | null;
  suspendedAt: number | null;
  payer: PayerHabit;
  demo: boolean;
}

export interface ReferenceObservation {
  observedOn: Date;
  priceLakPerKg: number;
  source: string;
}

export interface World {
  now: number;
  provinces: ProvinceNode[];
  districts: DistrictNode[];
  districtById: Map<string, DistrictNode>;
  crops: CropNode[];
  cropById: Map<string, CropNode>;
  cropByCode: Map<string, CropNode>;
  /** the latest published version of each template code */
  templates: Map<string, TemplateNode>;
  passwordHash: string;
  demo: {
    leader: UserNode;
    trader: UserNode;
    facilitator: UserNode;
    admin: UserNode;
    facilitatorXyb: UserNode;
    /** the demo leader's verified FO */
    fo: OrgNode;
    /** the demo trader's company */
    company: CompanyNode;
  };
  /** every user the generator may pick as a facilitator, leader or staff member */
  facilitators: UserNode[];
  organisations: OrgNode[];
  companies: CompanyNode[];
  /** the highest contract sequence already used in each year */
  lastSequence: Map<number, number>;
  /** reference prices by `${cropId}|${districtId}`, oldest first */
  referencePrices: Map<string, ReferenceObservation[]>;
  usedEmails: Set<string>;
  usedPhones: Set<string>;
}
