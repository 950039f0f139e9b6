-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT,
    "sex" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT 'unknown',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "statusReason" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationLeader" (
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT 'leader',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationLeader_pkey" PRIMARY KEY ("organisationId","userId")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "householdHeadSex" TEXT NOT NULL,
    "memberSex" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "villageId" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderCompany" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "licenceNumber" TEXT NOT NULL,
    "baseProvinceId" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "statusReason" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraderCompany_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderStaff" (
    "companyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraderStaff_pkey" PRIMARY KEY ("companyId","userId")
);

-- CreateTable
CREATE TABLE "FacilitatorDistrict" (
    "userId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,

    CONSTRAINT "FacilitatorDistrict_pkey" PRIMARY KEY ("userId","districtId")
);

-- CreateTable
CREATE TABLE "Crop" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'kg',
    "standardMoisturePermille" INTEGER NOT NULL,
    "maxMoisturePermille" INTEGER,
    "foreignMatterBasisPermille" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Crop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CropGrade" (
    "id" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "maxMoisturePermille" INTEGER,
    "maxForeignMatterPermille" INTEGER,
    "specLo" TEXT NOT NULL,
    "specEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "premiumLakPerKg" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CropGrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeductionBand" (
    "id" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "fromPermille" INTEGER NOT NULL,
    "toPermille" INTEGER NOT NULL,
    "kgPerTonnePerPoint" INTEGER NOT NULL,

    CONSTRAINT "DeductionBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForeignMatterBand" (
    "id" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "fromPermille" INTEGER NOT NULL,
    "toPermille" INTEGER NOT NULL,
    "kgPerTonnePerPoint" INTEGER NOT NULL,

    CONSTRAINT "ForeignMatterBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    "totalKg" INTEGER NOT NULL DEFAULT 0,
    "householdCount" INTEGER NOT NULL DEFAULT 0,
    "availableFrom" TIMESTAMP(3) NOT NULL,
    "availableUntil" TIMESTAMP(3) NOT NULL,
    "pickupVillageId" TEXT,
    "deliveryPoint" TEXT,
    "districtId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "askingPriceLakPerKg" INTEGER,
    "expectedMoisturePermille" INTEGER,
    "offerMode" TEXT NOT NULL,
    "offerDeadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "notes" TEXT,
    "publishedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "expiryNoticeAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Listing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kg" INTEGER NOT NULL,
    "areaM2" INTEGER,
    "siteVillageId" TEXT,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "currentPriceLakPerKg" INTEGER NOT NULL,
    "acceptedRevisionId" TEXT,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferRevision" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "byParty" TEXT NOT NULL,
    "byUserId" TEXT NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "gradeId" TEXT NOT NULL,
    "moistureBasisPermille" INTEGER NOT NULL,
    "deductionTable" TEXT NOT NULL,
    "deliveryDate" TIMESTAMP(3) NOT NULL,
    "deliveryPlace" TEXT NOT NULL,
    "transportPaidBy" TEXT NOT NULL,
    "transportCostLak" BIGINT NOT NULL DEFAULT 0,
    "bagsPaidBy" TEXT NOT NULL,
    "bagsCostLak" BIGINT NOT NULL DEFAULT 0,
    "advanceLak" BIGINT NOT NULL DEFAULT 0,
    "paymentDays" INTEGER NOT NULL,
    "latePenaltyPermillePerMonth" INTEGER NOT NULL DEFAULT 0,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "templateCode" TEXT NOT NULL DEFAULT 'spot_fixed',
    "floorPriceLakPerKg" INTEGER,
    "inputDescription" TEXT,
    "inputValueLak" BIGINT,
    "inputInterestPermillePerMonth" INTEGER,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tolerancePermille" INTEGER NOT NULL DEFAULT 50,
    "gradeAdjustments" TEXT,
    "foreignMatterBasisPermille" INTEGER,
    "foreignMatterTable" TEXT,
    "exportMarket" TEXT,
    "exportCurrency" TEXT,
    "exportRateSourceKind" TEXT,
    "exportMarginLakPerKg" INTEGER,

    CONSTRAINT "OfferRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferencePrice" (
    "id" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "districtId" TEXT,
    "provinceId" TEXT,
    "market" TEXT,
    "observedOn" TIMESTAMP(3) NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferencePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractRegistration" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "registeredOn" TIMESTAMP(3) NOT NULL,
    "office" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportReferencePrice" (
    "id" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "priceHundredthsPerKg" INTEGER NOT NULL,
    "moistureBasisPermille" INTEGER,
    "sourceName" TEXT NOT NULL,
    "observedOn" TIMESTAMP(3) NOT NULL,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "marginLakPerKg" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExportReferencePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lakPerHundred" INTEGER NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "observedOn" TIMESTAMP(3) NOT NULL,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "memberId" TEXT,
    "dedupeKey" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "providerMessageId" TEXT,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberSmsConsent" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL,
    "givenHow" TEXT NOT NULL,
    "recordedById" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnHow" TEXT,
    "withdrawnById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberSmsConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractTemplate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "priceMechanism" TEXT NOT NULL,
    "requiredTerms" TEXT NOT NULL,
    "clauses" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "legalBasisLo" TEXT,
    "legalBasisEn" TEXT,

    CONSTRAINT "ContractTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "checkCode" TEXT,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "offerId" TEXT NOT NULL,
    "acceptedRevisionId" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "amendmentNumber" INTEGER NOT NULL DEFAULT 1,
    "previousContractId" TEXT,
    "amendmentReason" TEXT,
    "sha256" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "floorPriceLakPerKg" INTEGER,
    "paymentDays" INTEGER NOT NULL,
    "advanceLak" BIGINT NOT NULL DEFAULT 0,
    "deliveryDate" TIMESTAMP(3) NOT NULL,
    "valueLak" BIGINT NOT NULL,
    "witnessRequired" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'awaiting_signatures',
    "activatedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "shortHouseholds" INTEGER NOT NULL DEFAULT 0,
    "shortHouseholdKg" INTEGER NOT NULL DEFAULT 0,
    "lotHouseholds" INTEGER NOT NULL DEFAULT 0,
    "overdueFrom" TIMESTAMP(3),
    "dueFrom" TIMESTAMP(3),
    "lateFrom" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "registeredAt" TIMESTAMP(3),
    "frameworkId" TEXT,
    "season" INTEGER,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractDocument" (
    "contractId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "summaryLo" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "textLo" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "ContractDocument_pkey" PRIMARY KEY ("contractId")
);

-- CreateTable
CREATE TABLE "ContractSignature" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "onBehalfOf" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "deliveredOn" TIMESTAMP(3) NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "moisturePermille" INTEGER NOT NULL,
    "gradeCode" TEXT,
    "foreignMatterPermille" INTEGER,
    "measuredBy" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "deductedKg" INTEGER NOT NULL,
    "netKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "referencePriceLakPerKg" INTEGER,
    "amountDueLak" BIGINT NOT NULL,
    "inputDeductionLak" BIGINT NOT NULL DEFAULT 0,
    "recordedByParty" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "contestReason" TEXT,
    "formToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lotCount" INTEGER NOT NULL DEFAULT 0,
    "tareKg" INTEGER NOT NULL DEFAULT 0,
    "foreignMatterDeductedKg" INTEGER NOT NULL DEFAULT 0,
    "exportPriceHundredthsPerKg" INTEGER,
    "exportObservedOn" TIMESTAMP(3),
    "exportSourceName" TEXT,
    "exchangeLakPerHundred" INTEGER,
    "exchangeObservedOn" TIMESTAMP(3),
    "exchangeSourceName" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "amountLak" BIGINT NOT NULL,
    "paidOn" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT,
    "recordedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "contestReason" TEXT,
    "overpayment" BOOLEAN NOT NULL DEFAULT false,
    "formToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "raisedByParty" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeEntry" (
    "id" TEXT NOT NULL,
    "disputeId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisputeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceTally" (
    "cropId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "PriceTally_pkey" PRIMARY KEY ("cropId","month","kind","place","priceLakPerKg")
);

-- CreateTable
CREATE TABLE "SummaryState" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "SummaryState_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ReportMonthly" (
    "month" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL DEFAULT 0,
    "contractedKg" BIGINT NOT NULL DEFAULT 0,
    "contractedLak" BIGINT NOT NULL DEFAULT 0,
    "deliveries" INTEGER NOT NULL DEFAULT 0,
    "deliveredKg" BIGINT NOT NULL DEFAULT 0,
    "deliveredLak" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ReportMonthly_pkey" PRIMARY KEY ("month","districtId","cropId")
);

-- CreateTable
CREATE TABLE "AgreedPrice" (
    "offerId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "priceLakPerKg" INTEGER NOT NULL,

    CONSTRAINT "AgreedPrice_pkey" PRIMARY KEY ("offerId")
);

-- CreateTable
CREATE TABLE "ReportReach" (
    "kind" TEXT NOT NULL,
    "reachedId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL,
    "prevDay" TEXT,
    "memberSex" TEXT,
    "householdHeadSex" TEXT,
    "birthYear" INTEGER,

    CONSTRAINT "ReportReach_pkey" PRIMARY KEY ("kind","reachedId","districtId","day")
);

-- CreateTable
CREATE TABLE "ReportReachShared" (
    "kind" TEXT NOT NULL,
    "reachedId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "memberSex" TEXT,
    "householdHeadSex" TEXT,
    "birthYear" INTEGER,

    CONSTRAINT "ReportReachShared_pkey" PRIMARY KEY ("kind","reachedId","districtId","day")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "DeliveryLot" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT,
    "bags" INTEGER NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "bagTareGrams" INTEGER NOT NULL,
    "moisturePermille" INTEGER NOT NULL,
    "foreignMatterPermille" INTEGER,
    "gradeCode" TEXT NOT NULL,
    "tareKg" INTEGER NOT NULL,
    "moistureDeductedKg" INTEGER NOT NULL,
    "foreignMatterDeductedKg" INTEGER NOT NULL,
    "netKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "amountLak" BIGINT NOT NULL,

    CONSTRAINT "DeliveryLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefusedLot" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT,
    "bags" INTEGER NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "RefusedLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InputHandover" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "valueLak" BIGINT NOT NULL,
    "handedOn" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "formToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),
    "voidedById" TEXT,
    "voidReason" TEXT,
    "correctsId" TEXT,

    CONSTRAINT "InputHandover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InputCashRepayment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "amountLak" BIGINT NOT NULL,
    "interestLak" BIGINT NOT NULL,
    "paidOn" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "formToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InputCashRepayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InputRepayment" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "memberId" TEXT,
    "amountLak" BIGINT NOT NULL,
    "interestLak" BIGINT NOT NULL,

    CONSTRAINT "InputRepayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkContract" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "baseContractId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "firstSeason" INTEGER NOT NULL,
    "seasons" INTEGER NOT NULL,
    "renewal" TEXT NOT NULL,
    "noticeDays" INTEGER NOT NULL,
    "rightOfFirstRefusal" BOOLEAN NOT NULL,
    "textLo" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "proposedByParty" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FrameworkContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkCallOff" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "season" INTEGER NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "deliveryDate" TIMESTAMP(3) NOT NULL,
    "proposedByParty" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "contractId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameworkCallOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE INDEX "User_createdAt_id_idx" ON "User"("createdAt", "id");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE INDEX "PasswordReset_createdById_idx" ON "PasswordReset"("createdById");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "SignInFailure_identifier_createdAt_idx" ON "SignInFailure"("identifier", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_identifier_address_createdAt_idx" ON "SignInFailure"("identifier", "address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_address_createdAt_idx" ON "SignInFailure"("address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_createdAt_idx" ON "SignInFailure"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE INDEX "District_provinceId_idx" ON "District"("provinceId");

-- CreateIndex
CREATE INDEX "Village_districtId_idx" ON "Village"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Village_districtId_nameEn_key" ON "Village"("districtId", "nameEn");

-- CreateIndex
CREATE INDEX "Organisation_status_idx" ON "Organisation"("status");

-- CreateIndex
CREATE INDEX "Organisation_villageId_idx" ON "Organisation"("villageId");

-- CreateIndex
CREATE INDEX "Organisation_status_villageId_idx" ON "Organisation"("status", "villageId");

-- CreateIndex
CREATE INDEX "OrganisationLeader_userId_idx" ON "OrganisationLeader"("userId");

-- CreateIndex
CREATE INDEX "Member_organisationId_active_idx" ON "Member"("organisationId", "active");

-- CreateIndex
CREATE INDEX "TraderCompany_status_idx" ON "TraderCompany"("status");

-- CreateIndex
CREATE INDEX "TraderCompany_baseProvinceId_idx" ON "TraderCompany"("baseProvinceId");

-- CreateIndex
CREATE INDEX "TraderStaff_userId_idx" ON "TraderStaff"("userId");

-- CreateIndex
CREATE INDEX "FacilitatorDistrict_districtId_idx" ON "FacilitatorDistrict"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Crop_code_key" ON "Crop"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CropGrade_cropId_code_key" ON "CropGrade"("cropId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "DeductionBand_cropId_fromPermille_key" ON "DeductionBand"("cropId", "fromPermille");

-- CreateIndex
CREATE UNIQUE INDEX "ForeignMatterBand_cropId_fromPermille_key" ON "ForeignMatterBand"("cropId", "fromPermille");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Listing_market_deadline_idx" ON "Listing"("offerDeadline", "id", "status", "totalKg", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_crop_idx" ON "Listing"("cropId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "provinceId", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_district_idx" ON "Listing"("districtId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_province_idx" ON "Listing"("provinceId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_crop_district_idx" ON "Listing"("cropId", "districtId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_quantity_idx" ON "Listing"("totalKg" DESC, "id", "status", "offerDeadline", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_newest_idx" ON "Listing"("publishedAt" DESC, "id", "status", "offerDeadline", "totalKg", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_organisationId_status_offerDeadline_idx" ON "Listing"("organisationId", "status", "offerDeadline");

-- CreateIndex
CREATE INDEX "Pledge_memberId_idx" ON "Pledge"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_listingId_memberId_key" ON "Pledge"("listingId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_acceptedRevisionId_key" ON "Offer"("acceptedRevisionId");

-- CreateIndex
CREATE INDEX "Offer_listingId_status_idx" ON "Offer"("listingId", "status");

-- CreateIndex
CREATE INDEX "Offer_companyId_status_updatedAt_idx" ON "Offer"("companyId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Offer_status_acceptedAt_idx" ON "Offer"("status", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_listingId_companyId_key" ON "Offer"("listingId", "companyId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferRevision_offerId_number_key" ON "OfferRevision"("offerId", "number");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_districtId_observedOn_idx" ON "ReferencePrice"("cropId", "districtId", "observedOn");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_provinceId_observedOn_idx" ON "ReferencePrice"("cropId", "provinceId", "observedOn");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_observedOn_idx" ON "ReferencePrice"("cropId", "observedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRegistration_contractId_key" ON "ContractRegistration"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRegistration_districtId_number_key" ON "ContractRegistration"("districtId", "number");

-- CreateIndex
CREATE INDEX "ExportReferencePrice_cropId_observedOn_idx" ON "ExportReferencePrice"("cropId", "observedOn");

-- CreateIndex
CREATE INDEX "ExportReferencePrice_createdAt_idx" ON "ExportReferencePrice"("createdAt");

-- CreateIndex
CREATE INDEX "ExchangeRate_currency_sourceKind_observedOn_idx" ON "ExchangeRate"("currency", "sourceKind", "observedOn");

-- CreateIndex
CREATE INDEX "ExchangeRate_createdAt_idx" ON "ExchangeRate"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_providerMessageId_idx" ON "OutboxMessage"("providerMessageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_memberId_createdAt_idx" ON "OutboxMessage"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "MemberSmsConsent_memberId_createdAt_idx" ON "MemberSmsConsent"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "MemberSmsConsent_phone_idx" ON "MemberSmsConsent"("phone");

-- CreateIndex
CREATE INDEX "ContractTemplate_code_status_idx" ON "ContractTemplate"("code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplate_code_version_key" ON "ContractTemplate"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_previousContractId_key" ON "Contract"("previousContractId");

-- CreateIndex
CREATE INDEX "Contract_organisationId_status_idx" ON "Contract"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Contract_companyId_status_idx" ON "Contract"("companyId", "status");

-- CreateIndex
CREATE INDEX "Contract_districtId_status_idx" ON "Contract"("districtId", "status");

-- CreateIndex
CREATE INDEX "Contract_offerId_idx" ON "Contract"("offerId");

-- CreateIndex
CREATE INDEX "Contract_status_activatedAt_idx" ON "Contract"("status", "activatedAt");

-- CreateIndex
CREATE INDEX "Contract_cropId_activatedAt_idx" ON "Contract"("cropId", "activatedAt");

-- CreateIndex
CREATE INDEX "Contract_companyId_createdAt_idx" ON "Contract"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_organisationId_createdAt_idx" ON "Contract"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_overdueFrom_idx" ON "Contract"("overdueFrom");

-- CreateIndex
CREATE INDEX "Contract_createdAt_idx" ON "Contract"("createdAt");

-- CreateIndex
CREATE INDEX "Contract_registeredAt_activatedAt_number_idx" ON "Contract"("registeredAt", "activatedAt", "number");

-- CreateIndex
CREATE INDEX "Contract_listingId_idx" ON "Contract"("listingId");

-- CreateIndex
CREATE INDEX "Contract_report_idx" ON "Contract"("districtId", "status", "activatedAt", "dueFrom", "lateFrom");

-- CreateIndex
CREATE INDEX "Contract_status_witnessRequired_createdAt_number_idx" ON "Contract"("status", "witnessRequired", "createdAt", "number");

-- CreateIndex
CREATE INDEX "Contract_overdueFrom_number_status_districtId_idx" ON "Contract"("overdueFrom", "number", "status", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_year_sequence_key" ON "Contract"("year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_frameworkId_season_key" ON "Contract"("frameworkId", "season");

-- CreateIndex
CREATE UNIQUE INDEX "ContractSignature_contractId_party_key" ON "ContractSignature"("contractId", "party");

-- CreateIndex
CREATE INDEX "Delivery_contractId_idx" ON "Delivery"("contractId");

-- CreateIndex
CREATE INDEX "Delivery_deliveredOn_idx" ON "Delivery"("deliveredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_contractId_formToken_key" ON "Delivery"("contractId", "formToken");

-- CreateIndex
CREATE INDEX "Payment_contractId_idx" ON "Payment"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_contractId_formToken_key" ON "Payment"("contractId", "formToken");

-- CreateIndex
CREATE INDEX "Dispute_contractId_status_idx" ON "Dispute"("contractId", "status");

-- CreateIndex
CREATE INDEX "Dispute_status_createdAt_id_contractId_idx" ON "Dispute"("status", "createdAt", "id", "contractId");

-- CreateIndex
CREATE INDEX "DisputeEntry_disputeId_idx" ON "DisputeEntry"("disputeId");

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_districtId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "districtId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_provinceId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "provinceId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "ReportReach_scan_idx" ON "ReportReach"("kind", "districtId", "day", "prevDay", "memberSex", "householdHeadSex", "birthYear");

-- CreateIndex
CREATE INDEX "ReportReachShared_day_idx" ON "ReportReachShared"("day", "districtId", "kind", "reachedId", "memberSex", "householdHeadSex", "birthYear");

-- CreateIndex
CREATE INDEX "DeliveryLot_memberId_idx" ON "DeliveryLot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryLot_deliveryId_position_key" ON "DeliveryLot"("deliveryId", "position");

-- CreateIndex
CREATE INDEX "RefusedLot_memberId_idx" ON "RefusedLot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "RefusedLot_deliveryId_position_key" ON "RefusedLot"("deliveryId", "position");

-- CreateIndex
CREATE INDEX "InputHandover_contractId_memberId_idx" ON "InputHandover"("contractId", "memberId");

-- CreateIndex
CREATE INDEX "InputHandover_memberId_idx" ON "InputHandover"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "InputHandover_contractId_formToken_key" ON "InputHandover"("contractId", "formToken");

-- CreateIndex
CREATE INDEX "InputCashRepayment_contractId_memberId_idx" ON "InputCashRepayment"("contractId", "memberId");

-- CreateIndex
CREATE INDEX "InputCashRepayment_memberId_idx" ON "InputCashRepayment"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "InputCashRepayment_contractId_formToken_key" ON "InputCashRepayment"("contractId", "formToken");

-- CreateIndex
CREATE INDEX "InputRepayment_deliveryId_idx" ON "InputRepayment"("deliveryId");

-- CreateIndex
CREATE INDEX "InputRepayment_memberId_idx" ON "InputRepayment"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkContract_number_key" ON "FrameworkContract"("number");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkContract_baseContractId_key" ON "FrameworkContract"("baseContractId");

-- CreateIndex
CREATE INDEX "FrameworkContract_organisationId_status_idx" ON "FrameworkContract"("organisationId", "status");

-- CreateIndex
CREATE INDEX "FrameworkContract_companyId_status_idx" ON "FrameworkContract"("companyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkCallOff_contractId_key" ON "FrameworkCallOff"("contractId");

-- CreateIndex
CREATE INDEX "FrameworkCallOff_frameworkId_status_idx" ON "FrameworkCallOff"("frameworkId", "status");

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationLeader" ADD CONSTRAINT "OrganisationLeader_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationLeader" ADD CONSTRAINT "OrganisationLeader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderCompany" ADD CONSTRAINT "TraderCompany_baseProvinceId_fkey" FOREIGN KEY ("baseProvinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderCompany" ADD CONSTRAINT "TraderCompany_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderStaff" ADD CONSTRAINT "TraderStaff_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "TraderCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderStaff" ADD CONSTRAINT "TraderStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilitatorDistrict" ADD CONSTRAINT "FacilitatorDistrict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilitatorDistrict" ADD CONSTRAINT "FacilitatorDistrict_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CropGrade" ADD CONSTRAINT "CropGrade_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeductionBand" ADD CONSTRAINT "DeductionBand_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForeignMatterBand" ADD CONSTRAINT "ForeignMatterBand_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "CropGrade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_pickupVillageId_fkey" FOREIGN KEY ("pickupVillageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_siteVillageId_fkey" FOREIGN KEY ("siteVillageId") REFERENCES "Village"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "TraderCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_acceptedRevisionId_fkey" FOREIGN KEY ("acceptedRevisionId") REFERENCES "OfferRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRevision" ADD CONSTRAINT "OfferRevision_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRevision" ADD CONSTRAINT "OfferRevision_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "CropGrade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferRevision" ADD CONSTRAINT "OfferRevision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencePrice" ADD CONSTRAINT "ReferencePrice_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencePrice" ADD CONSTRAINT "ReferencePrice_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencePrice" ADD CONSTRAINT "ReferencePrice_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferencePrice" ADD CONSTRAINT "ReferencePrice_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRegistration" ADD CONSTRAINT "ContractRegistration_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRegistration" ADD CONSTRAINT "ContractRegistration_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRegistration" ADD CONSTRAINT "ContractRegistration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportReferencePrice" ADD CONSTRAINT "ExportReferencePrice_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportReferencePrice" ADD CONSTRAINT "ExportReferencePrice_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSmsConsent" ADD CONSTRAINT "MemberSmsConsent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSmsConsent" ADD CONSTRAINT "MemberSmsConsent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSmsConsent" ADD CONSTRAINT "MemberSmsConsent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplate" ADD CONSTRAINT "ContractTemplate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "TraderCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ContractTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_previousContractId_fkey" FOREIGN KEY ("previousContractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "FrameworkContract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractDocument" ADD CONSTRAINT "ContractDocument_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeEntry" ADD CONSTRAINT "DisputeEntry_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeEntry" ADD CONSTRAINT "DisputeEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryLot" ADD CONSTRAINT "DeliveryLot_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryLot" ADD CONSTRAINT "DeliveryLot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefusedLot" ADD CONSTRAINT "RefusedLot_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefusedLot" ADD CONSTRAINT "RefusedLot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputHandover" ADD CONSTRAINT "InputHandover_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputHandover" ADD CONSTRAINT "InputHandover_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputHandover" ADD CONSTRAINT "InputHandover_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputCashRepayment" ADD CONSTRAINT "InputCashRepayment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputCashRepayment" ADD CONSTRAINT "InputCashRepayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputCashRepayment" ADD CONSTRAINT "InputCashRepayment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputRepayment" ADD CONSTRAINT "InputRepayment_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputRepayment" ADD CONSTRAINT "InputRepayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkContract" ADD CONSTRAINT "FrameworkContract_baseContractId_fkey" FOREIGN KEY ("baseContractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkCallOff" ADD CONSTRAINT "FrameworkCallOff_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "FrameworkContract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

