-- The facilitator console (~/domain/reports/console.server) and the
-- administrator's user list (~/domain/users/user-list.server): each list is read
-- from an index in the page's order whose columns also hold what the list is
-- filtered on, so a page walks only the rows it shows (and a capped count),
-- never the history. The open listings about to expire use the market's
-- Listing_market_deadline_idx.

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Organisation_status_villageId_idx" ON "Organisation"("status", "villageId");

-- CreateIndex
CREATE INDEX "Contract_status_witnessRequired_createdAt_number_idx" ON "Contract"("status", "witnessRequired", "createdAt", "number");

-- CreateIndex
CREATE INDEX "Contract_overdueFrom_number_status_districtId_idx" ON "Contract"("overdueFrom", "number", "status", "districtId");

-- CreateIndex
CREATE INDEX "Dispute_status_createdAt_id_contractId_idx" ON "Dispute"("status", "createdAt", "id", "contractId");
