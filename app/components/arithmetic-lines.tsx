// Shows how a figure (an effective price, an amount due) is worked out, one line
// per step, in the reader's language. Inside <details>/<summary> when given a
// summary, so the figure opens to its arithmetic without JavaScript.
import type { ReactNode } from "react";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import type { SerialisedLine } from "~/domain/offers/effective-price";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatDate, formatHundredths, formatKg, formatMoney, formatNumber, formatPermilleAsPercent, formatTenths } from "~/utils/format";
import { type Locale } from "~/utils/i18n";

function toBigInt(value: string | number): bigint | null {
  try {
    return typeof value === "number" ? (Number.isInteger(value) ? BigInt(value) : null) : BigInt(value);
  } catch {
    return null;
  }
}

export { formatTenths };

/**
 * Formats a line's params by the suffix of their names (see Line in
 * effective-price.ts); amounts (…Lak) are in `currency`, the unit of the terms
 * the lines work out.
 */
export function formatLineParams(params: SerialisedLine["params"], locale: Locale, currency: ContractCurrency): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const n = typeof value === "number" ? value : Number(value);
    const big = toBigInt(value);
    if (name.endsWith("Lak") && big !== null) out[name] = formatMoney(big, currency, locale);
    else if (name.endsWith("Kg") && big !== null) out[name] = formatKg(big, locale);
    else if (name.endsWith("Permille") && Number.isFinite(n)) out[name] = formatPermilleAsPercent(n, locale);
    else if (name.endsWith("Tenths") && Number.isFinite(n)) out[name] = formatTenths(n, locale);
    else if (name.endsWith("Hundredths") && Number.isFinite(n)) out[name] = formatHundredths(n, locale);
    else if (name.endsWith("Date") && typeof value === "string") out[name] = formatDate(value, locale);
    else if (typeof value === "number") out[name] = formatNumber(value, locale);
    else out[name] = value;
  }
  return out;
}

/** A signed figure: "− 1,200 LAK" for amounts that reduce what the FO gets. */
function signed(value: bigint, format: (v: bigint) => string): string {
  return value < 0n ? `− ${format(-value)}` : format(value);
}

export function lineFigure(line: SerialisedLine, locale: Locale, currency: ContractCurrency): string {
  if (line.amountLak !== undefined) return signed(BigInt(line.amountLak), (v) => formatMoney(v, currency, locale));
  if (line.kg !== undefined) return signed(BigInt(line.kg), (v) => formatKg(v, locale));
  return "";
}

export function ArithmeticLines({
  lines,
  summary,
  caption,
  currency,
}: {
  lines: readonly SerialisedLine[];
  summary?: ReactNode;
  caption?: string;
  /** the currency of the terms the lines work out: their amounts are in its unit */
  currency: ContractCurrency;
}) {
  const { t } = useTranslation("prices");
  const locale = useLocale();
  const table = (
    <table className="w-full border-collapse text-sm">
      <caption className="py-1 text-left font-semibold">{caption ?? t("arithmetic.caption")}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t("arithmetic.step")}</th>
          <th scope="col">{t("arithmetic.figure")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i} className="border-t border-gray-200 align-top">
            <td className="py-1 pr-3">{t(line.key, formatLineParams(line.params, locale, currency))}</td>
            <td className="whitespace-nowrap py-1 text-right tabular-nums">{lineFigure(line, locale, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (summary === undefined) return table;
  return (
    <details className="group">
      <summary className="cursor-pointer underline decoration-dotted underline-offset-4">{summary}</summary>
      <div className="mt-2">{table}</div>
    </details>
  );
}
