import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnOfField, escapeCell, exportHeader, parseHeader, recordToRow, rowToFields, rowToRecord, unescapeCell } from './csv-columns.js';
import type { CaseDocument } from '../../knowledge/index.js';

describe('CSV columns', () => {
  it('reads language columns, including tags with a region, and names unknown ones', () => {
    const { columns, issues } = parseHeader('legislation', ['id', 'country', 'law_id', 'title_en', 'body_pt-BR', 'machine_translated_fr', 'translated_from_fr', 'titel_de']);
    assert.deepEqual(issues, [{ field: 'titel_de', message: 'is not a column of legislation CSV files (see docs/IMPORT-FORMATS.md)' }]);
    assert.deepEqual(columns.slice(3, 7).map((c) => [c.field, c.lang, c.kind]), [
      ['title', 'en', 'string'],
      ['body', 'pt-BR', 'string'],
      ['machine_translated', 'fr', 'bool'],
      ['translated_from', 'fr', 'string'],
    ]);
  });

  it('turns a row into a record: empty cells are absent, lists split on |, booleans and numbers typed', () => {
    const { columns } = parseHeader('case', ['id', 'country', 'untoc_legal_basis', 'cooperating_states', 'articles', 'sources', 'title_en', 'summary_en', 'title_fr']);
    const row = rowToFields(columns, ['c1', 'ITA', 'FALSE', 'ESP| COL |', '', '[{"title":"Court"}]', 'Title', '', '']);
    assert.deepEqual(row.issues, []);
    assert.deepEqual(rowToRecord('case', row), {
      type: 'case',
      id: 'c1',
      country: 'ITA',
      untoc_legal_basis: false,
      cooperating_states: ['ESP', 'COL'],
      sources: [{ title: 'Court' }],
      texts: { en: { title: 'Title' } },
    });
    assert.deepEqual(rowToFields(parseHeader('strategy', ['id', 'country', 'period_start', 'title_en']).columns, ['s', 'ESP', '2019.5', 'x']).issues, [
      { field: 'period_start', message: 'must be a whole number' },
    ]);
  });

  it('writes a record as a row that reads back as the same record', () => {
    const doc: CaseDocument = {
      type: 'case',
      id: 'c2',
      country: 'ITA',
      decision_date: '2019-05-14',
      cooperating_states: ['ESP'],
      crime_types: ['drug-offences'],
      demo: true,
      texts: { en: { title: '=cmd|calc', summary: 'Line 1\nLine 2', status: 'published' }, ar: { title: 'قضية', machine_translated: true, translated_from: 'en' } },
      sources: [{ title: 'Court, "site"', url: 'https://example.org/' }],
    };
    const langs = ['ar', 'en'];
    const header = exportHeader('case', langs);
    const cells = recordToRow(doc, langs);
    assert.equal(cells[header.indexOf('title_en')], "'=cmd|calc", 'a formula is neutralised for spreadsheets');
    const back = rowToRecord('case', rowToFields(parseHeader('case', header).columns, cells));
    assert.deepEqual(back, { ...doc });
  });

  it('escapes formulas reversibly for any text', () => {
    const text = fc.oneof(fc.string(), fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'a'), fc.string()).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeCell(s);
        assert.ok(!/^[=+\-@\t\r]/.test(e));
        assert.equal(unescapeCell(e), s);
      }),
    );
  });

  it('names the column of a record field', () => {
    assert.equal(columnOfField('texts.fr.title'), 'title_fr');
    assert.equal(columnOfField('texts.pt-BR'), 'pt-BR columns');
    assert.equal(columnOfField('texts'), 'title_<lang>');
    assert.equal(columnOfField('articles.2'), 'articles[3]');
    assert.equal(columnOfField('sources.0.url'), 'sources[1]');
    assert.equal(columnOfField('titles.ru'), 'title_ru');
    assert.equal(columnOfField('country'), 'country');
  });
});
