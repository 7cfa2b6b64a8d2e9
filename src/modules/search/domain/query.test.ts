import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_TERMS, buildTsQuery, parseQuery, termTexts } from './query.js';

const terms = (q: string) => parseQuery(q).clauses.map((c) => ({ negated: c.negated, terms: c.terms.map((t) => (t.phrase ? `"${t.text}"` : t.text)) }));

describe('query syntax', () => {
  it('ANDs plain words', () => {
    assert.deepEqual(terms('mutual  legal assistance'), [
      { negated: false, terms: ['mutual'] },
      { negated: false, terms: ['legal'] },
      { negated: false, terms: ['assistance'] },
    ]);
  });

  it('keeps phrases, also unbalanced ones', () => {
    assert.deepEqual(terms('"mutual legal" assistance'), [
      { negated: false, terms: ['"mutual legal"'] },
      { negated: false, terms: ['assistance'] },
    ]);
    assert.deepEqual(terms('extradition "dual criminality'), [
      { negated: false, terms: ['extradition'] },
      { negated: false, terms: ['"dual criminality"'] },
    ]);
    assert.deepEqual(terms('""'), []);
  });

  it('groups OR alternatives, case-insensitively, ignoring stray ORs', () => {
    assert.deepEqual(terms('cocaine OR heroin or "opium poppy" seizure'), [
      { negated: false, terms: ['cocaine', 'heroin', '"opium poppy"'] },
      { negated: false, terms: ['seizure'] },
    ]);
    assert.deepEqual(terms('OR OR drugs OR'), [{ negated: false, terms: ['drugs'] }]);
  });

  it('excludes with a leading minus; a lone minus is ignored; exclusions never join an OR', () => {
    assert.deepEqual(terms('extradition -tax - -"fiscal offence"'), [
      { negated: false, terms: ['extradition'] },
      { negated: true, terms: ['tax'] },
      { negated: true, terms: ['"fiscal offence"'] },
    ]);
    assert.deepEqual(terms('-a OR b'), [
      { negated: true, terms: ['a'] },
      { negated: false, terms: ['b'] },
    ]);
    assert.deepEqual(terms('e-mail'), [{ negated: false, terms: ['e-mail'] }]);
  });

  it('drops punctuation-only words and caps the number of terms', () => {
    assert.deepEqual(terms('§ , ... extradition'), [{ negated: false, terms: ['extradition'] }]);
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    assert.equal(parseQuery(many).clauses.length, MAX_TERMS);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const p = parseQuery(s);
        const texts = termTexts(p);
        buildTsQuery(p, texts.map(() => ({ stem: "'x'", exact: "'x'" })));
        return p.clauses.every((c) => c.terms.length > 0 && (!c.negated || c.terms.length === 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('tsquery building', () => {
  it('matches each term by its stem or its exact form', () => {
    const p = parseQuery('extraditions "legal assistance"');
    const built = buildTsQuery(p, [
      { stem: "'extradit'", exact: "'extraditions'" },
      { stem: "'legal' <-> 'assist'", exact: "'legal' <-> 'assistance'" },
    ]);
    assert.equal(built.tsquery, "('extradit' | 'extraditions') & ('legal' <-> 'assist' | 'legal' <-> 'assistance')");
    assert.equal(built.positive, true);
  });

  it('excludes both forms of a negated term', () => {
    const built = buildTsQuery(parseQuery('court -extradited'), [
      { stem: "'court'", exact: "'court'" },
      { stem: "'extradit'", exact: "'extradited'" },
    ]);
    assert.equal(built.tsquery, "('court') & !('extradit' | 'extradited')");
  });

  it('keeps OR groups', () => {
    const built = buildTsQuery(parseQuery('cocaine OR heroin'), [
      { stem: "'cocain'", exact: "'cocaine'" },
      { stem: "'heroin'", exact: "'heroin'" },
    ]);
    assert.equal(built.tsquery, "(('cocain' | 'cocaine') | ('heroin'))");
  });

  it('drops stop words of the query language even though their exact form exists', () => {
    const built = buildTsQuery(parseQuery('the extradition'), [
      { stem: '', exact: "'the'" },
      { stem: "'extradit'", exact: "'extradition'" },
    ]);
    assert.equal(built.tsquery, "('extradit' | 'extradition')");
    const only = buildTsQuery(parseQuery('the of'), [
      { stem: '', exact: "'the'" },
      { stem: '', exact: "'of'" },
    ]);
    assert.equal(only.tsquery, undefined);
  });

  it('turns CJK terms into bigrams of the exact analysis only', () => {
    const p = parseQuery('司法协助');
    const [t] = termTexts(p);
    assert.equal(t?.cjk, true);
    assert.equal(t?.stem, '');
    assert.equal(t?.exact.trim(), '司法 法协 协助');
    assert.equal(t?.phrase, false, 'an unquoted CJK term is the AND of its bigrams (exact in the index, no position check)');
    const built = buildTsQuery(p, [{ stem: '', exact: "'司法' & '法协' & '协助'" }]);
    assert.equal(built.tsquery, "('司法' & '法协' & '协助')");
    assert.deepEqual(built.highlightCjk, ['司法协助']);
  });

  it('normalises Arabic query terms like documents', () => {
    const [t] = termTexts(parseQuery('المُسَاعَدَة'));
    assert.equal(t?.stem, 'المساعدة');
    assert.equal(t?.exact, 'المساعده');
  });

  it('keeps a query made only of exclusions', () => {
    const built = buildTsQuery(parseQuery('-drugs'), [{ stem: "'drug'", exact: "'drugs'" }]);
    assert.equal(built.tsquery, "!('drug' | 'drugs')");
    assert.equal(built.positive, false);
  });
});
