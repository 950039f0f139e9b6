import type { ToDoEntry, ToDoGroup } from "~/domain/to-do/to-do";
import { formatDate, formatKg } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

/** Whose list it is: the words differ (the FO confirms payments, the trader is countered by the FO). */
export type ToDoRole = "fo" | "trader" | "facilitator";

function label(entry: ToDoEntry, role: ToDoRole, t: (key: string, values?: Record<string, unknown>) => string, locale: "lo" | "en") {
  const values = {
    crop: entry.crop,
    kg: entry.kg === undefined ? undefined : formatKg(entry.kg, locale),
    number: entry.number,
    party: entry.party,
    date: entry.deadline ? formatDate(entry.deadline, locale) : undefined,
  };
  const key = role === "fo" && entry.kind === "expiring" && entry.count === 0 ? "expiringBare" : entry.kind;
  return t(`todo.${role}.${key}`, values);
}

/**
 * The top of a dashboard: each thing waiting, with how many and one link to
 * the page where it is done. Plain anchors: pages are not hydrated
 * (docs/decisions/0006), so a tap is an ordinary request.
 */
export function ToDoList({ groups, role }: { groups: ToDoGroup[]; role: ToDoRole }) {
  const { t } = useTranslation("dashboard");
  const locale = useLocale();
  return (
    <section aria-labelledby="to-do-title" className="flex flex-col gap-2 rounded border-2 border-brand-600 bg-white p-4">
      <h2 id="to-do-title" className="text-lg font-bold">
        {t("todo.title")}
      </h2>
      {groups.length === 0 ? (
        <p>{t("todo.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {groups.map((g) => (
            <li key={g.kind} className="flex flex-col gap-1">
              <ul className="flex flex-col gap-1">
                {g.entries.map((e) => (
                  <li key={e.href}>
                    <a href={e.href} className="flex min-h-11 items-center gap-3 rounded px-1 py-1 text-brand-800 hover:bg-brand-50">
                      <span className="inline-flex min-w-9 shrink-0 justify-center rounded-full bg-brand-700 px-2 py-0.5 font-bold text-white">
                        {e.more ? `${e.count}+` : e.count}
                      </span>
                      <span className="font-semibold underline">{label(e, role, t, locale)}</span>
                    </a>
                  </li>
                ))}
              </ul>
              {g.moreHref ? (
                <a href={g.moreHref} className="ml-13 text-sm text-brand-700 underline">
                  {t("todo.seeAll")}
                </a>
              ) : g.more ? (
                <p className="ml-13 text-sm text-gray-700">{t("todo.moreLater")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
