/**
 * Backup and restore on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): a backup taken
 * while a writer keeps changing rows holds the state of one moment; it restores into an empty
 * database row for row; damaged, tampered, newer-schema, non-empty-target and wrong-key restores are
 * refused, and an encrypted backup shows nothing without its key.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type pg from 'pg';
import { BackupError } from '../../src/platform/backup/format.js';
import { writeNewKeyFile, readKeyFile } from '../../src/platform/backup/crypto.js';
import { takeBackup } from '../../src/platform/backup/dump.js';
import { verifyBackup } from '../../src/platform/backup/read.js';
import { restoreBackup } from '../../src/platform/backup/restore.js';
import { pendingMigrations } from '../../src/platform/db/migrate.js';
import { restoreInto } from '../../src/restore.js';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { backupContent, backupLines, emptyDatabase, writeBackupLines } from '../helpers/backup.js';

const TOTAL = 1000;
const MARKER = 'backup-plaintext-marker-7f3a9c';

/** One writer transaction: move an amount between probe.a and probe.b, add one probe.n.<i> row and count it. */
async function writeOnce(pool: pg.Pool, i: number): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const move = (i % 7) + 1;
    await c.query(`UPDATE app_settings SET value = to_jsonb(value::text::int - $1::int) WHERE key = 'probe.a'`, [move]);
    await c.query(`UPDATE app_settings SET value = to_jsonb(value::text::int + $1::int) WHERE key = 'probe.b'`, [move]);
    await c.query(`INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb($2::int))`, [`probe.n.${i}`, i]);
    await c.query(`UPDATE app_settings SET value = to_jsonb(value::text::int + 1) WHERE key = 'probe.count'`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

async function probe(pool: pg.Pool): Promise<{ a: number; b: number; count: number; rows: number }> {
  const r = await pool.query<{ key: string; value: number }>(`SELECT key, value FROM app_settings WHERE key IN ('probe.a', 'probe.b', 'probe.count')`);
  const v = Object.fromEntries(r.rows.map((x) => [x.key, Number(x.value)]));
  const n = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM app_settings WHERE key LIKE 'probe.n.%'`);
  return { a: v['probe.a']!, b: v['probe.b']!, count: v['probe.count']!, rows: Number(n.rows[0]!.n) };
}

async function tableCounts(pool: pg.Pool, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${t}"`)).rows[0]!.n);
  return out;
}

const refusal = (code: string) => (err: unknown) => err instanceof BackupError && err.code === code;

