import { useTranslation } from "~/utils/i18n-react";
import { redirect } from "react-router";
import { Link } from "~/components/ui/link";
import { getRequestState } from "~/utils/request-state.server";
import { landingPathFor } from "~/utils/roles";
import type { Route } from "./+types/home";

export function loader({ context }: Route.LoaderArgs) {
  const { user } = getRequestState(context);
  if (user) {
    const landing = landingPathFor(user.roles);
    if (landing !== "/") throw redirect(landing);
  }
  return null;
}

export default function Home() {
  const { t } = useTranslation();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("appName")}</title>
      <h1 className="text-2xl font-bold">{t("home.title")}</h1>
      <p className="text-lg">{t("home.intro")}</p>
      <div className="rounded border border-brand-600 bg-white p-4">
        <h2 className="font-bold">{t("home.prices")}</h2>
        <p>{t("home.pricesText")}</p>
        <p className="mt-2">
          <Link to="/prices" className="inline-block rounded bg-brand-600 px-4 py-2 font-semibold text-white">
            {t("home.pricesLink")}
          </Link>
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="rounded border border-brand-100 bg-white p-4">
          <h2 className="font-bold">{t("home.forFo")}</h2>
          <p>{t("home.forFoText")}</p>
        </div>
        <div className="rounded border border-brand-100 bg-white p-4">
          <h2 className="font-bold">{t("home.forTraders")}</h2>
          <p>{t("home.forTradersText")}</p>
        </div>
      </div>
      <p className="flex flex-wrap gap-3">
        <Link to="/login" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
          {t("nav.signIn")}
        </Link>
        <Link to="/register" className="rounded border border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
          {t("nav.register")}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
