import { describe, expect, it } from "vitest";
import { loadTransportConfig } from "~/domain/notifications/transport-config.server";

const smpp = { SMPP_HOST: "smsc.example.la", SMPP_SYSTEM_ID: "portal", SMPP_PASSWORD: "secret1", SMPP_SOURCE_ADDR: "SOUMSON" };
const smtp = { SMTP_HOST: "mail.example.la", SMTP_FROM: "Portal <no-reply@example.la>" };

describe("loadTransportConfig", () => {
  it("logs both channels when nothing is set, and for empty values", () => {
    expect(loadTransportConfig({})).toEqual({ sms: { kind: "log" }, email: { kind: "log" }, perRun: 100 });
    expect(loadTransportConfig({ MESSAGE_TRANSPORT: "", SMPP_PORT: "" })).toEqual({ sms: { kind: "log" }, email: { kind: "log" }, perRun: 100 });
    expect(loadTransportConfig({ OUTBOX_PER_RUN: "20" }).perRun).toBe(20);
    expect(() => loadTransportConfig({ OUTBOX_PER_RUN: "0" })).toThrow("OUTBOX_PER_RUN must be at least 1.");
  });

  it("goes live on both channels with MESSAGE_TRANSPORT=live, with defaults for what may be left out", () => {
    const config = loadTransportConfig({ MESSAGE_TRANSPORT: "live", ...smpp, ...smtp });
    expect(config.sms).toEqual({
      kind: "smpp",
      host: "smsc.example.la",
      port: 2775,
      tls: false,
      systemId: "portal",
      password: "secret1",
      systemType: "",
      bind: "transceiver",
      sourceAddr: "SOUMSON",
      timeoutMs: 15_000,
      perSecond: 5,
    });
    expect(config.email).toMatchObject({ kind: "smtp", host: "mail.example.la", port: 587, secure: "starttls", from: "Portal <no-reply@example.la>" });
  });

  it("lets each channel be chosen on its own", () => {
    expect(loadTransportConfig({ SMS_TRANSPORT: "smpp", ...smpp })).toMatchObject({ sms: { kind: "smpp" }, email: { kind: "log" } });
    expect(loadTransportConfig({ MESSAGE_TRANSPORT: "live", SMS_TRANSPORT: "log", ...smtp })).toMatchObject({ sms: { kind: "log" }, email: { kind: "smtp" } });
  });

  it("reads the SMTP port's usual security and an smtps:// address", () => {
    expect(loadTransportConfig({ EMAIL_TRANSPORT: "smtp", ...smtp, SMTP_PORT: "465" }).email).toMatchObject({ port: 465, secure: "tls" });
    expect(loadTransportConfig({ EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://u:p@mail.example.la", SMTP_FROM: "a@example.la" }).email).toMatchObject({
      url: "smtps://u:p@mail.example.la",
      secure: "tls",
      port: 465,
    });
    expect(loadTransportConfig({ EMAIL_TRANSPORT: "smtp", ...smtp, SMTP_SECURE: "none", SMTP_PORT: "25" }).email).toMatchObject({ port: 25, secure: "none" });
  });

  it("names every variable that is missing or wrong", () => {
    expect(() => loadTransportConfig({ MESSAGE_TRANSPORT: "smpp" })).toThrow('MESSAGE_TRANSPORT must be "log" or "live".');
    const missing = () => loadTransportConfig({ SMS_TRANSPORT: "smpp" });
    expect(missing).toThrow(/SMPP_HOST is required/);
    expect(missing).toThrow(/SMPP_SYSTEM_ID is required/);
    expect(missing).toThrow(/SMPP_PASSWORD is required/);
    expect(missing).toThrow(/SMPP_SOURCE_ADDR is required/);
    expect(() => loadTransportConfig({ SMS_TRANSPORT: "smpp", ...smpp, SMPP_PORT: "http" })).toThrow("SMPP_PORT must be a whole number.");
    expect(() => loadTransportConfig({ SMS_TRANSPORT: "smpp", ...smpp, SMS_PER_SECOND: "0" })).toThrow("SMS_PER_SECOND must be at least 1.");
    expect(() => loadTransportConfig({ SMS_TRANSPORT: "smpp", ...smpp, SMPP_SOURCE_ADDR: "A sender id too long" })).toThrow(
      /SMPP_SOURCE_ADDR must be a number/,
    );
    expect(() => loadTransportConfig({ SMS_TRANSPORT: "smpp", ...smpp, SMPP_BIND: "receiver" })).toThrow(/SMPP_BIND must be/);
    expect(() => loadTransportConfig({ EMAIL_TRANSPORT: "smtp", SMTP_FROM: "a@example.la" })).toThrow(/SMTP_HOST \(or SMTP_URL\) is required/);
    expect(() => loadTransportConfig({ EMAIL_TRANSPORT: "smtp", SMTP_HOST: "mail.example.la" })).toThrow(/SMTP_FROM is required/);
    expect(() => loadTransportConfig({ EMAIL_TRANSPORT: "smtp", ...smtp, SMTP_URL: "http://mail.example.la" })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadTransportConfig({ EMAIL_TRANSPORT: "smtp", ...smtp, SMTP_PASSWORD: "x" })).toThrow(/SMTP_USER is required when SMTP_PASSWORD/);
  });
});
