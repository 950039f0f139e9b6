import { useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { useTranslation } from "~/utils/i18n-react";

/**
 * Newer and older pages of a list in time order, as plain links (no script),
 * keeping the rest of the query. `hasMore`: whether an older page exists.
 */
export function Pager({ page, hasMore }: { page: number; hasMore: boolean }) {
  const { t } = useTranslation("common");
  const [params] = useSearchParams();
  if (page <= 1 && !hasMore) return null;
  const to = (p: number) => {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete("page");
    else next.set("page", String(p));
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav aria-label={t("pager.label")} className="flex items-center justify-between">
      {page > 1 ? (
        <Link to={to(page - 1)} className="text-brand-700 underline">
          {t("pager.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("pager.page", { page })}</span>
      {hasMore ? (
        <Link to={to(page + 1)} className="text-brand-700 underline">
          {t("pager.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
