// Whether a framework contract's right of first refusal keeps an FO from
// listing a crop for a season (./framework-rules firstRefusalHolds), read
// inside the caller's transaction.
import type { Tx } from "~/utils/db.server";
import { firstRefusalHolds, listingSeason } from "./framework-rules";

/** The framework (its number) whose right of first refusal holds this FO's crop for the season the listing starts in; null when none. */
export async function firstRefusalOn(tx: Tx, listing: { organisationId: string; cropId: string; availableFrom: Date }, now: Date): Promise<string | null> {
  const season = listingSeason(listing.availableFrom);
  const frameworks = await tx.frameworkContract.findMany({
    where: { organisationId: listing.organisationId, status: "active", rightOfFirstRefusal: true, baseContract: { cropId: listing.cropId } },
    include: { callOffs: { where: { season }, select: { season: true, proposedByParty: true, status: true, createdAt: true } } },
  });
  return frameworks.find((f) => firstRefusalHolds(f, f.callOffs, season, now))?.number ?? null;
}
