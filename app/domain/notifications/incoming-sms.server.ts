// SMS that members send to the portal's sender id, as the SMS centre hands
// them over (a deliver_sm that is not a delivery receipt). What a reply means
// (an opt-out, for one) is decided by the handler set here; this module only
// carries the message to it, its parts put together and its text decoded.

export type IncomingSms = { from: string; text: string; receivedAt: Date };
export type IncomingSmsHandler = (sms: IncomingSms) => Promise<void>;

const globalForIncoming = globalThis as unknown as { __portalIncomingSms?: IncomingSmsHandler };

/** Sets the one handler for incoming SMS (a later call replaces it); null removes it. */
export function setIncomingSmsHandler(handler: IncomingSmsHandler | null): void {
  globalForIncoming.__portalIncomingSms = handler ?? undefined;
}

/**
 * Hands an incoming SMS to the handler. Throws when the handler fails, so the
 * transport can tell the SMS centre to deliver it again later rather than lose
 * a member's opt-out. With no handler set, the message is logged and dropped.
 */
export async function handleIncomingSms(sms: IncomingSms): Promise<void> {
  const handler = globalForIncoming.__portalIncomingSms;
  if (!handler) {
    console.warn(`[sms] incoming SMS from ${sms.from} with no handler set; dropped`);
    return;
  }
  await handler(sms);
}
