import { db, type Db } from "~/utils/db.server";

export async function databaseAnswers(client: Db): Promise<boolean> {
  try {
    await client.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export function healthResponse(ok: boolean): Response {
  return ok
    ? new Response("ok", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } })
    : new Response("database unavailable", { status: 503, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}

/** 200 when the database answers, 503 otherwise; for monitoring and the start script. */
export async function loader() {
  return healthResponse(await databaseAnswers(db));
}
