// The price board as the plain text of one SMS (/prices/text?crop=…&district=…),
// in the reader's language: for a phone to forward, or a message gateway to
// fetch. Open to everyone, like the board, and cached the same way.
import { loadPriceBoardPage } from "./board.server";
import { boardCacheHeaders } from "./cache.server";
import { parsePriceBoardSearch } from "~/domain/prices/price-board.server";
import { db } from "~/utils/db.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/text";

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const page = await loadPriceBoardPage(db, { user: state.user, search: parsePriceBoardSearch(new URL(request.url)), locale: state.locale, now: new Date() });
  const headers = { "Content-Type": "text/plain; charset=utf-8", ...boardCacheHeaders(state.user) };
  if (!page.text) return new Response(state.t("priceboard:noCrops"), { status: 404, headers });
  return new Response(page.text.text, { headers });
}