describe('backup and restore', () => {
  let rt: TestRuntime;
  let dir: string;
  let plain: string;

  before(async () => {
    rt = await createTestRuntime();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-test-'));
    await rt.database.pool.query(
      `INSERT INTO app_settings (key, value) VALUES ('probe.a', to_jsonb(${TOTAL})), ('probe.b', to_jsonb(0)), ('probe.count', to_jsonb(0)), ('probe.marker', to_jsonb($1::text))`,
      [MARKER],
    );
  });
  after(async () => {
    await rt?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a backup of one moment while a writer keeps writing, and restores it row for row', async () => {
    let stop = false;
    let written = 0;
    const writer = (async () => {
      // `written` counts committed transactions.
      while (!stop) {
        await writeOnce(rt.database.pool, written);
        written++;
      }
    })();
    // Let the writer get going, then back up while it runs; stop it only once the backup is done.
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    plain = path.join(dir, 'during-writes.backup.gz');
    const result = await takeBackup(rt.database.pool, plain, { database: rt.database.mode });
    const writtenAtEnd = written;
    stop = true;
    await writer;
    assert.ok(written > 20, 'the writer ran');

    const manifest = await verifyBackup(plain);
    assert.deepEqual(manifest.rows, result.manifest.rows);
    assert.equal(manifest.sha256, result.manifest.sha256);
    assert.ok(manifest.rows.countries! > 100, 'reference data is in the backup');
    assert.ok(manifest.skippedTables.includes('search_transactions'));
    assert.ok(!('search_transactions' in manifest.rows));
    assert.equal(manifest.schemaVersion, manifest.migrations.at(-1));

    const target = await emptyDatabase();
    try {
      await restoreBackup(target.database, plain);
      // Exactly one moment: the amounts add up and the counter matches the rows it counts.
      const p = await probe(target.database.pool);
      assert.equal(p.a + p.b, TOTAL);
      assert.equal(p.count, p.rows);
      assert.ok(p.rows >= 20 && p.rows <= writtenAtEnd, `${p.rows} writes restored of ${writtenAtEnd}`);
      // Every table holds the rows the manifest counts.
      assert.deepEqual(await tableCounts(target.database.pool, Object.keys(manifest.rows)), manifest.rows);
      // Sequences continue after the restored rows.
      const seq = await target.database.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL`);
      assert.equal(Number(seq.rows[0]!.n) > 0, true);

      // A backup of the restored database holds the same rows, table by table.
      const again = path.join(dir, 'restored.backup.gz');
      await takeBackup(target.database.pool, again, { database: target.database.mode });
      assert.deepEqual(backupContent(again), backupContent(plain));

      // The restored installation opens (migrated to this code's schema) and verifies.
      const report = await restoreIntoOpened(target.database);
      assert.deepEqual(report, []);
    } finally {
      await target.drop();
    }
  });

  async function restoreIntoOpened(database: import('../../src/platform/db/database.js').Database): Promise<string[]> {
    const { openRuntime } = await import('../../src/runtime.js');
    const runtime = await openRuntime(rt.config, rt.logger, { database });
    await runtime.jobs.stopWorkers();
    return pendingMigrations(runtime.db);
  }

  it('restores through restoreInto: migrated, prepared, verified', async () => {
    const target = await emptyDatabase();
    try {
      const report = await restoreInto(target.database, rt.config, rt.logger, plain);
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.migrated, []);
      const p = await probe(target.database.pool);
      assert.equal(p.a + p.b, TOTAL);
    } finally {
      await target.drop();
    }
  });

  it('refuses a tampered, a truncated and a foreign file, leaving the target empty', async () => {
    const lines = backupLines(plain);
    const row = lines.findIndex((l) => l.includes(MARKER));
    assert.ok(row > 0);
    const tampered = path.join(dir, 'tampered.backup.gz');
    writeBackupLines(tampered, lines.map((l, i) => (i === row ? l.replace(MARKER, 'changed') : l)), false);
    await assert.rejects(verifyBackup(tampered), refusal('backup-tampered'));

    const extraRow = path.join(dir, 'extra-row.backup.gz');
    writeBackupLines(extraRow, [...lines.slice(0, row + 1), lines[row]!.replace(MARKER, 'copy').replace('probe.marker', 'probe.extra'), ...lines.slice(row + 1)], true);
    await assert.rejects(verifyBackup(extraRow), refusal('backup-tampered'));

    const truncated = path.join(dir, 'truncated.backup.gz');
    const bytes = fs.readFileSync(plain);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(verifyBackup(truncated), refusal('backup-damaged'));

    const cut = path.join(dir, 'cut.backup.gz');
    writeBackupLines(cut, lines.slice(0, -1), false);
    await assert.rejects(verifyBackup(cut), refusal('backup-damaged'));

    const foreign = path.join(dir, 'foreign.backup.gz');
    fs.writeFileSync(foreign, 'SELECT 1;\n');
    await assert.rejects(verifyBackup(foreign), refusal('backup-damaged'));

    const target = await emptyDatabase();
    try {
      await assert.rejects(restoreBackup(target.database, tampered), refusal('backup-tampered'));
      const left = await target.database.pool.query(`SELECT to_regclass('public.schema_migrations')::text AS t`);
      assert.equal(left.rows[0].t, null, 'nothing was written');
    } finally {
      await target.drop();
    }
  });

  it('leaves the target empty when loading fails in the middle of a table (after the file verified), on both databases', async () => {
    const lines = backupLines(plain);
    // The last table with rows: every table before it has been loaded when its middle row fails.
    const starts = lines.map((l, i) => (l.startsWith('{"table"') ? i : -1)).filter((i) => i >= 0);
    const sizes = starts.map((start, k) => ({ start, rows: (starts[k + 1] ?? lines.findIndex((l) => l.startsWith('{"sequences"'))) - start - 1 }));
    const last = sizes.filter((t) => t.rows >= 3).at(-1)!;
    const middle = last.start + 1 + Math.floor(last.rows / 2);
    const row = JSON.parse(lines[middle]!) as (string | null)[];
    // A row with one value too many: pass 1 (hash, counts) accepts the resealed file; loading refuses it.
    const extraValue = path.join(dir, 'extra-value.backup.gz');
    writeBackupLines(extraValue, lines.map((l, i) => (i === middle ? JSON.stringify([...row, 'x']) : l)), true);
    await verifyBackup(extraValue);
    // A value the database refuses (app_settings.value is jsonb).
    const marker = lines.findIndex((l) => l.includes(MARKER));
    const badValue = path.join(dir, 'bad-value.backup.gz');
    writeBackupLines(badValue, lines.map((l, i) => (i === marker ? l.replace(`"\\"${MARKER}\\""`, '"{not json"') : l)), true);
    assert.notEqual(backupLines(badValue)[marker], lines[marker]);
    await verifyBackup(badValue);

    const target = await emptyDatabase();
    // On PGlite the tables before the failing one were loaded by COPY FROM a blob in the worker, in the restore's transaction.
    assert.equal(typeof target.database.copyFromBlob === 'function', target.database.mode === 'embedded');
    try {
      for (const file of [extraValue, badValue]) {
        await assert.rejects(restoreBackup(target.database, file), refusal('backup-damaged'));
        const left = await target.database.pool.query(`SELECT to_regclass('public.schema_migrations')::text AS t`);
        assert.equal(left.rows[0].t, null, `nothing was written (${path.basename(file)})`);
      }
      // The target is still empty and usable: the good backup restores into it.
      await restoreBackup(target.database, plain);
      const restored = await probe(target.database.pool);
      assert.equal(restored.a + restored.b, TOTAL);
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup of a newer schema and a non-empty target', async () => {
    const lines = backupLines(plain);
    const header = JSON.parse(lines[0]!);
    header.header.migrations.push('9999');
    header.header.schemaVersion = '9999';
    const newer = path.join(dir, 'newer.backup.gz');
    writeBackupLines(newer, [JSON.stringify(header), ...lines.slice(1)], true);
    assert.equal((await verifyBackup(newer)).schemaVersion, '9999', 'the file itself is well-formed');
    const target = await emptyDatabase();
    try {
      await assert.rejects(restoreBackup(target.database, newer), (err: unknown) => refusal('backup-newer-schema')(err) && /9999/.test((err as Error).message));
    } finally {
      await target.drop();
    }
    await assert.rejects(restoreBackup(rt.database, plain), refusal('backup-target-not-empty'));
  });

  it('encrypts with a key file: nothing readable without it, a wrong key refused, the right key restores', async () => {
    const keyFile = path.join(dir, 'backup.key');
    const recipient = await writeNewKeyFile(keyFile);
    assert.match(recipient, /^age1/);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const publicOnly = path.join(dir, 'backup.pub');
    fs.writeFileSync(publicOnly, `${recipient}\n`);

    // A server holding only the public key writes backups it cannot read.
    const encrypted = path.join(dir, 'encrypted.backup.age');
    await takeBackup(rt.database.pool, encrypted, { database: rt.database.mode, key: await readKeyFile(publicOnly) });
    const bytes = fs.readFileSync(encrypted);
    assert.equal(bytes.includes(Buffer.from(MARKER)), false);
    assert.equal(bytes.includes(Buffer.from('probe.a')), false);
    assert.equal(bytes.includes(Buffer.from('countries')), false);
    assert.throws(() => zlib.gunzipSync(bytes));

    await assert.rejects(verifyBackup(encrypted), refusal('backup-key-needed'));
    await assert.rejects(verifyBackup(encrypted, await readKeyFile(publicOnly)), refusal('backup-key'));
    const otherKey = path.join(dir, 'other.key');
    await writeNewKeyFile(otherKey);
    await assert.rejects(verifyBackup(encrypted, await readKeyFile(otherKey)), refusal('backup-key'));

    // A flipped byte in the encrypted body is found (authenticated chunks).
    const flipped = path.join(dir, 'flipped.backup.age');
    const copy = Buffer.from(bytes);
    copy[copy.length - 40] = copy[copy.length - 40]! ^ 1;
    fs.writeFileSync(flipped, copy);
    await assert.rejects(verifyBackup(flipped, await readKeyFile(keyFile)), (err: unknown) => err instanceof BackupError);

    const target = await emptyDatabase();
    try {
      const manifest = await restoreBackup(target.database, encrypted, { key: await readKeyFile(keyFile) });
      assert.ok(manifest.rows.app_settings! > 3);
      const p = await probe(target.database.pool);
      assert.equal(p.a + p.b, TOTAL);
    } finally {
      await target.drop();
    }
  });
});
