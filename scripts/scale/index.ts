// `npm run db:scale -- --scale N`: grows a copy of the seeded demo database to
// N times the programme's size (sizes.ts), deterministic from --seed and
// --now, and checks the result against the schema's constraints and the
// portal's invariants before saying it is done. The demo database itself is
// never changed; the output file is replaced.
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { generateCompanies } from "./companies";
import { backdateDemo } from "./backdate";
import { loadWorld } from "./context";
import { generateContracts } from "./contracts";
import { generateFacilitators } from "./facilitators";
import { IdFactory } from "./ids";
import { generateMarket } from "./market";
import { Inbox, writeNotifications } from "./notifications";
import { parseOptions, USAGE, UsageError, type ScaleOptions } from "./options";
import { MemberWriter, generateOrganisations } from "./organisations";
import { generateReferencePrices } from "./prices";
import { Progress } from "./progress";
import { Random } from "./random";
import { checkSchema } from "./schema-check";
import { writeSessions } from "./sessions";
import { sizesAt } from "./sizes";
import { copyDatabase, ensureSource, migrate } from "./source";
import { Writer } from "./tables";
import { Users } from "./users";
import { verifyDatabase, type Verification } from "./verify";
import { generateVillages } from "./villages";

export interface ScaleResult extends Verification {
  out: string;
  seconds: number;
}

export async function growDatabase(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const sizes = sizesAt(options.scale);
  const started = performance.now();
  if (ensureSource(options.from)) log(`Created the demo database ${options.from} (migrate and seed).`);
  const now = options.nowIsDefault ? new Date() : options.now;
  copyDatabase(options.from, options.out);
  const migrated = migrate(options.out);
  if (migrated.length) log(`Applied ${migrated.length} pending migration(s) to the copy.`);

  const db = new Database(options.out);
  try {
    // A file being built from nothing: a crash means running again, so no journal.
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -262144");
    const schema = checkSchema(db);
    if (schema.defaulted.length) log(`Columns left to their default: ${schema.defaulted.join(", ")}`);

    const world = loadWorld(db, now);
    const writer = new Writer(db);
    const rng = new Random(options.seed);
    const ids = new IdFactory(rng.fork("ids"));
    const users = new Users(world, writer, ids, rng.fork("users"));
    const inbox = new Inbox();
    const progress = new Progress(writer, log);
    log(`Scale ${options.scale} (seed ${options.seed}, dated from ${now.toISOString()}) into ${options.out}`);

    const step = async (name: string, work: () => unknown) => {
      progress.begin(name);
      await work();
      progress.end(name);
    };
    db.exec("BEGIN");
    // Rows refer to each other both ways (an offer to its accepted revision): check keys at commit.
    db.pragma("defer_foreign_keys = ON");
    try {
      backdateDemo(db, world);
      await step("villages", () => generateVillages(world, writer, ids, rng.fork("villages"), sizes.villages));
      await step("facilitators", () => generateFacilitators(world, writer, users, rng.fork("facilitators"), sizes.facilitators));
      await step("companies", () => generateCompanies(world, writer, users, ids, rng.fork("companies"), sizes.companies));
      await step("organisations and households", () =>
        generateOrganisations(
          world,
          writer,
          users,
          new MemberWriter(world, writer, ids, rng.fork("members")),
          ids,
          rng.fork("organisations"),
          sizes.organisations,
          sizes.members,
        ),
      );
      await step("reference prices", () => generateReferencePrices(world, writer, ids, rng.fork("prices"), sizes.referencePrices));
      let deals: Awaited<ReturnType<typeof generateMarket>>["deals"] = [];
      await step("listings, pledges and offers", () => {
        const market = generateMarket(world, writer, ids, rng.fork("market"), inbox, sizes);
        deals = market.deals;
        if (market.offersShort || market.contractsShort) log(`  (${market.offersShort} offers and ${market.contractsShort} contracts had no eligible company)`);
      });
      await step("contracts, deliveries, payments and disputes", () => generateContracts(world, writer, ids, rng.fork("contracts"), inbox, deals));
      await step("notifications", () => writeNotifications(world, writer, ids, rng.fork("notifications"), inbox, sizes.notifications));
      const signIns = [
        world.demo.leader,
        world.demo.trader,
        world.demo.facilitator,
        ...world.facilitators,
        ...world.organisations.flatMap((o) => o.leaders.map((l) => l.user)),
        ...world.companies.flatMap((c) => c.staff.map((s) => s.user)),
      ].map((u) => u.id);
      await step("sessions", () => writeSessions(world, writer, ids, rng.fork("sessions"), sizes.sessions, signIns));
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }

    progress.begin("statistics for the query planner");
    db.exec("ANALYZE");
    progress.end("statistics for the query planner");
    progress.begin("checks");
    const verification = verifyDatabase(db, { quick: options.quickCheck ?? options.scale >= 2, now });
    progress.end("checks");
    db.pragma("journal_mode = WAL");
    return { ...verification, out: options.out, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const result = await growDatabase(options);
  const width = Math.max(...Object.keys(result.counts).map((t) => t.length));
  for (const [table, n] of Object.entries(result.counts)) if (n > 0) console.log(`  ${table.padEnd(width)} ${n.toLocaleString("en").padStart(11)}`);
  if (result.problems.length) {
    console.error(`\nThe data set fails its checks:\n  ${result.problems.join("\n  ")}`);
    return 1;
  }
  console.log(`\n${result.out} is ready (${result.seconds.toFixed(0)} s). Benchmark it: npm run bench -- --db ${result.out}`);
  return 0;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
