// Lots the buyer refused at the scale (~/domain/deliveries/refused-lots): the
// rows of the delivery form for them, and the list on a recorded delivery.
import { POOLED } from "~/domain/deliveries/lot-form";
import { REFUSAL_REASONS, REFUSED_ROWS, type RefusalReason } from "~/domain/deliveries/refused-lots";
import { formatKg, formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";

const small = "w-full rounded border border-gray-400 bg-white px-2 py-1 text-base aria-[invalid=true]:border-red-700";

export interface RefusedLotSheetProps {
  members: { id: string; name: string }[] | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  locale: Locale;
}

/** Up to REFUSED_ROWS refused lots; rows left empty are none. */
export function RefusedLotSheet({ members, values, errors, locale }: RefusedLotSheetProps) {
  const { t } = useTranslation("deliveries");
  // Folded away unless something was typed in it: most deliveries have no refusal.
  const used =
    Object.keys(values).some((k) => /^refused\.\d+\.(bags|grossKg|reason|note)$/.test(k) && values[k]) ||
    Object.keys(errors).some((k) => k.startsWith("refused."));
  return (
    <details open={used} className="rounded border border-gray-300 p-2">
      <summary className="cursor-pointer font-bold">{t("refused.title")}</summary>
      <fieldset className="mt-2 flex flex-col gap-2">
        <legend className="sr-only">{t("refused.title")}</legend>
        <p className="text-sm">{t("refused.intro")}</p>
        <ol className="flex flex-col gap-2">
          {Array.from({ length: REFUSED_ROWS }, (_, i) => {
            const name = (f: string) => `refused.${i}.${f}`;
            const err = (f: string) => errors[name(f)];
            const rowErrors = ["member", "bags", "grossKg", "reason", "note"].map((f) => err(f)).filter(Boolean);
            const input = (f: string, label: string, mode: "numeric" | "text") => (
              <label className="flex flex-col text-xs font-semibold">
                {label}
                <input name={name(f)} inputMode={mode} defaultValue={values[name(f)] ?? ""} aria-invalid={err(f) ? true : undefined} className={small} />
              </label>
            );
            return (
              <li key={i}>
                <fieldset className="grid grid-cols-2 gap-x-2 gap-y-1 rounded border border-gray-200 p-2">
                  <legend className="px-1 text-sm font-bold">{t("refused.row", { n: formatNumber(i + 1, locale) })}</legend>
                  {members ? (
                    <label className="col-span-2 flex flex-col text-xs font-semibold">
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
                  <label className="col-span-2 flex flex-col text-xs font-semibold">
                    {t("refused.reason")}
                    <select name={name("reason")} defaultValue={values[name("reason")] ?? ""} aria-invalid={err("reason") ? true : undefined} className={small}>
                      <option value="">{t("refused.chooseReason")}</option>
                      {REFUSAL_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`refused.reasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <div className="col-span-2">{input("note", t("refused.note"), "text")}</div>
                  {rowErrors.length ? (
                    <p className="col-span-2 text-sm font-semibold text-red-700" role="alert">
                      {rowErrors.map((e) => t(e!)).join(" ")}
                    </p>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
      </fieldset>
    </details>
  );
}

export interface RefusedLotView {
  position: number;
  pooled: boolean;
  memberName: string | null;
  bags: number;
  grossKg: number;
  reason: RefusalReason;
  note: string | null;
}

/** A recorded delivery's refused lots, each with its reason; nothing when there were none. */
export function RefusedLotList({ lots, locale }: { lots: RefusedLotView[]; locale: Locale }) {
  const { t } = useTranslation("deliveries");
  if (lots.length === 0) return null;
  const who = (l: RefusedLotView) => (l.pooled ? t("lots.pooled") : (l.memberName ?? t("refused.household", { n: l.position })));
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p className="font-semibold">{t("refused.caption", { n: formatNumber(lots.length, locale) })}</p>
      <ul className="list-disc pl-5">
        {lots.map((l) => (
          <li key={l.position}>
            {t("refused.line", {
              who: who(l),
              bags: formatNumber(l.bags, locale),
              gross: formatKg(l.grossKg, locale),
              reason: t(`refused.reasons.${l.reason}`),
            })}
            {l.note ? ` ${t("refused.noteLine", { note: l.note })}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
