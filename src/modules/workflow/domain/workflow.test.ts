import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { availableTransitions, canTransition, TRANSITIONS } from './transitions.js';
import { diffDocuments, diffText, tokenize } from './diff.js';

describe('workflow transitions', () => {
  const all = () => true;

  it('lets an editor submit a draft and another person publish it', () => {
    assert.equal(canTransition('ana', { state: 'draft', authorIds: ['ana'] }, 'submit', all).ok, true);
    assert.equal(canTransition('ben', { state: 'in_review', authorIds: ['ana'] }, 'publish', all).ok, true);
  });

  it('never lets anyone publish their own change (four eyes)', () => {
    const r = canTransition('ana', { state: 'in_review', authorIds: ['ana', 'carl'] }, 'publish', all);
    assert.deepEqual(r, { ok: false, reason: 'four_eyes' });
    assert.deepEqual(canTransition('carl', { state: 'in_review', authorIds: ['ana', 'carl'] }, 'publish', all), { ok: false, reason: 'four_eyes' });
  });

  it('checks the state, the permission and the comment', () => {
    assert.deepEqual(canTransition('ben', { state: 'draft', authorIds: ['ana'] }, 'publish', all), { ok: false, reason: 'state' });
    assert.deepEqual(canTransition('ben', { state: 'in_review', authorIds: ['ana'] }, 'publish', (v) => v !== 'publish'), { ok: false, reason: 'permission' });
    assert.deepEqual(canTransition(undefined, { state: 'in_review', authorIds: ['ana'] }, 'publish', all), { ok: false, reason: 'permission' });
    // Without the permission, the answer is the same whatever the state (nothing revealed).
    for (const state of ['draft', 'in_review', 'published', 'archived', 'discarded', 'superseded'] as const) {
      assert.deepEqual(canTransition('eve', { state, authorIds: ['ana'] }, 'publish', () => false), { ok: false, reason: 'permission' }, state);
    }
    assert.deepEqual(canTransition('ben', { state: 'in_review', authorIds: ['ana'] }, 'return', all, '  '), { ok: false, reason: 'comment' });
  });

  it('lists only the buttons the actor may press', () => {
    assert.deepEqual(availableTransitions('ana', { state: 'in_review', authorIds: ['ana'] }, all), ['withdraw']);
    assert.deepEqual(availableTransitions('ben', { state: 'in_review', authorIds: ['ana'] }, all).sort(), ['publish', 'return', 'withdraw']);
    assert.deepEqual(availableTransitions('ben', { state: 'in_review', authorIds: ['ana'] }, (v) => v === 'edit'), ['withdraw']);
  });

  it('has a transition out of every non-final state', () => {
    for (const s of ['draft', 'in_review', 'published', 'archived'] as const) {
      assert.ok(TRANSITIONS.some((t) => t.from.includes(s)), s);
    }
  });
});

describe('diff', () => {
  const join = (ops: { op: string; text: string }[], side: 'a' | 'b') =>
    ops.filter((o) => o.op === 'equal' || o.op === (side === 'a' ? 'delete' : 'insert')).map((o) => o.text).join('');

  it('finds word insertions and deletions', () => {
    const ops = diffText('The court granted extradition.', 'The appeal court refused extradition.');
    assert.deepEqual(
      ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text.trim()]),
      [
        ['insert', 'appeal'],
        ['delete', 'granted'],
        ['insert', 'refused'],
      ],
    );
  });

  it('works on Arabic and Chinese text', () => {
    const ops = diffText('المساعدة القانونية المتبادلة', 'المساعدة القانونية');
    assert.equal(join(ops, 'b'), 'المساعدة القانونية');
    const zh = diffText('司法协助条约', '引渡条约');
    assert.equal(join(zh, 'a'), '司法协助条约');
    assert.equal(join(zh, 'b'), '引渡条约');
  });

  it('always reconstructs both sides (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const ops = diffText(a, b);
        return join(ops, 'a') === a && join(ops, 'b') === b;
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', ' ', '.'), { maxLength: 60 }), fc.array(fc.constantFrom('a', 'b', 'c', ' ', '.'), { maxLength: 60 }), (a, b) => {
        const ops = diffText(a.join(''), b.join(''), 5);
        return join(ops, 'a') === a.join('') && join(ops, 'b') === b.join('');
      }),
    );
  });

  it('cuts only between words, never leaves an empty part or two neighbours of one kind (property)', () => {
    const word = fc.constantFrom('court', 'cour', 'extradition', 'مساعدة', '司法', 'Верховный', '1969', ' ', '  ', '.', ',', '\n');
    const text = fc.array(word, { maxLength: 40 }).map((w) => w.join(''));
    const boundaries = (s: string) => {
      const out = new Set([0]);
      let at = 0;
      for (const t of tokenize(s)) out.add((at += t.length));
      return out;
    };
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 4000 }), (a, b, maxEdits) => {
        const ops = diffText(a, b, maxEdits);
        if (join(ops, 'a') !== a || join(ops, 'b') !== b) return false;
        if (ops.some((o, i) => !o.text || (i > 0 && ops[i - 1]!.op === o.op))) return false;
        for (const [text, kind] of [[a, 'delete'], [b, 'insert']] as const) {
          const cuts = boundaries(text);
          let at = 0;
          for (const o of ops.filter((o) => o.op === 'equal' || o.op === kind)) if (!cuts.has((at += o.text.length))) return false;
          if (at !== text.length) return false;
        }
        return true;
      }),
    );
  });

  it('keeps every character when tokenizing', () => {
    fc.assert(fc.property(fc.string(), (s) => tokenize(s).join('') === s));
  });

  it('reports field changes with paths', () => {
    const changes = diffDocuments(
      { texts: { en: { title: 'A' } }, crime_types: ['corruption'], court: 'X' },
      { texts: { en: { title: 'B' }, fr: { title: 'C' } }, crime_types: [], court: 'X' },
    );
    assert.deepEqual(
      changes.map((c) => [c.path, c.kind]),
      [
        ['crime_types', 'removed'],
        ['texts.en.title', 'changed'],
        ['texts.fr', 'added'],
      ],
    );
  });
});
