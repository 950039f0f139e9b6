// A member household's consent to SMS, as the FO's leader records it, and the
// words by which a household stops it by reply. Pure; shared by the form and
// the domain.
//
// STOP WORDS. A reply stops the messages when its whole text, once spaces,
// case and a closing full stop or exclamation mark are set aside, is one of
// STOP_WORDS: Lao "ຢຸດ" (stop) and "ຍົກເລີກ" (cancel), English "STOP" and
// "UNSUBSCRIBE". The whole text, not a word inside it: "ບໍ່ຢຸດ" (do not stop)
// or a question that mentions stopping must not end someone's messages.
import { z } from "zod";
import { choice, laoDateField } from "~/utils/fields";

export const consentMethods = ["paper_form", "meeting", "phone_call", "sms_reply"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const withdrawalMethods = ["sms_reply", "leader"] as const;
export type WithdrawalMethod = (typeof withdrawalMethods)[number];

export const STOP_WORDS = ["ຢຸດ", "ຍົກເລີກ", "STOP", "UNSUBSCRIBE"] as const;

/** The text of a reply as compared with the stop words. */
export function normaliseReply(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u200B-\u200D\uFEFF]+/g, "")
    .replace(/[.!。]+$/u, "")
    .toUpperCase();
}

export function isStopReply(text: string): boolean {
  const reply = normaliseReply(text);
  return (STOP_WORDS as readonly string[]).includes(reply);
}

/** The leader's record of a consent: the day, how it was given, and the number it was given for (the member's, when the form was drawn). */
export const ConsentFormSchema = z.object({
  givenOn: laoDateField,
  givenHow: choice(consentMethods),
  phone: z.string().trim().max(20),
});
export type ConsentValues = z.output<typeof ConsentFormSchema>;
