/** SQL of the request rate limits shared by the app nodes (table rate_limit_windows, migration 0052). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface WindowState {
  /** Requests counted in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * Count one request of `key`: a new window of `windowMs` starts when there is none or the last one
 * has ended. One statement (insert or update of one row), atomic across nodes. (A statement that
 * waited for a concurrent one may see a window that started after its own now(): the remaining
 * time is capped at the window.)
 */
export async function hitWindow(db: Kysely<DB>, key: string, windowMs: number): Promise<WindowState> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_windows AS w (key, hits, expires_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}::float8))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN w.expires_at <= now() THEN 1 ELSE w.hits + 1 END,
      expires_at = CASE WHEN w.expires_at <= now() THEN now() + make_interval(secs => ${windowMs / 1000}::float8) ELSE w.expires_at END
    RETURNING w.hits, least(${windowMs}::int, greatest(0, ceil(extract(epoch FROM w.expires_at - now()) * 1000)))::int AS ttl_ms`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/** The current window of `key` without counting (zero hits when none is running). */
export async function readWindow(db: Kysely<DB>, key: string): Promise<WindowState> {
  const row = await db
    .selectFrom('rate_limit_windows')
    .select(['hits', sql<number>`greatest(0, ceil(extract(epoch FROM expires_at - now()) * 1000))::int`.as('ttl_ms')])
    .where('key', '=', key)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? { hits: row.hits, ttlMs: row.ttl_ms } : { hits: 0, ttlMs: 0 };
}

/** Delete up to `limit` ended windows; returns how many. */
export async function pruneWindows(db: Kysely<DB>, limit: number): Promise<number> {
  const result = await sql`
    DELETE FROM rate_limit_windows
    WHERE key IN (SELECT key FROM rate_limit_windows WHERE expires_at <= now() ORDER BY expires_at LIMIT ${limit}::int FOR UPDATE SKIP LOCKED)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
