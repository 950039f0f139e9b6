import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db-adapter";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  SESSION_SECRET: z
    .string({ error: "SESSION_SECRET is not set: the portal needs it to sign session cookies (npm start creates one under data/)." })
    .min(16, { error: "SESSION_SECRET must be at least 16 characters long." }),
  /** "true" when the portal is served over HTTPS, so cookies are sent only there. */
  SESSION_COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** contracts worth at least this many LAK need a facilitator's signature as witness */
  WITNESS_THRESHOLD_LAK: z
    .string()
    .regex(/^\d{1,15}$/, { error: "WITNESS_THRESHOLD_LAK must be a whole number of LAK." })
    .default("100000000")
    .transform((v) => BigInt(v)),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parsed on first use; a missing secret stops the server with a clear message. */
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`The portal cannot start; its environment is incomplete:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The witness threshold alone: contract generation also runs in the seed
 * script, which has no session secret and must not need one.
 */
export function witnessThresholdLak(): bigint {
  return EnvSchema.shape.WITNESS_THRESHOLD_LAK.parse(process.env.WITNESS_THRESHOLD_LAK);
}
