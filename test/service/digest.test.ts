/** The digest of cases: counts and groups computed from the published case law, in the reader's language. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, openSecondNode, type TestRuntime } from '../helpers/db.js';
import { unzip } from '../http/directory-files.js';
import { digestDocument } from '../../src/modules/digest/document/files.js';
import { aCase } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/index.js';
import { digestModel } from '../../src/modules/digest/index.js';
import { digestFingerprint, digestModelsComputed } from '../../src/modules/digest/service.js';
import { UNSPECIFIED, type Digest } from '../../src/modules/digest/domain/digest.js';

const counts = (d: Digest, g: keyof Digest['groups']) => Object.fromEntries(d.groups[g].map((x) => [x.key, x.count]));

describe('digest of cases (service)', () => {
  let rt: TestRuntime;
  const extradition = aCase({
    id: 'dg-extradition',
    country: 'ITA',
    decision_date: '2020-01-10',
    cooperation_types: ['extradition'],
    crime_types: ['drug-offences', 'organized-criminal-group'],
    articles: ['untoc:16', 'uncac:44'],
    texts: {
      en: { title: 'Extradition of a drug trafficker', summary: 'Extradition granted under article 16.' },
      fr: { title: 'Extradition d’un trafiquant', summary: 'Extradition accordée sur le fondement de l’article 16.' },
    },
  });
  const mla = aCase({
    id: 'dg-mla',
    country: 'CHN',
    decision_date: '2021-03-02',
    cooperation_types: ['mla', 'confiscation'],
    crime_types: ['money-laundering'],
    articles: ['untoc:18', 'uncac:46'],
    original_lang: 'zh',
    texts: { zh: { title: '洗钱案司法协助', summary: '法院依据公约第18条提供了协助。' } },
  });
  const untagged = aCase({ id: 'dg-untagged', country: 'FRA', decision_date: '2018-06-01', texts: { en: { title: 'A case without tags' } } });
  const notUntoc = aCase({ id: 'dg-other-basis', country: 'COL', untoc_legal_basis: false, cooperation_types: ['extradition'] });
  const draft = aCase({ id: 'dg-draft', country: 'DEU', cooperation_types: ['extradition'], texts: { en: { title: 'Not yet published', status: 'draft' } } });

  before(async () => {
    rt = await createTestRuntime();
    await saveRecords(rt.db, [extradition, mla, untagged, notUntoc, draft], { origin: 'import' });
  });
  after(async () => {
    await rt?.close();
  });

  it('counts the published cases applying UNTOC by cooperation, region, offence and related instrument', async () => {
    const d = await digestModel(rt.db, 'en');
    assert.equal(d.total, 3);
    assert.deepEqual(d.cases.map((c) => c.id), ['dg-mla', 'dg-extradition', 'dg-untagged'], 'newest decision first; other basis and drafts left out');
    assert.deepEqual(counts(d, 'cooperation'), { extradition: 1, mla: 1, confiscation: 1, [UNSPECIFIED]: 1 });
    assert.equal(d.groups.cooperation.at(-1)?.key, UNSPECIFIED, '"not specified" comes last');
    assert.deepEqual(counts(d, 'region'), { '150': 2, '142': 1 });
    assert.equal(d.groups.region[0]?.label, 'Europe');
    assert.deepEqual(counts(d, 'offence'), { 'drug-offences': 1, 'organized-criminal-group': 1, 'money-laundering': 1, [UNSPECIFIED]: 1 });
    assert.deepEqual(counts(d, 'instrument'), { uncac: 2 }, 'UNTOC itself is the basis, not a related instrument');
    assert.match(d.groups.instrument[0]!.label, /Corruption/);
    assert.ok(d.groups.cooperation.find((g) => g.key === 'extradition')?.label === 'Extradition');
  });

  it('names everything in the reader’s language and marks summaries shown in another', async () => {
    const fr = await digestModel(rt.db, 'fr');
    const ext = fr.cases.find((c) => c.id === 'dg-extradition')!;
    assert.deepEqual(ext.title, { text: 'Extradition d’un trafiquant', lang: 'fr', fallback: false });
    assert.equal(ext.countryName, 'Italie');
    const zhCase = fr.cases.find((c) => c.id === 'dg-mla')!;
    assert.equal(zhCase.summary?.lang, 'zh');
    assert.equal(zhCase.summary?.fallback, true);
    const zh = await digestModel(rt.db, 'zh');
    assert.equal(zh.cases.find((c) => c.id === 'dg-mla')!.title.fallback, false);
    assert.equal(zh.groups.region.find((g) => g.key === '142')?.label, '亚洲');
    const ar = await digestModel(rt.db, 'ar');
    assert.equal(ar.groups.region.find((g) => g.key === '150')?.label, 'أوروبا');
  });

  it('follows the case law: a case changed to another basis leaves the digest and the fingerprint changes', async () => {
    await digestModel(rt.db, 'en');
    const before = await digestFingerprint(rt.db);
    const computed = digestModelsComputed();
    assert.equal((await digestModel(rt.db, 'en')).total, 3);
    assert.equal(digestModelsComputed(), computed, 'unchanged case law: the model held in memory');
    await saveRecords(rt.db, [{ ...extradition, untoc_legal_basis: false }], { origin: 'import' });
    const after = await digestModel(rt.db, 'en');
    assert.equal(digestModelsComputed(), computed + 1, 'computed again after the change');
    assert.equal(after.total, 2);
    assert.equal(counts(after, 'cooperation').extradition, undefined);
    assert.notEqual(await digestFingerprint(rt.db), before);
    await saveRecords(rt.db, [extradition], { origin: 'import' });
    assert.equal((await digestModel(rt.db, 'en')).total, 3);
  });

  it('two app nodes: a case published on one is in the other node\'s next model and DOCX (each node holds its own models)', async () => {
    const second = await openSecondNode(rt);
    try {
      const text = async () => unzip(await digestDocument(second.db, 'en', 'docx', 'https://palermo.example')).get('word/document.xml')!.toString('utf8');
      const titles = async () => (await digestModel(second.db, 'en')).cases.map((c) => c.title.text);
      assert.ok(!(await titles()).includes('Published on the first node'), 'node B holds the model without the case');
      assert.ok(!(await text()).includes('Published on the first node'));
      await saveRecords(rt.db, [aCase({ id: 'dg-node1', country: 'FRA', texts: { en: { title: 'Published on the first node' } } })], { origin: 'import' });
      assert.ok((await titles()).includes('Published on the first node'), 'node B sees the write of node A at its next request');
      assert.ok((await text()).includes('Published on the first node'));
    } finally {
      await second.close();
    }
  });
});
