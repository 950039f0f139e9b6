import { redirect } from "react-router";
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { supportedLocales } from "~/utils/i18n";
import { localeCookieHeader } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/language";

const LanguageSchema = z.object({ locale: z.enum(supportedLocales), redirectTo: z.string().optional() });

export function loader() {
  return redirect("/");
}

/** Switches the language; a signed-in user's choice is remembered on their account. */
export async function action({ request, context }: Route.ActionArgs) {
  const { user } = getRequestState(context);
  const form = await request.formData();
  const parsed = LanguageSchema.safeParse(Object.fromEntries(form));
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!parsed.success) return redirect(back);
  const { locale } = parsed.data;
  if (user && user.locale !== locale) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.locale_set",
        entityType: "User",
        entityId: user.id,
        before: { locale: user.locale },
        after: { locale },
      });
    });
  }
  return redirect(back, { headers: { "Set-Cookie": localeCookieHeader(locale) } });
}
