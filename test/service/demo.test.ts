import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureFullTestReference } from '../factories/reference.js';
import { aCase } from '../factories/knowledge.js';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { getSetting, setSetting } from '../../src/platform/db/settings.js';
import { getEntry, loadEntryDocuments, loadLawDocuments, saveRecords, saveTreatyParties } from '../../src/modules/knowledge/service.js';
import { listEntryIds, listLawIds } from '../../src/modules/knowledge/repository/read.js';
import type { EntryDocument, TreatyDocument } from '../../src/modules/knowledge/domain/schemas.js';
import { listCountries } from '../../src/modules/reference/service.js';
import { loadDemoContext, removeDemo, seedDemo } from '../../src/modules/demo/service.js';
import { buildCorpus } from '../../src/modules/demo/generator/corpus.js';
import { demoModule } from '../../src/modules/demo/module.js';
import { textProblem } from '../../src/modules/demo/text/script-check.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';

async function allIds(list: (after?: string) => Promise<string[]>): Promise<string[]> {
  const out: string[] = [];
  for (let page = await list(); page.length; page = await list(out[out.length - 1])) out.push(...page);
  return out;
}
const entryIds = (db: Kysely<DB>, demo: boolean) => allIds((after) => listEntryIds(db, { demo, limit: 500, ...(after ? { after } : {}) }));
const lawIds = (db: Kysely<DB>, demo: boolean) => allIds((after) => listLawIds(db, { demo, limit: 500, ...(after ? { after } : {}) }));

