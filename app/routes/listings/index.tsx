import { useTranslation } from "~/utils/i18n-react";
import { Form, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ListingCard } from "~/components/listing-card";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { COUNT_SHOWN_MAX, listingFilterChoices, parseListingSearch, searchListings, toListingCard } from "~/domain/listings/search.server";
import { formatNumber } from "~/utils/format";
import { localName } from "~/utils/i18n";
import { hasRole, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const filters = parseListingSearch(new URL(request.url));
  const now = new Date();
  const [result, choices] = await Promise.all([searchListings(filters, now), listingFilterChoices()]);
  const { locale } = state;
  return {
    filters,
    isFoLeader: hasRole(user, "fo_leader"),
    listings: result.rows.map((row) => toListingCard(row, locale, now)),
    found: result.capped
      ? { key: "browse.foundMany", count: formatNumber(COUNT_SHOWN_MAX, locale) }
      : { key: "browse.found", count: formatNumber(result.total, locale) },
    page: result.page,
    pages: result.pages,
    crops: choices.crops.map((c) => ({ value: c.id, label: localName(c, locale) })),
    provinces: choices.provinces.map((p) => ({ value: p.id, label: localName(p, locale) })),
    districts: choices.provinces.map((p) => ({
      label: localName(p, locale),
      options: p.districts.map((d) => ({ value: d.id, label: localName(d, locale) })),
    })),
  };
}

export default function BrowseListings() {
  const { t } = useTranslation("listings");
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const f = data.filters;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("browse.title")}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("browse.title")}</h1>
        {data.isFoLeader ? (
          <p className="flex gap-3">
            <Link to="/listings/mine" className="text-brand-700 underline">
              {t("browse.mine")}
            </Link>
            <Link to="/listings/new" className="text-brand-700 underline">
              {t("browse.newListing")}
            </Link>
          </p>
        ) : null}
      </div>
      <p>{t("browse.intro")}</p>
      {/* Keyed by the query so that "Clear filters" resets the fields after a client-side navigation. */}
      <Form
        key={params.toString()}
        method="get"
        className="grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-3"
        aria-label={t("browse.filters")}
      >
        <SelectField name="crop" label={t("browse.crop")} placeholder={t("browse.anyCrop")} options={data.crops} defaultValue={f.crop} />
        <SelectField name="province" label={t("browse.province")} placeholder={t("browse.anyProvince")} options={data.provinces} defaultValue={f.province} />
        <SelectField name="district" label={t("browse.district")} placeholder={t("browse.anyDistrict")} groups={data.districts} defaultValue={f.district} />
        <TextField name="minKg" label={t("browse.minKg")} inputMode="numeric" defaultValue={f.minKg ? String(f.minKg) : ""} />
        <TextField name="month" label={t("browse.month")} type="month" defaultValue={f.month ?? ""} />
        <SelectField
          name="sort"
          label={t("browse.sort")}
          defaultValue={f.sort}
          options={[
            { value: "deadline", label: t("browse.sortDeadline") },
            { value: "quantity", label: t("browse.sortQuantity") },
            { value: "newest", label: t("browse.sortNewest") },
          ]}
        />
        <div className="flex items-end gap-3 sm:col-span-3">
          <Button>{t("browse.apply")}</Button>
          <Link to="/listings" className="text-brand-700 underline">
            {t("browse.clear")}
          </Link>
        </div>
      </Form>
      <p aria-live="polite">{t(data.found.key, { count: data.found.count })}</p>
      {data.listings.length === 0 ? <p>{t("browse.empty")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {data.listings.map((listing) => (
          <ListingCard key={listing.id} listing={listing} />
        ))}
      </ul>
      {data.pages > 1 ? (
        <nav className="flex items-center justify-between" aria-label={t("browse.page", { page: data.page, pages: data.pages })}>
          {data.page > 1 ? (
            <Link to={pageLink(data.page - 1)} className="text-brand-700 underline">
              {t("browse.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("browse.page", { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? (
            <Link to={pageLink(data.page + 1)} className="text-brand-700 underline">
              {t("browse.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
