import { useTranslation } from "~/utils/i18n-react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { Link } from "~/components/ui/link";

/** A message the route threw with its refusal (already in the reader's language), if it gave one. */
function thrownMessage(error: unknown): string | null {
  if (!isRouteErrorResponse(error) || typeof error.data !== "object" || error.data === null) return null;
  const message = (error.data as { message?: unknown }).message;
  return typeof message === "string" && message.trim() ? message : null;
}

/** The error page every route shares: the reason the route gave, else a translated message per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const known = status === 403 || status === 404 || status === 500;
  const heading = known ? t(`${status}.title`) : t("generic.title", { status });
  return (
    <section className="mx-auto max-w-xl py-8">
      {/* The tab and the history entry say what happened, as every page's title does. */}
      <title>{heading}</title>
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="mt-2" data-error-message="">
        {thrownMessage(error) ?? (known ? t(`${status}.text`) : t("generic.text"))}
      </p>
      <p className="mt-4">
        <Link to="/" className="text-brand-700 underline">
          {t("backHome")}
        </Link>
      </p>
    </section>
  );
}
