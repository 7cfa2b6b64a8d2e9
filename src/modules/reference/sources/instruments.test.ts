import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TreatySchema, type TreatyDocument } from '../../knowledge/index.js';
import { validator } from '../../../platform/validation.js';
import { ARTICLE_TERMS } from '../definitions/article-terms.js';
import { INSTRUMENTS } from '../definitions/instruments.js';
import { definedTermKeys } from '../definitions/taxonomies.js';
import { buildTreatyRecord, buildTreatyRecords, readInstrumentFile, readInstrumentSources } from './instruments.js';
import { parseTreatyMarkdown } from './treaty-markdown.js';

describe('shipped instruments as treaty records', () => {
  const sources = readInstrumentSources();
  const records = buildTreatyRecords(sources);
  const record = (id: string) => records.find((r) => r.id === id)!;
  const article = (id: string, n: string) => record(id).provisions!.find((p) => p.number === n)!;

  it('builds one valid record per instrument, without parties', () => {
    const check = validator(TreatySchema);
    assert.deepEqual(
      records.map((r) => r.id),
      ['untoc', 'untoc-tip', 'untoc-som', 'untoc-firearms', 'uncac', 'coe-cybercrime', 'coe-extradition', 'coe-mla'],
    );
    for (const r of records) {
      const result = check(r);
      assert.ok(result.ok, `${r.id}: ${JSON.stringify(!result.ok && result.issues)}`);
      assert.equal((r as TreatyDocument).parties, undefined, `${r.id} carries no parties`);
    }
    for (const id of ['untoc-tip', 'untoc-som', 'untoc-firearms']) assert.equal(record(id).parent_id, 'untoc');
  });

  it('holds every article, numbered in sequence', () => {
    const expected: Record<string, number> = {
      untoc: 41,
      'untoc-tip': 20,
      'untoc-som': 25,
      'untoc-firearms': 21,
      uncac: 71,
      'coe-cybercrime': 48,
      'coe-extradition': 32,
      'coe-mla': 30,
    };
    for (const r of records) {
      assert.equal(r.provisions!.length, expected[r.id], r.id);
      assert.deepEqual(
        r.provisions!.map((p) => p.number),
        r.provisions!.map((_p, i) => String(i + 1)),
      );
      for (const p of r.provisions!) {
        assert.deepEqual(Object.keys(p.texts ?? {}), ['en'], `${r.id}:${p.number} has the English text only (no Dutch translation)`);
        assert.ok(!/``|\]\(|README\.md|<\/?sup>|^#|^(\([a-z0-9]+\)|[a-z0-9]{1,4}[.)])[\p{L}]/mu.test(p.texts!.en!), `${r.id}:${p.number} has no markdown left`);
      }
    }
  });

  it('reads UNTOC article 18 with its English heading and paragraphs', () => {
    const a18 = article('untoc', '18');
    assert.deepEqual(a18.titles, { en: 'Mutual legal assistance' });
    assert.match(a18.texts!.en!, /shall afford one another the widest measure of mutual legal assistance/);
    assert.ok(a18.texts!.en!.startsWith('1. States Parties shall afford'));
    assert.ok(a18.texts!.en!.split('\n\n').length > 29, 'paragraphs preserved');
    assert.ok(!a18.texts!.en!.includes('IN WITNESS'));
    assert.ok(!article('untoc', '41').texts!.en!.includes('IN WITNESS WHEREOF'), 'closing formula is not part of the last article');
  });

  it('has no article headings for the 1959 Convention, which has none', () => {
    for (const p of record('coe-mla').provisions!) assert.equal(p.titles, undefined, `coe-mla:${p.number}`);
    assert.match(article('coe-mla', '1').texts!.en!, /widest measure of mutual assistance/);
  });

  it('gives titles only in languages where the title is authentic, never the Dutch translation', () => {
    for (const id of ['untoc', 'untoc-tip', 'untoc-som', 'untoc-firearms', 'uncac']) {
      assert.deepEqual(Object.keys(record(id).texts).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh'], id);
    }
    for (const id of ['coe-cybercrime', 'coe-extradition', 'coe-mla']) assert.deepEqual(Object.keys(record(id).texts).sort(), ['en', 'fr'], id);
    for (const r of records) {
      for (const p of r.provisions!) assert.deepEqual(Object.keys(p.titles ?? {}).filter((l) => l !== 'en'), [], `${r.id}:${p.number}`);
    }
  });

  it('merges imported authentic texts into the articles they contain, with their headings', () => {
    const def = INSTRUMENTS.find((d) => d.id === 'untoc')!;
    const r = buildTreatyRecord(def, parseTreatyMarkdown(readInstrumentFile(def)), { fr: { articles: [{ number: '18', title: 'Entraide judiciaire', text: '1. Les États Parties…' }] } });
    const a18 = r.provisions!.find((p) => p.number === '18')!;
    assert.deepEqual(a18.titles, { en: 'Mutual legal assistance', fr: 'Entraide judiciaire' });
    assert.deepEqual(Object.keys(a18.texts!), ['en', 'fr']);
    assert.deepEqual(Object.keys(r.provisions!.find((p) => p.number === '17')!.texts!), ['en']);
  });

  it('tags key articles with defined terms', () => {
    const defined = definedTermKeys();
    for (const [id, mapping] of Object.entries(ARTICLE_TERMS)) {
      assert.ok(INSTRUMENTS.some((i) => i.id === id), id);
      for (const [n, terms] of Object.entries(mapping)) for (const t of terms) assert.ok(defined.has(t), `${id}:${n} → ${t}`);
    }
    assert.ok(article('untoc', '18').terms!.includes('cooperation:mla'));
    assert.ok(article('untoc', '18').terms!.includes('measure:taking-evidence'));
    assert.ok(article('untoc', '16').terms!.includes('cooperation:extradition'));
    assert.ok(article('untoc', '13').terms!.includes('cooperation:confiscation'));
    assert.ok(article('untoc', '5').terms!.includes('crime:organized-criminal-group'));
    assert.ok(article('uncac', '46').terms!.includes('cooperation:mla'));
    assert.ok(article('coe-cybercrime', '29').terms!.includes('measure:data-preservation'));
    assert.ok(article('coe-cybercrime', '2').terms!.includes('crime:cybercrime'));
    assert.ok(article('coe-extradition', '1').terms!.includes('cooperation:extradition'));
    assert.ok(article('coe-mla', '3').terms!.includes('cooperation:mla'));
    assert.equal(article('untoc', '41').terms, undefined, 'final clauses carry no term');
  });

  it('agrees with the dates printed in the final clauses', () => {
    const testimonium = (id: string) => parseTreatyMarkdown(sources.find((s) => s.def.id === id)!.content).en.testimonium ?? '';
    assert.match(testimonium('coe-cybercrime'), /DONE at Budapest, this 23rd day of November 2001/);
    assert.equal(record('coe-cybercrime').adopted_on, '2001-11-23');
    assert.match(testimonium('coe-extradition'), /DONE at Paris, this 13th day of December 1957/);
    assert.equal(record('coe-extradition').adopted_on, '1957-12-13');
    assert.match(testimonium('coe-mla'), /DONE at Strasbourg, this 20th day of April 1959/);
    assert.equal(record('coe-mla').adopted_on, '1959-04-20');
    // UN instruments: opened for signature at Palermo in December 2000 (after adoption in November).
    assert.match(article('untoc', '36').texts!.en!, /from 12 to 15 December 2000 in Palermo, Italy/);
    assert.match(article('untoc-tip', '16').texts!.en!, /from 12 to 15 December 2000 in Palermo, Italy/);
    assert.match(article('uncac', '67').texts!.en!, /from 9 to 11 December 2003 in Merida, Mexico/);
    assert.match(article('untoc', '41').texts!.en!, /Arabic, Chinese, English, French, Russian and Spanish texts are equally authentic/);
    for (const r of records) assert.ok(r.adopted_on! < r.entry_into_force_on!, `${r.id}: adopted before entry into force`);
  });
});
