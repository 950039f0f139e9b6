import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { formatPermilleAsPercent } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { useTranslation, useLocale } from "~/utils/i18n-react";

export interface ExpectedContentView {
  measure: "drc" | "starch";
  permille: number;
  source: "listing" | "crop";
  input: string;
}

/** The DRC or starch the FO expects, on the comparison page of a rubber or fresh-cassava listing; its leaders may state it. */
export function ExpectedContentForm({
  content,
  canSet,
  actionData,
}: {
  content: ExpectedContentView;
  canSet: boolean;
  actionData?: { fieldErrors: FieldErrors; values: Record<string, string>; message: string | null };
}) {
  const { t } = useTranslation("compare");
  const locale = useLocale();
  const percent = formatPermilleAsPercent(content.permille, locale);
  const measure = t(`content.measure.${content.measure}`);
  return (
    <section aria-labelledby="expected-content" className="rounded border border-gray-200 bg-white p-3">
      <h2 id="expected-content" className="text-lg font-bold">
        {t("content.title", { measure })}: {percent}
      </h2>
      <p>{content.source === "listing" ? t("content.stated", { measure, percent }) : t("content.basis", { measure, percent })}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {canSet ? (
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="expectedContent" />
          <div className="w-64">
            <TextField
              name="expectedContent"
              inputMode="decimal"
              label={t("content.label", { measure })}
              hint={t("content.hint")}
              defaultValue={actionData ? (actionData.values.expectedContent ?? "") : content.input}
              error={actionData?.fieldErrors.expectedContent}
            />
          </div>
          <Button variant="secondary">{t("content.save", { measure })}</Button>
        </Form>
      ) : null}
    </section>
  );
}
