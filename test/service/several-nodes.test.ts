/**
 * What keeps several app nodes right on one database, below HTTP: the cache generations (moved by
 * the reference tables' triggers, read once per request scope, reloading a second node's labels) and
 * the rate-limit counters (atomic across connections, a new window after the last one ends, pruning).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, openSecondNode, type TestRuntime } from '../helpers/db.js';
import { generationScope, readGeneration } from '../../src/platform/db/generations.js';
import { hitWindow, pruneWindows, readWindow } from '../../src/platform/http/rate-limit-repository.js';
import { listCountries, listTerms, saveTermTexts, termLabel } from '../../src/modules/reference/service.js';

describe('several app nodes: generations and shared counters', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  before(async () => {
    a = await createTestRuntime();
    b = await openSecondNode(a);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  it('moves the reference generation with every statement on countries, regions and taxonomy terms, and nothing else', async () => {
    const g0 = await readGeneration(a.db, 'reference');
    await sql`UPDATE countries SET updated_at = updated_at WHERE iso3 = 'FRA'`.execute(a.db);
    await sql`UPDATE regions SET updated_at = updated_at WHERE code = '150'`.execute(a.db);
    await sql`UPDATE taxonomy_terms SET updated_at = updated_at WHERE code = 'corruption'`.execute(a.db);
    assert.equal(await readGeneration(b.db, 'reference'), g0 + 3);
    await sql`UPDATE app_settings SET updated_at = updated_at`.execute(a.db);
    assert.equal(await readGeneration(b.db, 'reference'), g0 + 3);
  });

  it('reads the generations once per request scope, and again in the next', async () => {
    const first = await readGeneration(a.db, 'reference');
    await generationScope(async () => {
      assert.equal(await readGeneration(a.db, 'reference'), first);
      await sql`UPDATE taxonomy_terms SET updated_at = updated_at WHERE code = 'corruption'`.execute(b.db);
      assert.equal(await readGeneration(a.db, 'reference'), first, 'the request keeps the generation it read');
    });
    await generationScope(async () => assert.equal(await readGeneration(a.db, 'reference'), first + 1));
  });

  it('gives node B the label node A changed, and keeps its lists otherwise', async () => {
    const countries = await listCountries(b.db);
    assert.equal(await listCountries(b.db), countries, 'held while nothing changed');
    assert.equal(termLabel(await listTerms(b.db), 'crime', 'money-laundering', 'fr'), 'Blanchiment d’argent');
    const labels = { ar: 'غسل الأموال', zh: '洗钱', en: 'Money laundering', fr: 'Blanchiment de capitaux', es: 'Blanqueo de dinero', ru: 'Отмывание денег' };
    await saveTermTexts(a.db, 'crime', 'money-laundering', labels, null);
    assert.equal(termLabel(await listTerms(b.db), 'crime', 'money-laundering', 'fr'), 'Blanchiment de capitaux');
    assert.notEqual(await listCountries(b.db), countries, 'reloaded after the generation moved');
  });

  it('counts a client over both nodes atomically, with a new window after the last one ends', async () => {
    const key = 'test:rate:one';
    const counted = await Promise.all(Array.from({ length: 40 }, (_, i) => hitWindow(i % 2 ? a.db : b.db, key, 60_000)));
    assert.deepEqual(counted.map((c) => c.hits).sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i + 1), 'each request has its own count');
    assert.ok(counted.every((c) => c.ttlMs > 0 && c.ttlMs <= 60_000));
    assert.equal((await readWindow(b.db, key)).hits, 40, 'reading does not count');
    assert.equal((await readWindow(b.db, key)).hits, 40);
    await a.db.updateTable('rate_limit_windows').set({ expires_at: sql`now() - interval '1 second'` }).where('key', '=', key).execute();
    assert.deepEqual(await readWindow(a.db, key), { hits: 0, ttlMs: 0 }, 'an ended window counts nothing');
    const next = await hitWindow(a.db, key, 60_000);
    assert.equal(next.hits, 1, 'a new window starts');
  });

  it('prunes ended windows only', async () => {
    await hitWindow(a.db, 'test:rate:live', 60_000);
    await hitWindow(a.db, 'test:rate:ended', 60_000);
    await a.db.updateTable('rate_limit_windows').set({ expires_at: sql`now() - interval '1 minute'` }).where('key', '=', 'test:rate:ended').execute();
    assert.ok((await pruneWindows(b.db, 1000)) >= 1);
    const keys = (await a.db.selectFrom('rate_limit_windows').select('key').execute()).map((r) => r.key);
    assert.ok(keys.includes('test:rate:live'));
    assert.ok(!keys.includes('test:rate:ended'));
  });
});
