// The price board's tables (by month, by district): each row gives the median,
// the range and the count of the reference prices and of the contract prices.
// On a phone each row is a card whose figures are named by their group and
// column, as the two header rows name them in the table.
import type { ReactNode } from "react";
import type { PriceBand } from "~/domain/prices/price-band";
import { formatNumber } from "~/utils/format";
import { useLocale, useTranslation } from "~/utils/i18n-react";

export interface PriceFigureRow {
  key: string;
  head: ReactNode;
  reference: PriceBand | null;
  contract: PriceBand | null;
  /** Stands out (the district chosen). */
  marked?: boolean;
  headClassName?: string;
}

const CELL = "border border-gray-300 px-2 py-1";
const NUM_CELL = `${CELL} text-right tabular-nums whitespace-nowrap`;
const GROUPS = ["reference", "contract"] as const;
const COLUMNS = ["median", "range", "count"] as const;

export function PriceFigureTable({
  caption,
  firstColumn,
  rows,
  total,
}: {
  caption: string;
  firstColumn: string;
  rows: PriceFigureRow[];
  total?: PriceFigureRow;
}) {
  const { t } = useTranslation("priceboard");
  const locale = useLocale();
  const num = (v: number) => formatNumber(v, locale);
  const none = t("noValue");
  const figure = (b: PriceBand | null, column: (typeof COLUMNS)[number]) =>
    column === "count" ? num(b?.count ?? 0) : !b ? none : column === "median" ? num(b.median) : t("range", { min: num(b.min), max: num(b.max) });
  const cells = (row: PriceFigureRow) =>
    GROUPS.flatMap((group) =>
      COLUMNS.map((column) => (
        <td key={`${group}-${column}`} className={NUM_CELL} data-label={`${t(`monthly.${group}`)}: ${t(`monthly.${column}`)}`}>
          {figure(row[group], column)}
        </td>
      )),
    );

  return (
    <table className="card-table w-full border-collapse bg-white text-sm">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="bg-gray-100">
          <th scope="col" rowSpan={2} className={`${CELL} text-left`}>
            {firstColumn}
          </th>
          {GROUPS.map((group) => (
            <th key={group} scope="colgroup" colSpan={3} className={CELL}>
              {t(`monthly.${group}`)}
            </th>
          ))}
        </tr>
        <tr className="bg-gray-100">
          {GROUPS.flatMap((group) =>
            COLUMNS.map((column) => (
              <th key={`${group}-${column}`} scope="col" className={`${CELL} text-right`}>
                {t(`monthly.${column}`)}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.marked ? "bg-brand-50 font-semibold" : undefined}>
            <th scope="row" className={`${CELL} text-left font-normal ${row.headClassName ?? ""}`}>
              {row.head}
            </th>
            {cells(row)}
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr className="bg-gray-100 font-semibold">
            <th scope="row" className={`${CELL} text-left`}>
              {total.head}
            </th>
            {cells(total)}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
