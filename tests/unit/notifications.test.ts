import { describe, expect, it, vi } from "vitest";
import { createJobTrigger } from "~/domain/notifications/jobs.server";
import { formatDateTime, listingTitle, notificationKinds, renderNotification } from "~/domain/notifications/kinds";
import { LogTransport } from "~/domain/notifications/transport.server";
import { resources } from "~/locales";
import { i18nFor } from "~/utils/i18n.server";

const render = (locale: "lo" | "en", kind: string, params: unknown) => renderNotification(i18nFor(locale).t, locale, kind, params);

describe("rendering a notification", () => {
  const params = { listingLo: "ສາລີ ຊັ້ນ 1, 12,000 ກິໂລ", listingEn: "Maize Grade 1, 12,000 kg", company: "Hongsa Feed Co.", price: 3100 };

  it("writes English for an English reader, with the amount formatted", () => {
    expect(render("en", "offer_received", params)).toEqual({
      title: "New offer: Maize Grade 1, 12,000 kg",
      body: "Hongsa Feed Co. offers 3,100 LAK per kg for your listing Maize Grade 1, 12,000 kg. Compare it with the other offers before you answer.",
    });
  });

  it("writes Lao for a Lao reader, picking the Lao listing title", () => {
    const { title, body } = render("lo", "offer_received", params);
    expect(title).toBe("ມີຂໍ້ສະເໜີໃໝ່: ສາລີ ຊັ້ນ 1, 12,000 ກິໂລ");
    expect(body).toContain("3.100 ກີບ");
    expect(body).toContain("Hongsa Feed Co.");
  });

  it("reads the params from their stored JSON", () => {
    expect(render("en", "offer_withdrawn", JSON.stringify(params)).body).toBe("Hongsa Feed Co. withdrew its offer for Maize Grade 1, 12,000 kg.");
  });

  it("shows a deadline as date and time in Vientiane", () => {
    const deadline = "2026-03-05T09:30:00.000Z";
    expect(render("en", "listing_expiring", { ...params, deadline }).body).toContain("until 05/03/2026, 16:30.");
    expect(render("lo", "listing_expiring", { ...params, deadline }).body).toContain("05/03/2026, 16:30");
    expect(formatDateTime("not a date", "en")).toBe("—");
  });

  it("falls back to the other language, then a dash, for missing params", () => {
    expect(render("lo", "offer_rejected", { listingEn: "Maize" }).title).toBe("ຂໍ້ສະເໜີບໍ່ໄດ້ຮັບການຍອມຮັບ: Maize");
    expect(render("en", "offer_withdrawn", {}).body).toBe("— withdrew its offer for —.");
    expect(render("en", "offer_withdrawn", "{broken").body).toBe("— withdrew its offer for —.");
  });

  it("renders a kind it does not know as a neutral message", () => {
    expect(render("en", "retired_kind", {})).toEqual({ title: "Message", body: "This message cannot be shown any more." });
  });

  it("has a title and body in both languages for every kind, using exactly its params", () => {
    for (const [kind, spec] of Object.entries(notificationKinds)) {
      for (const lang of ["en", "lo"] as const) {
        const texts = (resources[lang].notifications.kinds as Record<string, { title: string; body: string }>)[kind];
        expect(texts, `${lang} ${kind}`).toBeDefined();
        const used = new Set([...`${texts!.title} ${texts!.body}`.matchAll(/{{(\w+)}}/g)].map((m) => m[1]));
        expect([...used].sort(), `${lang} ${kind}`).toEqual(Object.keys(spec).sort());
      }
    }
  });

  it("titles a listing in both languages", () => {
    expect(listingTitle({ crop: { nameLo: "ສາລີ", nameEn: "Maize" }, grade: { nameLo: "ຊັ້ນ 1", nameEn: "Grade 1" }, totalKg: 12000 })).toEqual({
      listingLo: "ສາລີ ຊັ້ນ 1, 12.000 ກິໂລ",
      listingEn: "Maize Grade 1, 12,000 kg",
    });
  });
});

describe("the log transport", () => {
  it("prints one line per message and keeps the latest in memory", async () => {
    const lines: string[] = [];
    const transport = new LogTransport({ print: (l) => lines.push(l), keep: 2 });
    await transport.send({ channel: "email", recipient: "a@test.la", subject: "Hello", body: "two\nlines" });
    await transport.send({ channel: "sms", recipient: "8562055551234", subject: null, body: "b" });
    await transport.send({ channel: "sms", recipient: "8562055551234", subject: null, body: "c" });
    expect(lines[0]).toBe("[outbox] email to a@test.la: Hello | two lines");
    expect(lines).toHaveLength(3);
    expect(transport.sent.map((m) => m.body)).toEqual(["b", "c"]);
  });
});

describe("the scheduled-work trigger", () => {
  it("starts at most once a minute, never twice at once, and reports failures without throwing", async () => {
    let release: () => void = () => {};
    const run = vi.fn(() => new Promise<void>((r) => (release = r)));
    const onError = vi.fn();
    const trigger = createJobTrigger(run, { intervalMs: 60_000, onError });
    expect(trigger(1_000_000)).toBe(true);
    expect(trigger(1_000_001)).toBe(false); // within the minute
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(trigger(1_070_000)).toBe(false); // a minute later, but still running
    release();
    await vi.waitFor(() => expect(trigger(1_080_000)).toBe(true));
    expect(run).toHaveBeenCalledTimes(2);
    release();

    const failing = createJobTrigger(() => Promise.reject(new Error("database locked")), { onError });
    expect(failing(0)).toBe(true);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "database locked" })));
  });
});

describe("amounts in a notice", () => {
  it("are written in the terms' currency, kip when the notice names none, and never a currency it does not know", () => {
    const params = { number: "SSJ-2026-0100", company: "Siam Feed", amount: 200_050 };
    expect(render("en", "payment_recorded", { ...params, currency: "THB" }).body).toContain("a payment of 2,000.50 THB under");
    expect(render("lo", "payment_recorded", { ...params, currency: "THB" }).body).toContain("2.000,50 ບາດ");
    expect(render("en", "payment_recorded", params).body).toContain("a payment of 200,050 LAK under");
    expect(render("en", "payment_recorded", { ...params, currency: "USD" }).body).toContain("a payment of — under");
  });
});
