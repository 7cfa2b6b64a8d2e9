import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { availableTransitions, canTransition, findTransition, INITIAL_STATE, transitionChanges, transitionFieldIssues, TRANSITIONS, transitionsFrom } from './transitions.js';
import { INCOMING_STATES, OUTGOING_STATES, type CaseState, type Direction } from './vocabulary.js';

const all = () => true;

function reachable(direction: Direction): Set<CaseState> {
  const seen = new Set<CaseState>([INITIAL_STATE[direction]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of TRANSITIONS) {
      if (t.direction !== direction || seen.has(t.to) || !t.from.some((s) => seen.has(s))) continue;
      seen.add(t.to);
      grew = true;
    }
  }
  return seen;
}

describe('casework transitions', () => {
  it('reaches every state of each direction from its first state', () => {
    assert.deepEqual([...reachable('incoming')].sort(), [...INCOMING_STATES].sort());
    assert.deepEqual([...reachable('outgoing')].sort(), [...OUTGOING_STATES].sort());
  });

  it('uses only the states of its direction and unique names per direction', () => {
    for (const t of TRANSITIONS) {
      const states: readonly string[] = t.direction === 'incoming' ? INCOMING_STATES : OUTGOING_STATES;
      for (const s of [...t.from, t.to]) assert.ok(states.includes(s), `${t.direction} ${t.name}: ${s}`);
      assert.equal(TRANSITIONS.filter((x) => x.direction === t.direction && x.name === t.name).length, 1, t.name);
    }
  });

  it('leaves a closed case only by reopening, with a reason', () => {
    for (const d of ['incoming', 'outgoing'] as const) {
      assert.deepEqual(transitionsFrom(d, 'closed').map((t) => t.name), ['reopen']);
      assert.deepEqual(findTransition(d, 'reopen')!.requires, ['comment']);
    }
    // Every state but closed has a way on (no dead end).
    for (const s of INCOMING_STATES) if (s !== 'closed') assert.ok(transitionsFrom('incoming', s).some((t) => t.name !== 'reopen'), s);
    for (const s of OUTGOING_STATES) if (s !== 'closed') assert.ok(transitionsFrom('outgoing', s).some((t) => t.name !== 'reopen'), s);
  });

  it('requires grounds and reasons to refuse, a reason and date to postpone, a date and channel to send', () => {
    const refuse = findTransition('incoming', 'refuse')!;
    assert.deepEqual(transitionFieldIssues(refuse, {}).issues.map((i) => i.field).sort(), ['comment', 'grounds']);
    assert.match(transitionFieldIssues(refuse, { comment: 'x', grounds: ['bank_secrecy_not_a_ground'] }).issues[0]!.message, /18\(8\)/);
    assert.match(transitionFieldIssues(refuse, { comment: 'x', grounds: ['nonsense'] }).issues[0]!.message, /unknown/);
    const ok = transitionFieldIssues(refuse, { comment: ' Not a crime here ', grounds: ['dual_criminality'] });
    assert.deepEqual(ok.issues, []);
    assert.deepEqual(transitionChanges(refuse, ok.values, 'u1', '2026-01-02'), { refusal_grounds: ['dual_criminality'], outcome: 'refused' });
    const postpone = findTransition('incoming', 'postpone')!;
    assert.deepEqual(transitionFieldIssues(postpone, { comment: 'ongoing trial', until: '2026-02-30' }).issues.map((i) => i.field), ['until']);
    const send = findTransition('outgoing', 'send')!;
    assert.deepEqual(transitionFieldIssues(send, { date: '2026-03-01' }).issues.map((i) => i.field), ['channel']);
    const sent = transitionFieldIssues(send, { date: '2026-03-01', channel: 'electronic' });
    assert.deepEqual(transitionChanges(send, sent.values, 'u1', '2026-03-02'), { sent_on: '2026-03-01', channel: 'electronic' });
    const results = findTransition('incoming', 'send_results')!;
    assert.deepEqual(transitionFieldIssues(results, { date: '2026-03-01', outcome: 'refused' }).issues.map((i) => i.field), ['outcome']);
  });

  it('keeps four eyes on approval: the author never approves', () => {
    const subject = { direction: 'outgoing' as const, state: 'awaiting_approval' as const, authorId: 'ana' };
    assert.deepEqual(canTransition('ana', subject, 'approve', all).ok, false);
    assert.equal((canTransition('ana', subject, 'approve', all) as { reason: string }).reason, 'four_eyes');
    assert.equal(canTransition('ben', subject, 'approve', all).ok, true);
    assert.equal((canTransition('ben', { ...subject, authorId: null }, 'approve', all) as { reason: string }).reason, 'four_eyes');
    const approved = canTransition('ben', subject, 'approve', all);
    assert.ok(approved.ok);
    assert.deepEqual(transitionChanges(approved.transition, transitionFieldIssues(approved.transition, {}).values, 'ben', '2026-01-01'), { approved_by: 'ben' });
  });

  it('checks permission before the state, and leaves forwarding to the forwarding service', () => {
    for (const state of INCOMING_STATES) {
      assert.equal((canTransition('eve', { direction: 'incoming', state, authorId: null }, 'refuse', () => false) as { reason: string }).reason, 'permission');
    }
    assert.equal((canTransition('ana', { direction: 'incoming', state: 'registered', authorId: null }, 'forward', all) as { reason: string }).reason, 'elsewhere');
    assert.equal(canTransition('ana', { direction: 'incoming', state: 'registered', authorId: null }, 'nonsense', all).ok, false);
    const names = availableTransitions('ana', { direction: 'incoming', state: 'registered', authorId: null }, (a) => a === 'casework.edit').map((t) => t.name);
    assert.deepEqual(names, ['start_assessment', 'request_information']);
  });
});
