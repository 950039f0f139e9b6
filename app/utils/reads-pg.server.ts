// The prepared reads (./reads.server) on PostgreSQL. The page modules write
// their SQL once, as SQLite reads it: bare camelCase identifiers (User,
// r.districtId, AS lastAt), `?` placeholders. PostgreSQL folds bare names to
// lower case, so the text is rewritten once per statement: every bare word
// with both cases is quoted, and `?` becomes `$1…$n`. Values come back as the
// SQLite reads give them: instants as Prisma's SQLite text ("…+00:00"),
// booleans as 1/0, integers and sums as numbers (bigints in `allExact`).
import { createHash } from "node:crypto";
import pg from "pg";
import type { Reads, SqlValue } from "./reads.server";

const OID = { bool: 16, int8: 20, int2: 21, int4: 23, numeric: 1700, timestamp: 1114, timestamptz: 1184 } as const;
const INTEGER_OIDS: ReadonlySet<number> = new Set([OID.int8, OID.int2, OID.int4, OID.numeric]);

/** SQLite-flavoured read SQL as PostgreSQL reads it (see the header). */
export function toPostgresSql(sql: string): string {
  let out = "";
  let n = 0;
  // String literals and quoted identifiers pass through untouched.
  const token = /('(?:[^']|'')*'|"(?:[^"]|"")*")|(\?)|([A-Za-z_][A-Za-z0-9_]*)/g;
  let last = 0;
  for (let m = token.exec(sql); m; m = token.exec(sql)) {
    out += sql.slice(last, m.index);
    last = token.lastIndex;
    if (m[1]) out += m[1];
    else if (m[2]) out += `$${++n}`;
    else {
      const word = m[3]!;
      out += /[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word;
    }
  }
  return out + sql.slice(last);
}

/** A timestamp as PostgreSQL prints it, in the form Prisma stores instants on SQLite. */
export function sqliteInstant(text: string): string {
  // timestamptz prints its offset as "+07" or "+05:30"; timestamp has none (UTC).
  const iso = text.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`).toISOString().replace("Z", "+00:00");
}

const rawText = (value: string) => value;
const typeParsers = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === OID.timestamp || oid === OID.timestamptz) return sqliteInstant;
    if (oid === OID.bool) return (value: string) => (value === "t" ? 1 : 0);
    if (INTEGER_OIDS.has(oid)) return rawText;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

type Field = { name: string; dataTypeID: number };

function convert(rows: Record<string, unknown>[], fields: Field[], exact: boolean): Record<string, unknown>[] {
  const numeric = fields.filter((f) => INTEGER_OIDS.has(f.dataTypeID));
  if (numeric.length === 0) return rows;
  for (const row of rows)
    for (const { name } of numeric) {
      const value = row[name];
      if (typeof value !== "string") continue;
      row[name] = exact && /^-?\d+$/.test(value) ? BigInt(value) : Number(value);
    }
  return rows;
}

export function createPgReads(url: string): Reads {
  const pool = new pg.Pool({ connectionString: url, types: typeParsers, max: 10 });
  // An idle connection the server closed (a restart, a failover) is dropped and
  // replaced on the next read; unheard, its error would end the process.
  pool.on("error", (error) => console.error("[reads] idle PostgreSQL connection lost:", error.message));
  const texts = new Map<string, { name: string; text: string }>();
  const statement = (sql: string) => {
    let s = texts.get(sql);
    if (!s) texts.set(sql, (s = { name: `r${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`, text: toPostgresSql(sql) }));
    return s;
  };
  const run = async (sql: string, params: SqlValue[], exact: boolean) => {
    const { name, text } = statement(sql);
    const values = params.map((p) => (typeof p === "bigint" ? p.toString() : p));
    const result = await pool.query({ name, text, values });
    return convert(result.rows as Record<string, unknown>[], result.fields, exact);
  };
  return {
    all: async <T>(sql: string, ...params: SqlValue[]) => (await run(sql, params, false)) as T[],
    get: async <T>(sql: string, ...params: SqlValue[]) => (await run(sql, params, false))[0] as T | undefined,
    allExact: async <T>(sql: string, ...params: SqlValue[]) => (await run(sql, params, true)) as T[],
    close: () => void pool.end(),
  };
}
