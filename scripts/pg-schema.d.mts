export const SOURCE: string;
export const TARGET: string;
/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(source: string): string;
