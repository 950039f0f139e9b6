import { admin as enAdmin } from "./en/admin";
import { templates as enTemplates } from "./en/templates";
import { amendments as enAmendments } from "./en/amendments";
import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { contractRules as enContractRules } from "./en/contracts-rules";
import { contracts as enContracts } from "./en/contracts";
import { dashboard as enDashboard } from "./en/dashboard";
import { deliveries as enDeliveries } from "./en/deliveries";
import { disputes as enDisputes } from "./en/disputes";
import { errors as enErrors } from "./en/errors";
import { listings as enListings } from "./en/listings";
import { members as enMembers } from "./en/members";
import { notifications as enNotifications } from "./en/notifications";
import { offers as enOffers } from "./en/offers";
import { prices as enPrices } from "./en/prices";
import { reports as enReports } from "./en/reports";
import { priceboard as enPriceboard } from "./en/priceboard";
import { validation as enValidation } from "./en/validation";
import { verification as enVerification } from "./en/verification";
import { verify as enVerify } from "./en/verify";
import { registration as enRegistration } from "./en/registration";
import { track as enTrack } from "./en/track";
import { compare as enCompare } from "./en/compare";
import { frameworks as enFrameworks } from "./en/frameworks";
import { admin as loAdmin } from "./lo/admin";
import { templates as loTemplates } from "./lo/templates";
import { amendments as loAmendments } from "./lo/amendments";
import { auth as loAuth } from "./lo/auth";
import { common as loCommon } from "./lo/common";
import { contractRules as loContractRules } from "./lo/contracts-rules";
import { contracts as loContracts } from "./lo/contracts";
import { dashboard as loDashboard } from "./lo/dashboard";
import { deliveries as loDeliveries } from "./lo/deliveries";
import { disputes as loDisputes } from "./lo/disputes";
import { errors as loErrors } from "./lo/errors";
import { listings as loListings } from "./lo/listings";
import { members as loMembers } from "./lo/members";
import { notifications as loNotifications } from "./lo/notifications";
import { offers as loOffers } from "./lo/offers";
import { prices as loPrices } from "./lo/prices";
import { reports as loReports } from "./lo/reports";
import { priceboard as loPriceboard } from "./lo/priceboard";
import { validation as loValidation } from "./lo/validation";
import { verification as loVerification } from "./lo/verification";
import { verify as loVerify } from "./lo/verify";
import { registration as loRegistration } from "./lo/registration";
import { track as loTrack } from "./lo/track";
import { compare as loCompare } from "./lo/compare";
import { frameworks as loFrameworks } from "./lo/frameworks";

export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    validation: enValidation,
    errors: enErrors,
    dashboard: enDashboard,
    verification: enVerification,
    admin: enAdmin,
    members: enMembers,
    notifications: enNotifications,
    prices: enPrices,
    priceboard: enPriceboard,
    listings: enListings,
    offers: enOffers,
    contractRules: enContractRules,
    contracts: enContracts,
    deliveries: enDeliveries,
    amendments: enAmendments,
    templates: enTemplates,
    disputes: enDisputes,
    verify: enVerify,
    registration: enRegistration,
    reports: enReports,
    track: enTrack,
    compare: enCompare,
    frameworks: enFrameworks,
  },
  lo: {
    common: loCommon,
    auth: loAuth,
    validation: loValidation,
    errors: loErrors,
    dashboard: loDashboard,
    verification: loVerification,
    admin: loAdmin,
    members: loMembers,
    notifications: loNotifications,
    prices: loPrices,
    priceboard: loPriceboard,
    listings: loListings,
    offers: loOffers,
    contractRules: loContractRules,
    contracts: loContracts,
    deliveries: loDeliveries,
    amendments: loAmendments,
    templates: loTemplates,
    disputes: loDisputes,
    verify: loVerify,
    registration: loRegistration,
    reports: loReports,
    track: loTrack,
    compare: loCompare,
    frameworks: loFrameworks,
  },
};

export type Namespace = keyof (typeof resources)["en"];
export const namespaces = Object.keys(resources.en) as Namespace[];
