import { db } from "~/utils/db.server";

/** 200 when the database answers, 503 otherwise; for monitoring and the start script. */
export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return new Response("ok", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}
