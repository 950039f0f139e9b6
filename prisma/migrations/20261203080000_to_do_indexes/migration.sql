-- The dashboards' "to do now": a leader's live listings by deadline, passing
-- over the expired ones, and a company's live offers that moved last first.
-- Each replaces the index it extends (its two columns lead).
DROP INDEX "Listing_organisationId_status_idx";
CREATE INDEX "Listing_organisationId_status_offerDeadline_idx" ON "Listing"("organisationId", "status", "offerDeadline");
DROP INDEX "Offer_companyId_status_idx";
CREATE INDEX "Offer_companyId_status_updatedAt_idx" ON "Offer"("companyId", "status", "updatedAt");
