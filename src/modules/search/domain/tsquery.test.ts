import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Bits } from './bits.js';
import { evaluate, lexemesOf, onlyPlainLexemes, parseTsQuery, phrasesOf, printTsQuery, type TsNode } from './tsquery.js';

const print = printTsQuery;

const LEXEMES = ['assist', 'court', "o'brien", 'back\\slash', '司法', 'مساعد'];
const tree: fc.Arbitrary<TsNode> = fc.letrec<{ node: TsNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEXEMES).map((lexeme): TsNode => ({ op: 'lexeme', lexeme, prefix: false, weights: '' })),
    tie('node').map((arg): TsNode => ({ op: 'not', arg })),
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), tie('node'), tie('node')).map(([op, left, right]): TsNode => ({ op, left, right })),
    fc.tuple(fc.integer({ min: 1, max: 3 }), tie('node'), tie('node')).map(([distance, left, right]): TsNode => ({ op: 'phrase', distance, left, right })),
  ),
})).node;

/** Direct evaluation on one document's set of lexemes (phrases as AND of their words: an upper bound). */
function holds(n: TsNode, words: ReadonlySet<string>, inPhrase = false): boolean {
  switch (n.op) {
    case 'lexeme':
      return words.has(n.lexeme);
    case 'not':
      return inPhrase ? true : !holds(n.arg, words);
    case 'or':
      return holds(n.left, words, inPhrase) || holds(n.right, words, inPhrase);
    default: {
      const nested = inPhrase || n.op === 'phrase';
      return holds(n.left, words, nested) && holds(n.right, words, nested);
    }
  }
}

const hasPhrase = (n: TsNode): boolean => (n.op === 'phrase' ? true : n.op === 'lexeme' ? false : n.op === 'not' ? hasPhrase(n.arg) : hasPhrase(n.left) || hasPhrase(n.right));

describe('tsquery text', () => {
  it('parses what PostgreSQL prints, with its operator priorities', () => {
    assert.deepEqual(parseTsQuery("'a' | 'b' & 'c'"), {
      op: 'or',
      left: { op: 'lexeme', lexeme: 'a', prefix: false, weights: '' },
      right: { op: 'and', left: { op: 'lexeme', lexeme: 'b', prefix: false, weights: '' }, right: { op: 'lexeme', lexeme: 'c', prefix: false, weights: '' } },
    });
    const phrase = parseTsQuery("( 'act' <2> '4710' | 'act' <-> 'no' <-> '4710' ) & !'bank'");
    assert.equal(phrase.op, 'and');
    assert.deepEqual(lexemesOf(phrase), ['act', '4710', 'no', 'bank']);
    assert.deepEqual(parseTsQuery("'it''s' & 'a\\\\b'"), {
      op: 'and',
      left: { op: 'lexeme', lexeme: "it's", prefix: false, weights: '' },
      right: { op: 'lexeme', lexeme: 'a\\b', prefix: false, weights: '' },
    });
    assert.equal(onlyPlainLexemes(parseTsQuery("'a':* & 'b'")), false);
    assert.equal(onlyPlainLexemes(parseTsQuery("'a':AB")), false);
  });

  it('refuses text it cannot read', () => {
    for (const bad of ['', "'a", "'a' &", "('a'", "'a' 'b'", "'a' <x> 'b'", 'a']) assert.throws(() => parseTsQuery(bad), /tsquery/, bad);
  });

  it('reads back what it prints', () => {
    fc.assert(fc.property(tree, (t) => assert.deepEqual(parseTsQuery(print(t)), t)));
  });

  it('evaluates over sets exactly without phrases, and as a superset with them', () => {
    const doc = fc.subarray(LEXEMES);
    fc.assert(
      fc.property(tree, fc.array(doc, { maxLength: 40 }), (t, docs) => {
        const universe = Bits.of(docs.map((_, i) => i));
        const postings = (l: string) => Bits.of(docs.flatMap((words, i) => (words.includes(l) ? [i] : [])));
        const { bits, exact } = evaluate(t, postings, universe);
        const expected = docs.flatMap((words, i) => (holds(t, new Set(words)) ? [i] : []));
        if (!hasPhrase(t)) {
          assert.equal(exact, true);
          assert.deepEqual([...bits.values()], expected);
        } else if (exact) assert.fail('a phrase is never exact');
        else for (const i of expected) assert.ok(bits.has(i), `document ${i} may match: it must be a candidate`);
      }),
    );
  });

  it('evaluates exactly when the documents of each outermost phrase are given', () => {
    const doc = fc.subarray(LEXEMES);
    fc.assert(
      fc.property(tree, fc.array(fc.tuple(doc, fc.integer()), { maxLength: 40 }), (t, docs) => {
        const universe = Bits.of(docs.map((_, i) => i));
        const postings = (l: string) => Bits.of(docs.flatMap(([words], i) => (words.includes(l) ? [i] : [])));
        // Whether a phrase holds in a document: any answer the database might give.
        const phrases = phrasesOf(t);
        const truth = (p: number, i: number) => ((docs[i]![1] >> p % 30) & 1) === 1;
        const given = new Map(phrases.map((p, k) => [p, Bits.of(docs.flatMap((_, i) => (truth(k, i) ? [i] : [])))]));
        const direct = (n: TsNode, i: number): boolean => {
          const k = phrases.indexOf(n);
          if (k >= 0) return truth(k, i);
          const words = new Set(docs[i]![0]);
          if (n.op === 'lexeme') return words.has(n.lexeme);
          if (n.op === 'not') return !direct(n.arg, i);
          if (n.op === 'or') return direct(n.left, i) || direct(n.right, i);
          return direct(n.left, i) && direct(n.right, i);
        };
        const { bits, exact } = evaluate(t, postings, universe, false, given);
        assert.equal(exact, true);
        assert.deepEqual([...bits.values()], docs.flatMap((_, i) => (direct(t, i) ? [i] : [])));
      }),
    );
  });

  it('finds the outermost phrases and prints what PostgreSQL reads back', () => {
    const t = parseTsQuery("'a' & !('b' <-> ('c' <2> 'd')) | 'e':*A");
    assert.deepEqual(phrasesOf(t).map(printTsQuery), ["('b' <-> ('c' <2> 'd'))"]);
    assert.equal(printTsQuery(t), "(('a' & !('b' <-> ('c' <2> 'd'))) | 'e':*A)");
  });
});
