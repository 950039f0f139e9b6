// The framework page's data from the domain's reading of it (loadFramework):
// its terms in the reader's language, which party the reader acts for, what
// they may answer, and the confirmation the address asks for (?confirm=…).
import type { loadFramework } from "~/domain/frameworks/framework.server";
import { frameworkPhase, noticeLastDay } from "~/domain/frameworks/framework-rules";
import { lastSeason } from "~/domain/frameworks/framework-text";
import { localName } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { ConfirmSchema } from "./schema.server";

type Loaded = NonNullable<Awaited<ReturnType<typeof loadFramework>>>;
export type Side = "fo" | "trader";

/** The party the reader acts for (the FO's side first, as the domain reads it); null for a facilitator. */
export function sideOf(roles: Loaded["roles"]): Side | null {
  return roles.fo ? "fo" : roles.trader ? "trader" : null;
}

export function frameworkView(loaded: Loaded, locale: Locale, search: URLSearchParams, now = new Date()) {
  const { framework: f, roles } = loaded;
  const side = sideOf(roles);
  const phase = frameworkPhase(f, now);
  const contracts = new Map(f.contracts.map((c) => [c.id, c]));
  const callOffs = f.callOffs.map((c) => {
    const contract = c.contractId ? contracts.get(c.contractId) : undefined;
    return {
      id: c.id,
      season: c.season,
      quantityKg: c.quantityKg,
      deliveryDate: c.deliveryDate.toISOString(),
      status: c.status,
      proposedByParty: c.proposedByParty,
      canAnswer: side !== null && (phase === "active" || phase === "ending") && c.status === "proposed" && c.proposedByParty !== side,
      contract: contract ? { id: contract.id, number: contract.number, status: contract.status } : null,
    };
  });
  const asked = ConfirmSchema.safeParse(search.get("confirm"));
  let confirm: { kind: "accept" | "decline" | "notice" } | { kind: "acceptCallOff" | "declineCallOff"; callOff: (typeof callOffs)[number] } | null = null;
  const canGiveNotice = side !== null && phase === "active";
  if (asked.success && asked.data === "notice" && canGiveNotice) confirm = { kind: "notice" };
  const canAnswer = side !== null && f.status === "proposed" && f.proposedByParty !== side;
  if (asked.success && (asked.data === "accept" || asked.data === "decline") && canAnswer) confirm = { kind: asked.data };
  if (asked.success && (asked.data === "acceptCallOff" || asked.data === "declineCallOff")) {
    const callOff = callOffs.find((c) => c.id === search.get("callOff") && c.canAnswer);
    if (callOff) confirm = { kind: asked.data, callOff };
  }
  const taken = new Set(f.callOffs.filter((c) => c.status !== "declined").map((c) => c.season));
  let nextSeason = f.firstSeason;
  while (taken.has(nextSeason)) nextSeason += 1;
  return {
    framework: {
      id: f.id,
      number: f.number,
      status: f.status,
      phase,
      notice:
        f.noticeGivenAt && f.noticeLastDay
          ? { givenAt: f.noticeGivenAt.toISOString(), byParty: f.noticeGivenByParty ?? "", lastDay: f.noticeLastDay.toISOString() }
          : null,
      /** the last day in force were notice given now */
      noticeWouldEnd: noticeLastDay(now, f.noticeDays).toISOString(),
      firstSeason: f.firstSeason,
      seasons: f.seasons,
      lastSeason: lastSeason(f),
      renewal: f.renewal,
      noticeDays: f.noticeDays,
      rightOfFirstRefusal: f.rightOfFirstRefusal,
      text: locale === "lo" ? f.textLo : f.textEn,
      otherText: locale === "lo" ? f.textEn : f.textLo,
      sha256: f.sha256,
      proposedByParty: f.proposedByParty,
      proposedAt: f.createdAt.toISOString(),
      answeredAt: f.answeredAt?.toISOString() ?? null,
      base: { id: f.baseContract.id, number: f.baseContract.number },
      fo: localName(f.baseContract.organisation, locale),
      trader: f.baseContract.company.name,
      crop: localName(f.baseContract.crop, locale),
    },
    side,
    canAnswer,
    canCallOff: side !== null && (phase === "active" || phase === "ending"),
    canGiveNotice,
    callOffs,
    confirm,
    nextSeason,
    trackRecord: loaded.trackRecord,
    asOf: now.toISOString(),
  };
}
