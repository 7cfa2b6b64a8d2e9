import fs from 'node:fs';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../log.js';

/** migrations/ at the package root (same depth from src/ and dist/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql: text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

// Any constant: serialises concurrent start-ups of several app nodes on one database.
const LOCK_KEY = 7_171_717;

/**
 * Apply pending forward-only migrations, each in its own transaction.
 * An applied migration whose file changed is an error: migrations are never edited once shipped.
 */
export async function migrate(db: Kysely<any>, logger?: Logger, files = readMigrations()): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(conn);
      const applied = await sql<{ version: string; checksum: string }>`SELECT version, checksum FROM schema_migrations`.execute(conn);
      const known = new Map(applied.rows.map((r) => [r.version, r.checksum]));
      const done: string[] = [];
      for (const m of files) {
        const checksum = known.get(m.version);
        if (checksum !== undefined) {
          if (checksum !== m.checksum) {
            throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        const started = Date.now();
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, ${m.name}, ${m.checksum})`.execute(trx);
        });
        logger?.info({ migration: `${m.version}_${m.name}`, ms: Date.now() - started }, 'migration applied');
        done.push(m.version);
      }
      return done;
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

/** Versions present on disk but not applied (used by /readyz). */
export async function pendingMigrations(db: Kysely<any>, files = readMigrations()): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return files.map((f) => f.version);
  const applied = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(db);
  const set = new Set(applied.rows.map((r) => r.version));
  return files.filter((f) => !set.has(f.version)).map((f) => f.version);
}
