import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery, buildTsQuery, termTexts } from './query.js';
import { equivalentsOf, joinThesaurusTerms, lookupTable, parseGroup, thesaurusKey, type ThesaurusGroup } from './thesaurus.js';

const groups: ThesaurusGroup[] = [
  { id: 1, lang: 'en', terms: ['MLA', 'mutual legal assistance'], note: null },
  { id: 2, lang: 'fr', terms: ['entraide judiciaire', 'entraide pénale'], note: null },
  { id: 3, lang: 'zh', terms: ['引渡', '移交逃犯'], note: null },
  { id: 4, lang: 'ru', terms: ['экстрадиция', 'выдача'], note: null },
];
const table = lookupTable(groups);

describe('thesaurus', () => {
  it('compares terms by their exact form: case, accents, spaces and quotes', () => {
    assert.equal(thesaurusKey('  Entraide   PÉNALE '), 'entraide penale');
    assert.equal(thesaurusKey('"MLA"'), 'mla');
    assert.equal(thesaurusKey('ЭКСТРАДИЦИЯ'), 'экстрадиция');
  });

  it('finds the equivalents of words and phrases, in term order, never the term itself', () => {
    const q = parseQuery('mla "entraide penale" 引渡 court');
    const eq = equivalentsOf(q, table);
    assert.deepEqual(eq.map((list) => list.map((e) => e.text)), [['mutual legal assistance'], ['entraide judiciaire'], ['移交逃犯'], []]);
    assert.equal(eq[2]![0]!.cjk, true);
    assert.equal(eq[1]![0]!.lang, 'fr');
  });

  it('joins consecutive plain words that form a term, and nothing else', () => {
    const joined = joinThesaurusTerms(parseQuery('request for mutual legal assistance -tax'), table);
    assert.deepEqual(joined.clauses.map((c) => c.terms.map((t) => t.text)), [['request'], ['for'], ['mutual legal assistance'], ['tax']]);
    assert.equal(joined.clauses[2]!.terms[0]!.phrase, false, 'still all words, not a phrase');
    const kept = joinThesaurusTerms(parseQuery('mutual -legal assistance'), table);
    assert.equal(kept.clauses.length, 3);
    const or = joinThesaurusTerms(parseQuery('mutual OR legal assistance'), table);
    assert.equal(or.clauses.length, 2);
  });

  it('ORs the analysed equivalents into the term, and excludes them with it', () => {
    const q = parseQuery('mla -mla');
    const analysed = termTexts(q).map(() => ({ stem: "'mla'", exact: "'mla'" }));
    const eq = { text: 'mutual legal assistance', cjk: false, analysed: { stem: "'mutual' <-> 'legal' <-> 'assist'", exact: "'mutual' <-> 'legal' <-> 'assistance'" } };
    const built = buildTsQuery(q, analysed, [[eq], [eq]]);
    assert.equal(built.tsquery, "('mla' | 'mutual' <-> 'legal' <-> 'assist' | 'mutual' <-> 'legal' <-> 'assistance') & !('mla' | 'mutual' <-> 'legal' <-> 'assist' | 'mutual' <-> 'legal' <-> 'assistance')");
    assert.deepEqual(built.highlight, ['mla', 'mutual legal assistance']);
  });

  it('validates a group: language, 2–20 distinct terms of at most 100 characters, a note; never throws', () => {
    assert.deepEqual(parseGroup({ lang: 'en', terms: 'MLA\r\nmla\n mutual  legal assistance \n\n', note: ' x ' }), { ok: true, value: { lang: 'en', terms: ['MLA', 'mutual legal assistance'], note: 'x' } });
    const bad = parseGroup({ lang: 'de', terms: ['only'], note: 5 });
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.field), ['lang', 'terms', 'note']);
    assert.equal(parseGroup({ lang: 'en', terms: `a\n${'b'.repeat(101)}` }).ok, false);
    assert.equal(parseGroup({ lang: 'en', terms: '---\n***' }).ok, false);
    fc.assert(
      fc.property(fc.record({ lang: fc.anything(), terms: fc.anything(), note: fc.anything() }, { requiredKeys: [] }), (raw) => {
        const r = parseGroup(raw);
        if (r.ok) {
          assert.ok(r.value.terms.length >= 2 && r.value.terms.length <= 20);
          assert.ok(r.value.terms.every((t) => t.length <= 100 && thesaurusKey(t)));
        } else assert.ok(r.issues.length > 0);
      }),
    );
  });
});
