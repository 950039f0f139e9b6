import { renderToString } from "react-dom/server";
import { I18nextProvider } from "~/utils/i18n-react";
import { ServerRouter, type EntryContext, type RouterContextProvider } from "react-router";
import { recordSmsReply } from "./domain/members/sms-consent.server";
import { setIncomingSmsHandler } from "./domain/notifications/incoming-sms.server";
import { closeMessageTransport, transportConfig } from "./domain/notifications/transport.server";
import { closeDatabases as closeDatabaseConnections } from "./utils/edge.server";
import { db } from "./utils/db.server";
import { env } from "./utils/env.server";
import { detectLocale, i18nFor } from "./utils/i18n.server";
import { trustedProxyHops } from "./utils/client-address.server";
import { requestStateContext } from "./utils/request-state.server";

// Fail at start-up, with a clear message, when the environment is incomplete.
env();
trustedProxyHops();
transportConfig();
// A member's reply to the portal's SMS ("ຢຸດ", "STOP") withdraws their consent.
setIncomingSmsHandler(async (sms) => {
  await recordSmsReply(db, sms);
});

// What the production server (server/index.mjs) reads from the build: body
// limits, its bounds under load, the pages it answers itself, the security
// headers and closing the database on shutdown.
export { bodyLimitFor, refusalPage, securityHeaders, serverLimits } from "./utils/edge.server";

/**
 * On shutdown: first unbind from the SMS centre, so that a send cut short is
 * recorded as failed (and retried) while the database is still open, then
 * close both database connections.
 */
export async function closeDatabases(): Promise<void> {
  await closeMessageTransport();
  await closeDatabaseConnections();
}
// …and the load context of each request, which carries the client's address.
export { loadContextFor } from "./utils/client-address.server";

export const streamTimeout = 5_000;

function translationsFor(request: Request, loadContext: RouterContextProvider) {
  try {
    return loadContext.get(requestStateContext).i18n;
  } catch {
    // The middleware did not run (a request that matched no route's middleware).
    return i18nFor(detectLocale(request, null));
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const i18n = translationsFor(request, loadContext);

  // Pages are small and never suspend (nothing is deferred, and React Router's
  // data stream renders nothing without hydration, docs/decisions/0006): one
  // synchronous render to a string costs less than a stream piped into a buffer.
  // A component that throws makes React Router render the error boundary instead.
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <ServerRouter context={routerContext} url={request.url} />
    </I18nextProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // A Buffer, not the string: a string body is first checked character by
  // character for lone surrogates (undici's toUSVString), slow on Lao text.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`, "utf8"), { headers: responseHeaders, status: responseStatusCode });
}
