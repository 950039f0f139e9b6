// Which transport each channel uses, read from the environment once. The log
// transport stays the default, so a demo or a test run never reaches an SMS
// centre by accident. MESSAGE_TRANSPORT=live sends both channels for real;
// SMS_TRANSPORT and EMAIL_TRANSPORT choose per channel and win over it.
// Every error names the variable to fix.
import { z } from "zod";

const flag = (name: string) => z.enum(["0", "1", "true", "false"], { error: `${name} must be 1 or 0.` }).transform((v) => v === "1" || v === "true");

const intIn = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int({ error: `${name} must be a whole number.` })
    .min(min, { error: `${name} must be at least ${min}.` })
    .max(max, { error: `${name} must be at most ${max}.` });

const required = (name: string, what: string) =>
  z
    .string({ error: `${name} is required: ${what}.` })
    .trim()
    .min(1, { error: `${name} is required: ${what}.` });

const EnvSchema = z.object({
  MESSAGE_TRANSPORT: z.enum(["log", "live"], { error: 'MESSAGE_TRANSPORT must be "log" or "live".' }).default("log"),
  SMS_TRANSPORT: z.enum(["log", "smpp"], { error: 'SMS_TRANSPORT must be "log" or "smpp".' }).optional(),
  EMAIL_TRANSPORT: z.enum(["log", "smtp"], { error: 'EMAIL_TRANSPORT must be "log" or "smtp".' }).optional(),
  OUTBOX_PER_RUN: intIn("OUTBOX_PER_RUN", 1, 1000).default(100),
});

const SmppSchema = z.object({
  SMPP_HOST: required("SMPP_HOST", "the SMS centre's host name"),
  SMPP_PORT: intIn("SMPP_PORT", 1, 65535).default(2775),
  SMPP_TLS: flag("SMPP_TLS").default(false),
  SMPP_SYSTEM_ID: required("SMPP_SYSTEM_ID", "the account the SMS centre gave the portal").max(15, { error: "SMPP_SYSTEM_ID must be at most 15 characters." }),
  SMPP_PASSWORD: required("SMPP_PASSWORD", "the password of that account").max(8, { error: "SMPP_PASSWORD must be at most 8 characters (SMPP 3.4)." }),
  SMPP_SYSTEM_TYPE: z.string().max(12, { error: "SMPP_SYSTEM_TYPE must be at most 12 characters." }).default(""),
  SMPP_BIND: z.enum(["transceiver", "transmitter"], { error: 'SMPP_BIND must be "transceiver" or "transmitter".' }).default("transceiver"),
  SMPP_SOURCE_ADDR: required("SMPP_SOURCE_ADDR", "the sender id households see").regex(/^(\+?\d{1,15}|[A-Za-z0-9 ]{1,11})$/, {
    error: "SMPP_SOURCE_ADDR must be a number of up to 15 digits or a name of up to 11 letters and digits.",
  }),
  SMPP_TIMEOUT_MS: intIn("SMPP_TIMEOUT_MS", 1000, 120_000).default(15_000),
  SMS_PER_SECOND: intIn("SMS_PER_SECOND", 1, 100).default(5),
});

const SmtpSchema = z
  .object({
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// address." }).optional(),
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: intIn("SMTP_PORT", 1, 65535).optional(),
    SMTP_SECURE: z.enum(["tls", "starttls", "none"], { error: 'SMTP_SECURE must be "tls", "starttls" or "none".' }).optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_FROM: required("SMTP_FROM", 'the sender address ("Portal <no-reply@example.la>")'),
    SMTP_TIMEOUT_MS: intIn("SMTP_TIMEOUT_MS", 1000, 120_000).default(30_000),
  })
  .refine((env) => env.SMTP_URL || env.SMTP_HOST, { error: "SMTP_HOST (or SMTP_URL) is required: the mail server's host name.", path: ["SMTP_HOST"] })
  .refine((env) => !env.SMTP_PASSWORD || env.SMTP_USER || env.SMTP_URL, { error: "SMTP_USER is required when SMTP_PASSWORD is set.", path: ["SMTP_USER"] });

export type SmppConfig = {
  kind: "smpp";
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  systemType: string;
  bind: "transceiver" | "transmitter";
  sourceAddr: string;
  timeoutMs: number;
  perSecond: number;
};

export type SmtpConfig = {
  kind: "smtp";
  url?: string;
  host?: string;
  port: number;
  /** tls: TLS from the start (port 465); starttls: plain, then required STARTTLS; none: plain (a local relay only) */
  secure: "tls" | "starttls" | "none";
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
};

export type TransportConfig = {
  sms: { kind: "log" } | SmppConfig;
  email: { kind: "log" } | SmtpConfig;
  /** the most messages one run of the dispatcher sends (the jobs run every minute) */
  perRun: number;
};

type Env = Record<string, string | undefined>;

function parse<T>(schema: z.ZodType<T>, env: Env): T {
  // An empty variable is as good as unset: .env files often carry "SMPP_PORT=".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new Error(`Message transport configuration: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  return parsed.data;
}

function smtpConfig(env: Env): SmtpConfig {
  const e = parse(SmtpSchema, env);
  const urlSecure = e.SMTP_URL?.startsWith("smtps:") ? "tls" : undefined;
  const port = e.SMTP_PORT ?? (e.SMTP_URL ? Number(new URL(e.SMTP_URL).port) || undefined : undefined);
  const secure = e.SMTP_SECURE ?? urlSecure ?? (port === 465 ? "tls" : "starttls");
  return {
    kind: "smtp",
    url: e.SMTP_URL,
    host: e.SMTP_HOST,
    port: port ?? (secure === "tls" ? 465 : 587),
    secure,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
    from: e.SMTP_FROM,
    timeoutMs: e.SMTP_TIMEOUT_MS,
  };
}

function smppConfig(env: Env): SmppConfig {
  const e = parse(SmppSchema, env);
  return {
    kind: "smpp",
    host: e.SMPP_HOST,
    port: e.SMPP_PORT,
    tls: e.SMPP_TLS,
    systemId: e.SMPP_SYSTEM_ID,
    password: e.SMPP_PASSWORD,
    systemType: e.SMPP_SYSTEM_TYPE,
    bind: e.SMPP_BIND,
    sourceAddr: e.SMPP_SOURCE_ADDR,
    timeoutMs: e.SMPP_TIMEOUT_MS,
    perSecond: e.SMS_PER_SECOND,
  };
}

/** Reads the transports from the environment; throws one message naming every variable that is wrong. */
export function loadTransportConfig(env: Env): TransportConfig {
  const base = parse(EnvSchema, env);
  const live = base.MESSAGE_TRANSPORT === "live";
  const sms = base.SMS_TRANSPORT ?? (live ? "smpp" : "log");
  const email = base.EMAIL_TRANSPORT ?? (live ? "smtp" : "log");
  return {
    sms: sms === "smpp" ? smppConfig(env) : { kind: "log" },
    email: email === "smtp" ? smtpConfig(env) : { kind: "log" },
    perRun: base.OUTBOX_PER_RUN,
  };
}
