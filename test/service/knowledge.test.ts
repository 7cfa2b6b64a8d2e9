import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from '../factories/knowledge.js';
import { checkRecords, getEntry, getLaw, saveRecords } from '../../src/modules/knowledge/service.js';
import { ValidationError } from '../../src/platform/http/errors.js';
import { parseRecord } from '../../src/modules/knowledge/domain/parse.js';

describe('knowledge service', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => rt?.close());

  it('saves each kind of record and reads back the same document', async () => {
    const law = aLaw();
    const extract = anExtract(law.id, { cooperation_types: ['mla'] });
    const kase = aCase({ crime_types: ['drug-offences'], cooperation_types: ['extradition'] });
    const treaty = aTreaty();
    const strategy = aStrategy();
    const outcomes = await saveRecords(rt.db, [extract, law, kase, treaty, strategy], { origin: 'import' });
    assert.deepEqual(outcomes, ['created', 'created', 'created', 'created', 'created']);

    const back = await getEntry(rt.db, extract.id);
    assert.ok(back && back.type === 'legislation');
    assert.equal(back.law_id, law.id);
    assert.equal(back.texts.en?.machine_translated, true);
    assert.equal(back.texts.en?.translated_from, 'fr');
    assert.equal(back.date, '2004-03-09', 'an extract takes the date of its law');
    assert.deepEqual(back.cooperation_types, ['mla']);

    const c = await getEntry(rt.db, kase.id);
    assert.ok(c && c.type === 'case');
    assert.deepEqual(c.cooperating_states, ['ESP']);
    assert.equal(c.date, '2019-05-14');
    assert.deepEqual(c.sources, kase.sources);

    const t = await getEntry(rt.db, treaty.id);
    assert.ok(t && t.type === 'treaty');
    assert.equal(t.parties?.length, 2);
    assert.equal(t.provisions?.[0]?.titles?.en, 'Obligation to provide assistance');

    const s = await getEntry(rt.db, strategy.id);
    assert.ok(s && s.type === 'strategy');
    assert.equal(s.period_end, 2023);

    const l = await getLaw(rt.db, law.id);
    assert.equal(l?.texts.fr?.title, law.texts.fr?.title);
    // What comes back is itself a valid record (export -> import round trip).
    for (const doc of [back, c, t, s, l]) assert.equal(parseRecord(doc).ok, true, JSON.stringify(parseRecord(doc)));
  });

  it('skips identical records and updates changed ones', async () => {
    const law = aLaw();
    const extract = anExtract(law.id);
    await saveRecords(rt.db, [law, extract], { origin: 'import' });
    const before = await getEntry(rt.db, extract.id);
    assert.deepEqual(await saveRecords(rt.db, [law, extract], { origin: 'import' }), ['unchanged', 'unchanged']);
    const same = await getEntry(rt.db, extract.id);
    assert.equal(same?.updated_at, before?.updated_at);
    const changed = { ...extract, texts: { fr: { title: 'Nouveau titre' } } };
    assert.deepEqual(await saveRecords(rt.db, [changed], { origin: 'import' }), ['updated']);
    const after = await getEntry(rt.db, extract.id);
    assert.deepEqual(Object.keys(after!.texts), ['fr'], 'the dropped English version is removed');
    assert.equal(after!.texts.fr?.title, 'Nouveau titre');
  });

  it('hides unpublished language versions and entries without any', async () => {
    const kase = aCase({ texts: { en: { title: 'Draft case', status: 'draft' } } });
    await saveRecords(rt.db, [kase], { origin: 'editor' });
    assert.equal(await getEntry(rt.db, kase.id), undefined);
    assert.ok(await getEntry(rt.db, kase.id, { publishedOnly: false }));
  });

  it('names every bad reference and writes nothing', async () => {
    const bad = aCase({ country: 'XXX', crime_types: ['no-such-crime'], articles: ['untoc:999'], cooperating_states: ['ITA'] });
    const orphan = anExtract('no-such-law');
    const problems = await checkRecords(rt.db, [bad, orphan]);
    const fields0 = problems.get(0)!.map((i) => i.field).sort();
    assert.deepEqual(fields0, ['articles.0', 'country', 'crime_types.0']);
    assert.deepEqual(problems.get(1)!.map((i) => i.field), ['law_id']);
    await assert.rejects(saveRecords(rt.db, [bad, orphan], { origin: 'import' }), (e: unknown) => e instanceof ValidationError && /records\.0\.country/.test(e.message));
    assert.equal(await getEntry(rt.db, bad.id, { publishedOnly: false }), undefined);
  });

  it('refuses to change the type behind an id', async () => {
    const kase = aCase();
    await saveRecords(rt.db, [kase], { origin: 'import' });
    const clash = aStrategy({ id: kase.id });
    await assert.rejects(saveRecords(rt.db, [clash], { origin: 'import' }), /already used by a case/);
  });

  it('rolls back the whole batch when a write fails', async () => {
    const good = aCase();
    const law = aLaw();
    // Skipping the checks lets a bad country reach the database: the foreign key fails after
    // the law and the first case were written, and the transaction takes them back.
    const bad = aCase({ country: 'XXX' });
    await assert.rejects(saveRecords(rt.db, [good, law, bad], { origin: 'import', checked: true }));
    assert.equal(await getEntry(rt.db, good.id, { publishedOnly: false }), undefined);
    assert.equal(await getLaw(rt.db, law.id), undefined);
    // The database still works afterwards.
    assert.deepEqual(await saveRecords(rt.db, [good], { origin: 'import' }), ['created']);
  });

  it('rejects a bilateral treaty without exactly two parties', async () => {
    const badTreaty = aTreaty({ parties: [{ country: 'FRA' }, { country: 'ITA' }, { country: 'ESP' }] });
    await assert.rejects(saveRecords(rt.db, [badTreaty], { origin: 'import' }), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'parties');
  });
});
