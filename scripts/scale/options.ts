// Command-line options of `npm run db:scale`, parsed with node:util parseArgs;
// a wrong option stops the run before any file is touched.
import { parseArgs } from "node:util";

export interface ScaleOptions {
  /** multiplies the programme's size; fractions allowed */
  scale: number;
  seed: string;
  /** the seeded demo database to start from */
  from: string;
  /** the database to write (overwritten) */
  out: string;
  /** the moment the data set is dated from */
  now: Date;
  /**
   * true when --now was not given: the data set is then dated from the moment
   * it starts being written, after the demo database it grows was seeded, so that
   * nothing the seed wrote is dated after it
   */
  nowIsDefault?: boolean;
  /** quick_check instead of integrity_check (default from the size of the data set) */
  quickCheck?: boolean;
  log?: (line: string) => void;
}

export const USAGE = `Usage: npm run db:scale -- --scale N [options]

  --scale N     the programme's size times N (any positive number, e.g. 10 or 0.01)
  --seed S      seed of the random choices (default 1): same seed and --now, same data set
  --from FILE   seeded demo database to start from (default data/portal.db; created when missing)
  --out FILE    database to write, overwritten (default data/scale-<N>.db)
  --now ISO     the moment every date is relative to (default: the time of the run)
`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): ScaleOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scale: { type: "string" },
        seed: { type: "string" },
        from: { type: "string" },
        out: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  if (values.scale === undefined) throw new UsageError("--scale is required.");
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) throw new UsageError(`--scale must be a positive number, not "${values.scale}".`);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date-time, not "${values.now}".`);
  return {
    scale,
    seed: values.seed ?? "1",
    from: values.from ?? "data/portal.db",
    out: values.out ?? `data/scale-${values.scale}.db`,
    now,
    nowIsDefault: values.now === undefined,
  };
}
