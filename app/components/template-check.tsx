import type { TemplateCheck } from "~/domain/contracts/template-check";
import { useTranslation } from "~/utils/i18n-react";

/** The completeness check of a template version, one line per thing checked, what fails first. */
export function TemplateCheckList({ check }: { check: TemplateCheck | null }) {
  const { t } = useTranslation("templates");
  const language = (locale: string) => t(`check.language.${locale}`);
  const items = check ? [...check.items].sort((a, b) => Number(a.ok) - Number(b.ok)) : [];
  return (
    <section id="check" aria-labelledby="check-heading" className="rounded border border-gray-200 bg-white p-3">
      <h2 id="check-heading" className="text-xl font-bold">
        {t("check.title")}
      </h2>
      <p className={`mt-1 font-semibold ${check?.passed ? "text-green-800" : "text-red-800"}`} data-check={check?.passed ? "passed" : "failed"}>
        {!check ? t("check.unknown") : check.passed ? t("check.passed") : t("check.failed", { count: check.items.filter((i) => !i.ok).length })}
      </p>
      <ul className="mt-2 flex flex-col gap-1">
        {items.map((item, i) => {
          const label =
            item.kind === "legalBasis"
              ? item.ok
                ? t("check.legalBasis")
                : t("check.legalBasisMissing", { languages: item.missing.map(language).join(", ") })
              : item.kind === "clause"
                ? item.ok
                  ? t("check.clause", { clause: t(`check.clauses.${item.key}`) })
                  : t("check.clauseMissing", { clause: t(`check.clauses.${item.key}`), fields: item.missing.map((f) => t(`check.fields.${f}`)).join(", ") })
                : item.kind === "placeholders"
                  ? t(item.ok ? "check.placeholders" : "check.placeholdersBroken", { language: language(item.locale) })
                  : t(`check.summary.${item.what}`, { language: language(item.locale) });
          return (
            <li key={i} className={item.ok ? "" : "font-semibold text-red-800"} data-ok={item.ok ? "yes" : "no"}>
              <span aria-hidden="true">{item.ok ? "✓ " : "✗ "}</span>
              <span className="sr-only">{item.ok ? t("check.ok") : t("check.notOk")}: </span>
              {label}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
