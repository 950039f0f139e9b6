// The grade sheet as a form: one compact row per lot, made to be filled in at
// the scale on a phone. The running total comes from the "check the totals"
// button; with a script (app/enhance.js), the bags and gross weight also add
// up as they are typed.
import { useTranslation } from "~/utils/i18n-react";
import { POOLED } from "~/domain/deliveries/lot-form";
import type { ContentMeasure } from "~/domain/contracts/content";
import { formatKg, formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";

export interface LotSheetProps {
  rows: number;
  members: { id: string; name: string }[] | null;
  grades: { value: string; label: string }[];
  defaultGrade: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  locale: Locale;
  /** the contract's content measure: each row asks it; null: none */
  contentMeasure?: ContentMeasure | null;
  /** false: the row does not ask the moisture (the crop is paid on its content instead) */
  moisture?: boolean;
}

const small = "w-full rounded border border-gray-400 bg-white px-2 py-1 text-base aria-[invalid=true]:border-red-700";

export function LotSheet({ rows, members, grades, defaultGrade, values, errors, locale, contentMeasure = null, moisture = true }: LotSheetProps) {
  const { t } = useTranslation("deliveries");
  return (
    <ol className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, i) => {
        const name = (f: string) => `lot.${i}.${f}`;
        const err = (f: string) => errors[name(f)];
        const rowErrors = ["member", "bags", "grossKg", "bagGrams", "moisture", "content", "foreignMatter", "grade"].map((f) => err(f)).filter(Boolean);
        const input = (f: string, label: string, mode: "numeric" | "decimal") => (
          <label className="flex flex-col text-xs font-semibold">
            {label}
            <input name={name(f)} inputMode={mode} defaultValue={values[name(f)] ?? ""} aria-invalid={err(f) ? true : undefined} className={small} />
          </label>
        );
        return (
          <li key={i}>
            <fieldset className="grid grid-cols-4 gap-x-2 gap-y-1 rounded border border-gray-300 p-2">
              <legend className="px-1 text-sm font-bold">{t("lots.row", { n: formatNumber(i + 1, locale) })}</legend>
              {members ? (
                <label className="col-span-4 flex flex-col text-xs font-semibold">
                  {t("lots.member")}
                  <select
                    name={name("member")}
                    defaultValue={values[name("member")] ?? POOLED}
                    aria-invalid={err("member") ? true : undefined}
                    className={small}
                  >
                    <option value={POOLED}>{t("lots.pooled")}</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {input("bags", t("lots.bags"), "numeric")}
              {input("grossKg", t("lots.grossKg"), "numeric")}
              {moisture ? input("moisture", t("lots.moisture"), "decimal") : null}
              {contentMeasure ? input("content", t(`lots.content.${contentMeasure}`), "decimal") : null}
              {input("foreignMatter", t("lots.foreignMatter"), "decimal")}
              <label className="col-span-2 flex flex-col text-xs font-semibold">
                {t("lots.grade")}
                <select
                  name={name("grade")}
                  defaultValue={values[name("grade")] ?? defaultGrade}
                  aria-invalid={err("grade") ? true : undefined}
                  className={small}
                >
                  {grades.map((g) => (
                    <option key={g.value} value={g.value}>
                      {g.label}
                    </option>
                  ))}
                </select>
              </label>
              <div className="col-span-2">{input("bagGrams", t("lots.bagGrams"), "numeric")}</div>
              {rowErrors.length ? (
                <p className="col-span-4 text-sm font-semibold text-red-700" role="alert">
                  {rowErrors.map((e) => t(e!)).join(" ")}
                </p>
              ) : null}
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Where app/enhance.js writes the bags and gross kg typed so far (hidden
 * without a script: pages are not hydrated, see docs/decisions/0006).
 */
// Which inputs each figure adds up: the lots' bags and gross kg, by field name.
const LOT_SUMS = JSON.stringify({ bags: "^lot\\.\\d+\\.bags$", gross: "^lot\\.\\d+\\.grossKg$" });

export function RunningTotal({ locale }: { locale: Locale }) {
  const { t } = useTranslation("deliveries");
  // The kg as the page writes them, with the figure left for the script.
  const gross = formatKg(0n, locale).replace("0", "{{gross}}");
  return (
    <p
      hidden
      data-running-total-output=""
      data-sums={LOT_SUMS}
      data-group={formatNumber(1000, locale).replace(/\d/g, "")}
      data-template={t("lots.runningTotal", { bags: "{{bags}}", gross })}
      className="sticky bottom-0 rounded bg-gray-100 p-2 font-semibold"
      aria-live="polite"
    />
  );
}
