import { redirect } from "react-router";
import { db } from "~/utils/db.server";
import { endSession } from "~/utils/session.server";
import type { Route } from "./+types/logout";

// Signing out changes data, so it is a POST; a GET only goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await endSession(db, request) } });
}
