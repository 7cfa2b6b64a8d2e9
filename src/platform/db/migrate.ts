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

/** The table recording applied migrations (also created by a restore before it loads the backup's rows). */
export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** The database was migrated by a newer Palermo: this code does not know some applied migrations. */
export class NewerSchemaError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database schema is newer than this Palermo: migration${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ` +
        'were applied by a newer release and are unknown to this one. Run that release (or a later one); ' +
        'to go back to this release, restore a backup taken before the upgrade.',
    );
    this.name = 'NewerSchemaError';
  }
}

/** Applied versions this code does not know (a newer release migrated the database). */
export function unknownMigrations(applied: Iterable<string>, files: MigrationFile[]): string[] {
  const known = new Set(files.map((f) => f.version));
  return [...applied].filter((v) => !known.has(v)).sort();
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
      await sql.raw(MIGRATIONS_TABLE_SQL).execute(conn);
      const applied = await sql<{ version: string; checksum: string }>`SELECT version, checksum FROM schema_migrations`.execute(conn);
      const known = new Map(applied.rows.map((r) => [r.version, r.checksum]));
      const newer = unknownMigrations(known.keys(), files);
      if (newer.length) throw new NewerSchemaError(newer);
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

async function appliedVersions(db: Kysely<any>): Promise<Set<string>> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return new Set();
  const applied = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(db);
  return new Set(applied.rows.map((r) => r.version));
}

/**
 * Versions present on disk but not applied (used by /readyz). A schema newer than the code is not
 * "pending": during a rolling upgrade the old nodes keep serving after a new node migrated.
 */
export async function pendingMigrations(db: Kysely<any>, files = readMigrations()): Promise<string[]> {
  const applied = await appliedVersions(db);
  return files.filter((f) => !applied.has(f.version)).map((f) => f.version);
}

/** Migrations present on disk but not applied (`palermo migrate --dry-run`); a newer schema is an error. */
export async function pendingMigrationFiles(db: Kysely<any>, files = readMigrations()): Promise<MigrationFile[]> {
  const applied = await appliedVersions(db);
  const newer = unknownMigrations(applied, files);
  if (newer.length) throw new NewerSchemaError(newer);
  return files.filter((f) => !applied.has(f.version));
}
