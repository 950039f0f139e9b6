// On a contract's page: the framework contract built on it, the framework it
// is a seasonal call-off of, or, for a party to a signed contract that has
// neither, the way to propose one.
import { Link } from "~/components/ui/link";
import { useTranslation } from "~/utils/i18n-react";

export type FrameworkLinks = {
  base: { id: string; number: string; status: string } | null;
  callOffOf: { id: string; number: string; season: number } | null;
  canPropose: boolean;
};

export function FrameworkLink({ contractId, links }: { contractId: string; links: FrameworkLinks }) {
  const { t } = useTranslation("frameworks");
  if (!links.base && !links.callOffOf && !links.canPropose) return null;
  return (
    <section aria-labelledby="framework-heading" className="no-print rounded border border-gray-200 bg-white p-3">
      <h2 id="framework-heading" className="font-bold">
        {t("link.title")}
      </h2>
      {links.base ? (
        <Link to={`/frameworks/${links.base.id}`} className="font-semibold text-brand-700 underline">
          {t("link.view", { number: links.base.number, status: t(`status.${links.base.status}`) })}
        </Link>
      ) : links.callOffOf ? (
        <Link to={`/frameworks/${links.callOffOf.id}`} className="font-semibold text-brand-700 underline">
          {t("link.callOffOf", { season: links.callOffOf.season, number: links.callOffOf.number })}
        </Link>
      ) : (
        <>
          <p className="my-1 text-sm text-gray-700">{t("link.proposeHint")}</p>
          <Link to={`/contracts/${contractId}/framework`} className="font-semibold text-brand-700 underline">
            {t("link.propose")}
          </Link>
        </>
      )}
    </section>
  );
}
