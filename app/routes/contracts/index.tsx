import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { z } from "zod";
import { Pager } from "~/components/pager";
import { listContractsFor } from "~/domain/contracts/contract-list.server";
import { formatDate, formatMoney } from "~/utils/format";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

// A query string is typed by hand: a wrong page is the first one.
const PageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["fo_leader", "trader", "facilitator"]);
  const { page } = PageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listContractsFor(user, page);
  return {
    page: list.page,
    hasMore: list.hasMore,
    contracts: list.contracts.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      valueLak: String(c.valueLak),
      currency: c.currency,
      createdAt: c.createdAt.toISOString(),
      fo: state.locale === "lo" ? c.foLo : c.foEn,
      trader: c.company,
    })),
  };
}

export default function Contracts() {
  const { t } = useTranslation("contracts");
  const { contracts, page, hasMore } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("list.title")}</title>
      <h1 className="text-2xl font-bold">{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      {contracts.length === 0 ? <p>{t("list.empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {contracts.map((c) => (
          <li key={c.id} className="rounded border border-gray-200 bg-white p-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link to={`/contracts/${c.id}`} className="text-lg font-bold text-brand-700 underline">
                {c.number}
              </Link>
              <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`status.${c.status}`)}</span>
            </div>
            <p>{t("list.parties", { fo: c.fo, trader: c.trader })}</p>
            <p className="text-sm text-gray-700">
              {formatDate(c.createdAt, locale)} · {t("list.value")}: {formatMoney(BigInt(c.valueLak), c.currency, locale)}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={page} hasMore={hasMore} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
