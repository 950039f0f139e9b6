// Compares the column lists of tables.ts with the schema of the database being
// grown, before anything is written: the schema changes under the generator,
// and a missing NOT NULL column would otherwise surface as a confusing SQLite
// error half way through a long run. Columns the generator does not know but
// that have a default are reported and left to their default.
import type Database from "better-sqlite3";
import { COLUMNS, type TableName } from "./tables";

export interface SchemaReport {
  /** "Table.column" the generator leaves to the column's default */
  defaulted: string[];
  /** tables in the database that the generator does not fill (copied as they are) */
  untouchedTables: string[];
}

type ColumnInfo = { name: string; notnull: number; dflt_value: string | null; pk: number };

export function checkSchema(db: Database.Database): SchemaReport {
  const problems: string[] = [];
  const defaulted: string[] = [];
  for (const table of Object.keys(COLUMNS) as TableName[]) {
    const info = db.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
    if (info.length === 0) {
      problems.push(`table ${table} no longer exists`);
      continue;
    }
    const known = new Set<string>(COLUMNS[table]);
    const present = new Set(info.map((c) => c.name));
    for (const column of COLUMNS[table]) if (!present.has(column)) problems.push(`column ${table}.${column} no longer exists`);
    for (const c of info) {
      if (known.has(c.name)) continue;
      if (c.notnull && c.dflt_value === null && !c.pk) problems.push(`column ${table}.${c.name} is NOT NULL without a default`);
      else defaulted.push(`${table}.${c.name}`);
    }
  }
  if (problems.length) {
    throw new Error(
      `The schema no longer matches scripts/scale/tables.ts:\n  ${problems.join("\n  ")}\nAdd or remove the columns in COLUMNS (and in the step that fills the table).`,
    );
  }
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const filled = new Set<string>(Object.keys(COLUMNS));
  return { defaulted, untouchedTables: tables.filter((t) => !filled.has(t)) };
}
