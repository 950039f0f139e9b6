// What every member-register page does first: the signed-in FO leader must lead
// this FO (another FO is a 404, another role a 403, nobody a sign-in redirect),
// then the FO's name and the villages of its district in the user's language.
import { redirect } from "react-router";
import { localName } from "~/utils/i18n";
import { getRegisterContext } from "~/domain/members/register.server";
import { db } from "~/utils/db.server";
import { notFound, requireOrganisationLeader } from "~/utils/permissions.server";
import type { RequestState } from "~/utils/request-state.server";
import { registerPath, type Done } from "./paths";

export async function requireRegister(state: RequestState, organisationId: string) {
  const { user } = await requireOrganisationLeader(state, organisationId);
  const register = await getRegisterContext(db, organisationId);
  if (!register) notFound(state);
  return {
    user,
    organisation: {
      id: register.organisation.id,
      name: localName(register.organisation, state.locale),
      district: localName(register.district, state.locale),
    },
    villages: register.villages.map((v) => ({ value: v.id, label: localName(v, state.locale) })),
    villageNames: register.villages,
  };
}

/** Back to the register after a change, with a note of what changed (post, redirect, get). */
export function backToRegister(organisationId: string, done: Done, name: string): never {
  const query = new URLSearchParams({ done, name });
  throw redirect(`${registerPath(organisationId)}?${query.toString()}`);
}
