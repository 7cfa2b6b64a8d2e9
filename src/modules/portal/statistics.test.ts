import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../../test/helpers/db.js';
import { seedPortal } from '../../../test/http/portal-fixture.js';
import { aCase } from '../../../test/factories/knowledge.js';
import { saveRecords, countByType, forgetOverview, refreshStatistics } from '../knowledge/index.js';

describe('planner statistics of the knowledge tables', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await seedPortal(rt.db);
  });
  after(async () => rt?.close());

  const reltuples = async (table: string) =>
    Number((await sql<{ n: number }>`SELECT reltuples AS n FROM pg_class WHERE relname = ${table} AND relnamespace = current_schema()::regnamespace`.execute(rt.db)).rows[0]?.n);

  it('analyzes tables that have rows but no statistics, then only when they have grown', async () => {
    await refreshStatistics(rt.db);
    for (const table of ['entries', 'entry_texts', 'cases', 'laws']) assert.ok((await reltuples(table)) > 0, `${table} analyzed`);
    assert.deepEqual(await refreshStatistics(rt.db), [], 'nothing to do right after');
    const before = await reltuples('entries');
    await saveRecords(rt.db, Array.from({ length: 1500 }, () => aCase({ texts: { en: { title: 'A case', summary: 'x'.repeat(300) } } })), { origin: 'import' });
    const analyzed = await refreshStatistics(rt.db);
    assert.ok(analyzed.includes('entries') && analyzed.includes('entry_texts'), `grown tables analyzed: ${analyzed.join(', ')}`);
    assert.ok((await reltuples('entries')) > before + 1000);
  });

  it('keeps corpus-wide counts for a short while, and forgets them on request', async () => {
    const before = (await countByType(rt.db)).get('case') ?? 0;
    await saveRecords(rt.db, [aCase()], { origin: 'import' });
    assert.equal((await countByType(rt.db)).get('case'), before, 'cached figure');
    assert.equal((await countByType(rt.db, 'ITA')).get('case')! >= 1, true, 'per-State counts are exact');
    forgetOverview(rt.db);
    assert.equal((await countByType(rt.db)).get('case'), before + 1);
  });
});
