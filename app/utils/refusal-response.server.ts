// A domain function's refusal ({ ok: false, reason }) as an action's answer,
// written once: a record the user may not see is the 404 page (its existence is
// not confirmed), a reason the caller names as a lack of right is 403, any other
// refusal 409; the message is the key under `messages` named by the reason, shown beside the
// form the action redisplays.
import { data } from "react-router";
import { notFound } from "./permissions.server";
import type { RequestState } from "./request-state.server";

export function refusalResponse<B extends object>(
  state: RequestState,
  refusal: { reason: string },
  { messages, body, forbidden = [] }: { messages: string; body: B; forbidden?: readonly string[] },
) {
  if (refusal.reason === "notFound") notFound(state);
  const answer: Omit<B, "message"> & { message: string } = { ...body, message: `${messages}.${refusal.reason}` };
  return data(answer, { status: forbidden.includes(refusal.reason) ? 403 : 409 });
}
