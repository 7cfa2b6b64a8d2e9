import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { availableTrackTransitions, canTransitionTrack, parseForwardInput, parseTrackTransitionInput, tracksSummary, TRACK_TRANSITIONS } from './execution.js';
import { EXECUTION_STATES } from './vocabulary.js';

test('the executing authority records its progress; only the owner withdraws; a reason is required to end without execution', () => {
  const exec = (by: string) => by === 'either';
  const owner = () => true;
  assert.deepEqual(availableTrackTransitions('forwarded', exec), ['acknowledge', 'start', 'execute', 'unable']);
  assert.deepEqual(availableTrackTransitions('forwarded', owner), ['acknowledge', 'start', 'execute', 'unable', 'withdraw']);
  assert.deepEqual(availableTrackTransitions('executed', owner), []);
  assert.deepEqual(canTransitionTrack('in_execution', 'unable', exec, ' '), { ok: false, reason: 'reason' });
  assert.equal(canTransitionTrack('in_execution', 'unable', exec, 'Person not found').ok, true);
  assert.deepEqual(canTransitionTrack('executed', 'withdraw', exec), { ok: false, reason: 'permission' }, 'permission before state');
  assert.deepEqual(canTransitionTrack('executed', 'execute', exec), { ok: false, reason: 'state' });
  assert.deepEqual(canTransitionTrack('forwarded', 'teleport', owner), { ok: false, reason: 'unknown' });
});

test('every state is reachable from forwarded and final states have no way out', () => {
  const seen = new Set<string>(['forwarded']);
  for (let i = 0; i < 5; i++) for (const t of TRACK_TRANSITIONS) if (t.from.some((f) => seen.has(f))) seen.add(t.to);
  assert.deepEqual([...seen].sort(), [...EXECUTION_STATES].sort());
});

test('summary: ready for results review when every track ended and one answered', () => {
  assert.equal(tracksSummary([]).readyForResultsReview, false);
  assert.equal(tracksSummary([{ state: 'executed' }, { state: 'in_execution' }]).readyForResultsReview, false);
  assert.equal(tracksSummary([{ state: 'executed' }, { state: 'unable_to_execute' }]).readyForResultsReview, true);
  assert.equal(tracksSummary([{ state: 'withdrawn' }]).readyForResultsReview, false);
  assert.deepEqual(tracksSummary([{ state: 'executed' }, { state: 'executed' }]).byState, { executed: 2 });
});

test('forward and transition inputs name their bad fields and never throw', () => {
  const r = parseForwardInput({ executingAuthorityId: 'bad id!', bodyKind: 'army', measures: ['OK?'], dueOn: '2026-99-01', note: 5 });
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.issues.map((i) => i.field), ['executingAuthorityId', 'bodyKind', 'measures', 'dueOn', 'note']);
  const none = parseForwardInput({});
  assert.equal(none.ok, false);
  const ok = parseForwardInput({ executingName: ' Parquet de Paris ', bodyKind: 'prosecution', measures: 'taking-evidence, search-seizure-freezing', dueOn: '2027-01-15' });
  assert.ok(ok.ok && ok.value.measures.length === 2 && ok.value.executingName === 'Parquet de Paris');
  const tr = parseTrackTransitionInput({ transition: 'execute', version: '3' });
  assert.ok(tr.ok && tr.value.version === 3);
  fc.assert(fc.property(fc.anything(), (x) => void (parseForwardInput(x), parseTrackTransitionInput(x))));
  fc.assert(fc.property(fc.dictionary(fc.constantFrom('executingAuthorityId', 'executingName', 'bodyKind', 'measures', 'dueOn', 'note', 'transition', 'reason', 'version'), fc.anything()), (x) => void (parseForwardInput(x), parseTrackTransitionInput(x))));
});
