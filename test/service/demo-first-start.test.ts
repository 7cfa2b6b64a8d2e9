import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureFullTestReference } from '../factories/reference.js';
import { listEntryIds, listLawIds } from '../../src/modules/knowledge/repository/read.js';
import { demoModule } from '../../src/modules/demo/module.js';

describe('demo corpus on first start', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime({ demo: true });
    await ensureFullTestReference(rt.db);
  });
  after(async () => rt?.close());

  it('loads the default corpus when PALERMO_DEMO is on', async () => {
    await demoModule.firstStart!(rt);
    const entries = await listEntryIds(rt.db, { demo: true, limit: 20_000 });
    const laws = await listLawIds(rt.db, { demo: true, limit: 20_000 });
    assert.ok(entries.length >= 4500 && entries.length <= 8000, `${entries.length} entries`);
    assert.ok(laws.length >= 500, `${laws.length} laws`);
    assert.ok(entries.every((id) => id.startsWith('demo-')));
  });
});
