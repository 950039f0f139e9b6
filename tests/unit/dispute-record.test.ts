// A dispute as its readers see it, rendered in both languages: the statement,
// the answer, the outcome and the log, then the step forms given to it (the route gives them).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DisputeRecord, type DisputeView } from "~/components/dispute-record";
import { I18nextProvider } from "~/utils/i18n-react";
import { i18nFor } from "~/utils/i18n.server";
import type { Locale } from "~/utils/i18n";

const dispute: DisputeView = {
  id: "d1",
  category: "quality",
  raisedByParty: "fo",
  raisedBy: "ນາງ ແສງ",
  statement: "The moisture was measured on a wet scale.",
  createdAt: "2026-11-02T03:00:00.000Z",
  answer: "We measured twice.",
  answeredAt: "2026-11-03T03:00:00.000Z",
  status: "resolved",
  outcome: "Measured again at the district office.",
  resolvedAt: "2026-11-05T03:00:00.000Z",
  entries: [{ id: "e1", kind: "mediation", note: "Both parties met.", author: "Facilitator", createdAt: "2026-11-04T03:00:00.000Z" }],
};

const render = (locale: Locale, view: DisputeView, children?: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(locale) }, createElement(DisputeRecord, { dispute: view }, children)));

describe("a dispute's record", () => {
  for (const locale of ["lo", "en"] as const)
    it(`shows what was raised, answered and decided, and the log, in ${locale}`, () => {
      const t = i18nFor(locale).getFixedT(locale, "disputes");
      const html = render(locale, dispute);
      for (const text of [
        dispute.statement,
        dispute.answer!,
        dispute.outcome!,
        "Both parties met.",
        t("item.statement"),
        t("item.outcome"),
        t(`status.resolved`),
      ])
        expect(html).toContain(text.replace(/'/g, "&#x27;"));
      expect(html).not.toContain(t("item.noAnswer"));
      expect(html).not.toMatch(/disputes:|item\.|status\./);
    });

  it("says when there is no answer and no step yet, and shows no outcome", () => {
    const t = i18nFor("en").getFixedT("en", "disputes");
    const html = render("en", { ...dispute, answer: null, answeredAt: null, outcome: null, resolvedAt: null, status: "open", entries: [] });
    expect(html).toContain(t("item.noAnswer"));
    expect(html).toContain(t("item.logEmpty"));
    expect(html).not.toContain(t("item.outcome"));
  });

  it("puts the step forms it is given inside the record, after the log", () => {
    const html = render("en", dispute, createElement("form", { method: "post" }, "the answer form"));
    expect(html).toMatch(/<article[^>]*>[\s\S]*Both parties met\.[\s\S]*<form method="post">the answer form<\/form><\/article>$/);
  });
});
