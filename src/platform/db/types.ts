import type { ColumnType, Generated } from 'kysely';

export type { Generated };
/** A jsonb column: read as T, written as a JSON string (use `json()`). */
export type Json<T> = ColumnType<T, string, string>;
/** A date column: ISO "YYYY-MM-DD" strings both ways. */
export type DateString = string;
/** A timestamptz column with a database default. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Serialise a value for a jsonb parameter (node-postgres would turn JS arrays into SQL arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
/** A nullable timestamptz column. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