describe('demo corpus', () => {
  let rt: TestRuntime;
  const real = aCase();
  let demoDocs: EntryDocument[] = [];
  /** Parties of UNTOC before the seed (the reference loader may have loaded real ones). */
  let realParties: string[] = [];

  before(async () => {
    rt = await createTestRuntime();
    await ensureFullTestReference(rt.db);
    // Real content that the demo corpus must leave alone.
    await saveRecords(rt.db, [real], { origin: 'import' });
    await saveTreatyParties(rt.db, 'untoc', [{ country: 'FRA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-10-29', entry_into_force_on: '2003-09-29' }]);
    const untoc = (await getEntry(rt.db, 'untoc', { publishedOnly: false })) as TreatyDocument;
    realParties = untoc.parties!.map((p) => JSON.stringify(p));
  });
  after(async () => rt?.close());

  it('does nothing on first start when PALERMO_DEMO=0', async () => {
    await demoModule.firstStart!({ ...rt, config: { ...rt.config, demo: false } });
    assert.deepEqual(await entryIds(rt.db, true), []);
    assert.deepEqual(await lawIds(rt.db, true), []);
  });

  it('seeds a small corpus of the four databases in the six languages', async () => {
    const report = await seedDemo(rt.db, { size: 'small' });
    assert.equal(report.records.updated, 0);
    assert.equal(report.records.unchanged, 0);
    for (const type of ['law', 'legislation', 'case', 'treaty', 'strategy']) assert.ok((report.byType[type] ?? 0) > 0, type);
    const total = Object.values(report.byType).reduce((a, b) => a + b, 0);
    assert.equal(report.records.created, total);

    const ids = await entryIds(rt.db, true);
    assert.equal(ids.length, total - report.byType.law!);
    assert.ok(ids.length >= 150 && ids.length <= 300, `${ids.length} entries`);
    demoDocs = await loadEntryDocuments(rt.db, ids, { publishedOnly: false });
    for (const type of ['legislation', 'case', 'treaty', 'strategy'] as const) {
      const langs = new Set(demoDocs.filter((d) => d.type === type).flatMap((d) => Object.keys(d.texts)));
      assert.deepEqual([...langs].sort(), [...LANGS].sort(), `${type} in all six languages`);
    }
  });

  it('labels everything it wrote as demo, with demo- ids', async () => {
    for (const d of demoDocs) {
      assert.match(d.id, /^demo-/);
      assert.equal(d.demo, true, d.id);
      if (d.type === 'treaty') for (const p of d.parties ?? []) assert.equal(p.demo, true, `${d.id} ${p.country}`);
    }
    const laws = await loadLawDocuments(rt.db, await lawIds(rt.db, true));
    assert.ok(laws.length > 0);
    for (const l of laws) {
      assert.match(l.id, /^demo-law-/);
      assert.equal(l.demo, true);
    }
    for (const id of await entryIds(rt.db, false)) assert.doesNotMatch(id, /^demo-/);
    for (const id of await lawIds(rt.db, false)) assert.doesNotMatch(id, /^demo-/);
  });

  it('covers many countries and every UN M49 region present in the database', async () => {
    const countries = await listCountries(rt.db);
    const regionOf = new Map(countries.map((c) => [c.iso3, c.region_code]));
    const used = new Set(demoDocs.flatMap((d) => [...(d.country ? [d.country] : []), ...(d.type === 'treaty' ? (d.parties ?? []).map((p) => p.country) : [])]));
    const available = (await loadDemoContext(rt.db)).countries.length;
    assert.ok(used.size >= Math.min(12, available), `${used.size} of ${available} demo countries`);
    const regions = new Set(countries.map((c) => c.region_code).filter(Boolean));
    const covered = new Set([...used].map((c) => regionOf.get(c)));
    for (const r of regions) assert.ok(covered.has(r), `region ${r}`);
  });

  it('writes each language in its own script', async () => {
    let checked = 0;
    for (const d of demoDocs) {
      for (const [lang, t] of Object.entries(d.texts)) {
        for (const field of ['title', 'summary', 'body', 'facts', 'decision', 'commentary'] as const) {
          const text = t[field];
          if (!text) continue;
          assert.equal(textProblem(lang, text), undefined, `${d.id} [${lang}] ${field}`);
          checked++;
        }
      }
    }
    const arabic = demoDocs.flatMap((d) => (d.texts.ar ? [d.texts.ar.title] : []));
    assert.ok(arabic.length > 0 && arabic.every((t) => /\p{Script=Arabic}/u.test(t) && !/[a-z]/i.test(t)));
    assert.ok(checked > 300);
  });

  it('adds demo parties to reference instruments without touching real ones', async () => {
    const untoc = (await getEntry(rt.db, 'untoc', { publishedOnly: false })) as TreatyDocument;
    const france = untoc.parties!.find((p) => p.country === 'FRA')!;
    assert.equal(france.demo, undefined, 'the real party stays real');
    assert.equal(france.consent_on, '2002-10-29');
    assert.deepEqual(
      untoc.parties!.filter((p) => !p.demo).map((p) => JSON.stringify(p)),
      realParties,
    );
    // Exactly the generated parties, for States that are not already real parties.
    const expected = buildCorpus(await loadDemoContext(rt.db), 'small').parties.get('untoc')!;
    const demo = untoc.parties!.filter((p) => p.demo);
    assert.deepEqual(demo.map((p) => p.country).sort(), expected.map((p) => p.country).sort());
    assert.ok(!demo.some((p) => p.country === 'FRA'));
    for (const p of demo) if (p.signed_on && p.consent_on) assert.ok(p.signed_on < p.consent_on);
  });

  it('changes nothing when seeded again', async () => {
    const before = await getEntry(rt.db, demoDocs[0]!.id, { publishedOnly: false });
    const report = await seedDemo(rt.db, { size: 'small' });
    assert.equal(report.records.created, 0);
    assert.equal(report.records.updated, 0);
    assert.ok(report.records.unchanged > 0);
    assert.equal(report.parties.written, 0);
    assert.equal(report.replaced, false);
    const again = await getEntry(rt.db, demoDocs[0]!.id, { publishedOnly: false });
    assert.equal(again?.updated_at, before?.updated_at);
  });

  it('replaces the demo content of an earlier, different seed', async () => {
    const stale = aCase({ id: 'demo-case-stale', demo: true });
    await saveRecords(rt.db, [stale], { origin: 'demo' });
    await setSetting(rt.db, 'demo.seed', { size: 'default', fingerprint: 'an earlier corpus' });
    const report = await seedDemo(rt.db, { size: 'small' });
    assert.equal(report.replaced, true);
    assert.equal(report.records.unchanged, 0);
    assert.equal(await getEntry(rt.db, stale.id, { publishedOnly: false }), undefined);
    assert.ok(await getEntry(rt.db, demoDocs[0]!.id, { publishedOnly: false }));
  });

  it('removes the demo corpus and nothing else', async () => {
    const removed = await removeDemo(rt.db);
    const bilateral = demoDocs.filter((d) => d.type === 'treaty').length;
    assert.ok(removed.entries > 100 && removed.laws > 10, JSON.stringify(removed));
    assert.ok(removed.parties >= 2 * bilateral, 'parties of bilateral treaties and of reference instruments');
    assert.deepEqual(await entryIds(rt.db, true), []);
    assert.deepEqual(await lawIds(rt.db, true), []);
    assert.ok(await getEntry(rt.db, real.id), 'the real case survives');
    const untoc = (await getEntry(rt.db, 'untoc', { publishedOnly: false })) as TreatyDocument;
    assert.ok(untoc, 'the reference instrument survives');
    assert.deepEqual(
      untoc.parties!.map((p) => JSON.stringify(p)),
      realParties,
      'only the real parties are left, unchanged',
    );
    assert.equal(await getSetting(rt.db, 'demo.seed'), null);
  });
});
