// The inputs page's correction of a mistaken handover (intent "correct"): the
// handover's own values to change, a reason, and two buttons, record the
// correction or void it. Plain form; works without JavaScript. Also the list
// of handovers voided, with their reasons.
import { Form } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { inputUnits } from "~/domain/inputs/input-units";
import { toLaoDateInput } from "~/utils/dates";
import { formatDate, formatLak, formatNumber } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

type Handover = { id: string; memberId: string; memberName: string; item: string; quantity: number; unit: string; valueLak: string; handedOn: string };

export function CorrectionForm({
  handover,
  members,
  formToken,
  values,
  errors,
  backTo,
}: {
  handover: Handover;
  members: { value: string; label: string }[];
  formToken: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  backTo: string;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const v = (name: string, fallback: string) => values[name] ?? fallback;
  return (
    <Form method="post" id="correct" className="no-print flex flex-col gap-3 rounded border-2 border-amber-600 bg-white p-4" noValidate>
      <h2 className="text-lg font-bold">{t("inputs.correct.title")}</h2>
      <p className="text-sm">
        {t("inputs.correct.intro", {
          name: handover.memberName,
          item: handover.item,
          value: formatLak(BigInt(handover.valueLak), locale),
          date: formatDate(handover.handedOn, locale),
        })}
      </p>
      <input type="hidden" name="intent" value="correct" />
      <input type="hidden" name="handoverId" value={handover.id} />
      <input type="hidden" name="formToken" value={formToken} />
      <SelectField
        name="memberId"
        label={t("inputs.form.memberId")}
        options={members}
        defaultValue={v("memberId", handover.memberId)}
        error={errors.memberId}
        required
      />
      <TextField name="item" label={t("inputs.form.item")} defaultValue={v("item", handover.item)} error={errors.item} required />
      <div className="grid grid-cols-2 gap-2">
        <TextField
          name="quantity"
          inputMode="numeric"
          label={t("inputs.form.quantity")}
          defaultValue={v("quantity", String(handover.quantity))}
          error={errors.quantity}
          required
        />
        <SelectField
          name="unit"
          label={t("inputs.form.unit")}
          options={inputUnits.map((u) => ({ value: u, label: t(`inputs.unit.${u}`) }))}
          defaultValue={v("unit", handover.unit)}
          error={errors.unit}
          required
        />
      </div>
      <TextField
        name="valueLak"
        inputMode="numeric"
        label={t("inputs.form.valueLak")}
        defaultValue={v("valueLak", handover.valueLak)}
        error={errors.valueLak}
        required
      />
      <TextField
        name="handedOn"
        type="date"
        label={t("inputs.form.handedOn")}
        defaultValue={v("handedOn", toLaoDateInput(new Date(handover.handedOn)))}
        error={errors.handedOn}
        required
      />
      <TextField
        name="reason"
        label={t("inputs.correct.reason")}
        hint={t("inputs.correct.reasonHint")}
        defaultValue={values.reason}
        error={errors.reason}
        required
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button name="mode" value="replace">
          {t("inputs.correct.replace")}
        </Button>
        <Button name="mode" value="void" variant="secondary">
          {t("inputs.correct.void")}
        </Button>
        <Link to={backTo} className="font-semibold text-brand-700 underline">
          {t("inputs.correct.cancel")}
        </Link>
      </div>
    </Form>
  );
}

export function VoidedHandovers({
  rows,
}: {
  rows: { id: string; memberName: string; item: string; valueLak: string; handedOn: string; voidedAt: string; reason: string }[];
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="voided-handovers" className="flex flex-col gap-1">
      <h2 id="voided-handovers" className="text-lg font-bold">
        {t("inputs.correct.voidedTitle")}
      </h2>
      <ul className="list-disc pl-5 text-sm">
        {rows.map((r) => (
          <li key={r.id}>
            {t("inputs.correct.voidedLine", {
              name: r.memberName,
              item: r.item,
              value: formatLak(BigInt(r.valueLak), locale),
              date: formatDate(r.handedOn, locale),
              voidedOn: formatDate(r.voidedAt, locale),
              reason: r.reason,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

type HandoverRow = Handover & { correctable: boolean };

/** The handovers in force, with a link to correct each one no delivery has settled (for the FO's leaders). */
export function HandoverTable({ rows, canCorrect }: { rows: HandoverRow[]; canCorrect: boolean }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const lak = (n: string) => formatLak(BigInt(n), locale);
  return (
    <table className="card-table w-full border-collapse bg-white text-sm">
      <thead>
        <tr className="border-b border-gray-300 text-left">
          <th scope="col" className="pr-2">
            {t("inputs.member")}
          </th>
          <th scope="col" className="pr-2">
            {t("inputs.item")}
          </th>
          <th scope="col" className="pr-2 text-right">
            {t("inputs.quantity")}
          </th>
          <th scope="col" className="pr-2 text-right">
            {t("inputs.value")}
          </th>
          <th scope="col">{t("inputs.handedOn")}</th>
          {canCorrect ? (
            <th scope="col" className="no-print">
              <span className="sr-only">{t("inputs.correct.title")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => (
          <tr key={h.id} className="border-b border-gray-100">
            <th scope="row" className="pr-2 text-left font-normal">
              {h.memberName}
            </th>
            <td data-label={t("inputs.item")} className="pr-2">
              {h.item}
            </td>
            <td data-label={t("inputs.quantity")} className="pr-2 text-right tabular-nums">
              {formatNumber(h.quantity, locale)} {t(`inputs.unit.${h.unit}`)}
            </td>
            <td data-label={t("inputs.value")} className="pr-2 text-right tabular-nums">
              {lak(h.valueLak)}
            </td>
            <td data-label={t("inputs.handedOn")}>{formatDate(h.handedOn, locale)}</td>
            {canCorrect ? (
              <td className="no-print">
                {h.correctable ? (
                  <Link to={`?correct=${h.id}#correct`} className="text-brand-700 underline" aria-label={`${t("inputs.correct.link")} ${h.memberName}`}>
                    {t("inputs.correct.link")}
                  </Link>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
