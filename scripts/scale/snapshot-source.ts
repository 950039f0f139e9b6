// Contract snapshots are made by the project's own snapshotOfAcceptedOffer
// (~/domain/contracts/generate.server), so a generated contract freezes exactly
// what the portal would freeze. That function reads the offer and its accepted
// revision through a Prisma transaction; here it reads them from the in-memory
// picture instead, through a stand-in that answers the same two queries and
// applies their `select` / `include` to the linked nodes the way Prisma does.
// A field the function asks for that the picture does not hold is an error
// naming the field, so a change to the snapshot shows up at once.
import { snapshotOfAcceptedOffer } from "~/domain/contracts/generate.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import type { Tx } from "~/utils/db.server";
import type { CompanyNode, CropNode, GradeNode, OrgNode, TemplateNode } from "./model";
import type { Row } from "./tables";

type Node = Record<string, unknown>;
type Shape = { select?: Record<string, unknown>; include?: Record<string, unknown> };

const isRelation = (v: unknown) => Array.isArray(v) || (v !== null && typeof v === "object" && !(v instanceof Date));

function project(node: unknown, shape: Shape, path: string): unknown {
  if (Array.isArray(node)) return node.map((n, i) => project(n, shape, `${path}[${i}]`));
  if (node === null || node === undefined) return node;
  const source = node as Node;
  const out: Node = {};
  const relation = (key: string, spec: unknown) => {
    if (!(key in source))
      throw new Error(`scale: the contract snapshot reads ${path}.${key}, which the generator does not hold (add it in snapshot-source.ts)`);
    const value = source[key];
    out[key] = spec === true ? (isRelation(value) ? project(value, {}, `${path}.${key}`) : value) : project(value, spec as Shape, `${path}.${key}`);
  };
  if (shape.select) {
    for (const [key, spec] of Object.entries(shape.select)) if (spec) relation(key, spec);
    return out;
  }
  // No select: every scalar column, plus the included relations.
  for (const [key, value] of Object.entries(source)) if (!isRelation(value)) out[key] = value;
  for (const [key, spec] of Object.entries(shape.include ?? {})) if (spec) relation(key, spec);
  return out;
}

export interface SnapshotInput {
  offerId: string;
  company: CompanyNode;
  organisation: OrgNode;
  crop: CropNode;
  revision: Row<"OfferRevision">;
  grade: GradeNode;
  template: TemplateNode;
  number: string;
  /** when the offer was accepted: the contract's date */
  at: Date;
}

/** The snapshot the portal would have written when the FO accepted this offer. */
export async function snapshotFor(input: SnapshotInput): Promise<ContractSnapshot> {
  const offerNode = {
    id: input.offerId,
    company: input.company,
    // The generator keeps no member names or villages beside its pledges, so its
    // contracts carry an empty members annex; the pages read the annex only in the
    // contract's own text, which costs the same whatever it lists.
    listing: { crop: input.crop, organisation: input.organisation, pledges: [] },
  };
  const revisionNode = { ...input.revision, grade: input.grade };
  const tx = {
    offer: {
      findUniqueOrThrow: async (args: { where: { id: string } } & Shape) => {
        if (args.where.id !== input.offerId) throw new Error(`scale: unexpected offer ${args.where.id}`);
        return project(offerNode, args, "offer");
      },
    },
    offerRevision: {
      findUniqueOrThrow: async (args: { where: { id: string } } & Shape) => {
        if (args.where.id !== input.revision.id) throw new Error(`scale: unexpected revision ${args.where.id}`);
        return project(revisionNode, args, "offerRevision");
      },
    },
  };
  return snapshotOfAcceptedOffer(tx as unknown as Tx, {
    offerId: input.offerId,
    revisionId: input.revision.id as string,
    number: input.number,
    now: input.at,
    template: input.template,
  });
}
