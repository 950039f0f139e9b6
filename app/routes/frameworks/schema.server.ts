// The framework pages' forms: the proposal of a framework on a signed
// contract, a season's call-off, and the answers, which only the confirmation
// step sends (confirmed=yes, docs/decisions/0012).
import { z } from "zod";
import { MAX_CALL_OFF_KG } from "~/domain/frameworks/framework.server";
import { frameworkRenewals, MAX_NOTICE_DAYS, MAX_SEASONS, MIN_NOTICE_DAYS, MIN_SEASONS } from "~/domain/frameworks/framework-text";
import { choice, idField, laoDateField, wholeNumberField } from "~/utils/fields";

export const ProposeFrameworkSchema = z.object({
  firstSeason: wholeNumberField(2020, 2100),
  seasons: wholeNumberField(MIN_SEASONS, MAX_SEASONS),
  renewal: choice(frameworkRenewals),
  noticeDays: wholeNumberField(MIN_NOTICE_DAYS, MAX_NOTICE_DAYS),
  rightOfFirstRefusal: choice(["yes", "no"]).transform((v) => v === "yes"),
});

export const CallOffSchema = z.object({
  season: wholeNumberField(2020, 2100),
  quantityKg: wholeNumberField(1, MAX_CALL_OFF_KG),
  deliveryDate: laoDateField,
});

export const IntentSchema = choice(["answer", "proposeCallOff", "answerCallOff", "notice"]);
export const AnswerSchema = choice(["accept", "decline"]);
export const CallOffIdSchema = idField;

/** The confirmations the framework page can show: ?confirm=… (and &callOff=… for a call-off). */
export const ConfirmSchema = choice(["accept", "decline", "acceptCallOff", "declineCallOff", "notice"]);
