/**
 * Upgrades: a database made by an earlier release (test/fixtures/upgrade-*.backup.gz, written by
 * test/fixtures/make-upgrade-fixture.ts with that release's own backup) is restored and migrated to
 * this code's schema with its data intact; pending migrations are listed without being applied; a
 * database migrated by a newer release is refused at start-up with a clear message.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBackupLines, verifyBackup } from '../../src/platform/backup/read.js';
import { migrate, NewerSchemaError, pendingMigrationFiles, pendingMigrations, readMigrations } from '../../src/platform/db/migrate.js';
import { getEntry, getLaw } from '../../src/modules/knowledge/service.js';
import { openRuntime } from '../../src/runtime.js';
import { restoreInto } from '../../src/restore.js';
import { createTestRuntime } from '../helpers/db.js';
import { emptyDatabase } from '../helpers/backup.js';
import { UPGRADE_FIXTURE } from '../fixtures/make-upgrade-fixture.js';
import { buildCountries, buildRegions, readPlaceSources } from '../../src/modules/reference/sources/places.js';

/** Rows of `table` in a backup for which `keep` holds (values by column name). */
async function countRows(file: string, table: string, keep: (row: Record<string, string | null>) => boolean): Promise<number> {
  let columns: string[] | undefined;
  let n = 0;
  for await (const { parsed } of readBackupLines(file)) {
    if (parsed.kind === 'table') columns = parsed.table === table ? parsed.columns : undefined;
    else if (parsed.kind === 'row' && columns && keep(Object.fromEntries(columns.map((c, i) => [c, parsed.values[i] ?? null])))) n++;
  }
  return n;
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^upgrade-\d{4}\.backup\.gz$/.test(f));

describe('upgrades', () => {
  it('has a small fixture of an earlier release', () => {
    assert.ok(fixtures.length >= 1);
    for (const f of fixtures) assert.ok(fs.statSync(path.join(FIXTURES, f)).size < 1_000_000, f);
  });

  for (const fixture of fixtures) {
    it(`restores ${fixture} and migrates it to this schema with its data intact`, async () => {
      const file = path.join(FIXTURES, fixture);
      const manifest = await verifyBackup(file);
      const rt = await createTestRuntime();
      const target = await emptyDatabase();
      try {
        const report = await restoreInto(target.database, rt.config, rt.logger, file);
        assert.deepEqual(report.problems, []);
        const code = readMigrations().map((m) => m.version);
        assert.deepEqual(report.migrated, code.filter((v) => !manifest.migrations.includes(v)));
        assert.deepEqual(await pendingMigrations(target.database.db), []);

        const db = target.database.db;
        const kase = await getEntry(db, UPGRADE_FIXTURE.case, { publishedOnly: false });
        assert.equal(kase?.texts.en?.title, UPGRADE_FIXTURE.caseTitle);
        assert.equal((await getLaw(db, UPGRADE_FIXTURE.law))?.id, UPGRADE_FIXTURE.law);
        for (const id of [UPGRADE_FIXTURE.extract, UPGRADE_FIXTURE.strategy]) assert.ok(await getEntry(db, id, { publishedOnly: false }), id);
        const admin = await db
          .selectFrom('users')
          .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
          .select(['users.display_name', 'user_roles.role'])
          .where('users.display_name', '=', UPGRADE_FIXTURE.user)
          .execute();
        assert.deepEqual(admin, [{ display_name: UPGRADE_FIXTURE.user, role: 'administrator' }]);
        // Every table of the fixture still holds at least its rows (migrations add, never lose),
        // except the reference tables, which follow the shipped UN lists (areas M49 dropped go).
        const places = readPlaceSources();
        const reference: Record<string, number> = { regions: buildRegions(places).length, countries: buildCountries(places).length };
        // The shipped treaties keep their authentic language versions only: the Dutch translation an
        // earlier release loaded is dropped by the reference reload.
        const dropped: Record<string, number> = { entry_texts: await countRows(file, 'entry_texts', (r) => r.lang === 'nl') };
        for (const [table, rows] of Object.entries(manifest.rows)) {
          if (table in reference) {
            const n = await target.database.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${table}"`);
            assert.equal(Number(n.rows[0]!.n), reference[table], `${table}: the rows of the shipped lists`);
            continue;
          }
          const exists = await target.database.pool.query(`SELECT to_regclass($1) AS t`, [`public.${table}`]);
          if (!exists.rows[0].t) continue; // a later release may drop or rename a table
          const n = await target.database.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${table}"`);
          assert.ok(Number(n.rows[0]!.n) >= rows - (dropped[table] ?? 0), `${table}: ${n.rows[0]!.n} rows, fixture ${rows}${dropped[table] ? ` less ${dropped[table]} dropped` : ''}`);
        }
      } finally {
        await target.drop();
        await rt.close();
      }
    });
  }

  it('lists pending migrations without applying them, and refuses a schema newer than the code', async () => {
    const target = await emptyDatabase();
    const rt = await createTestRuntime();
    try {
      const files = readMigrations();
      await migrate(target.database.db, undefined, files.slice(0, -2));
      const pending = await pendingMigrationFiles(target.database.db);
      assert.deepEqual(pending.map((m) => m.version), files.slice(-2).map((m) => m.version));
      assert.deepEqual((await pendingMigrationFiles(target.database.db)).length, 2, 'nothing applied');
      await migrate(target.database.db);
      assert.deepEqual(await pendingMigrationFiles(target.database.db), []);

      await target.database.pool.query(`INSERT INTO schema_migrations (version, name, checksum) VALUES ('9999', 'from_the_future', 'x')`);
      await assert.rejects(pendingMigrationFiles(target.database.db), NewerSchemaError);
      // /readyz keeps an old node serving during a rolling upgrade: a newer schema is not "pending".
      assert.deepEqual(await pendingMigrations(target.database.db), []);
      await assert.rejects(openRuntime(rt.config, rt.logger, { database: target.database }), (err: unknown) => {
        assert.ok(err instanceof NewerSchemaError);
        assert.match(err.message, /newer than this Palermo: migration 9999 were applied by a newer release/);
        return true;
      });
    } finally {
      await target.drop();
      await rt.close();
    }
  });
});
