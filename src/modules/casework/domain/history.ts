/**
 * The hash chain of a case's history (pure). Each event's hash covers the previous event's hash and
 * the canonical JSON of its own content, so an event altered, removed or inserted in SQL breaks the
 * chain at that event: verifyChain names the first event that does not match.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../../knowledge/index.js';
import type { EventType } from './vocabulary.js';

/** prev_hash of the first event of a case. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers. Documents enter through their SHA-256 in `data`. */
export interface EventContent {
  caseId: string;
  seq: number;
  /** ISO 8601 timestamp with milliseconds, in UTC (as stored: timestamptz keeps microseconds, we write milliseconds). */
  at: string;
  actorId: string | null;
  actingAuthorityId: string | null;
  type: EventType;
  data: Record<string, unknown>;
}

export function eventHash(prevHash: string, content: EventContent): string {
  const canonical = canonicalJson({
    case_id: content.caseId,
    seq: content.seq,
    at: content.at,
    actor_id: content.actorId,
    acting_authority_id: content.actingAuthorityId,
    type: content.type,
    data: content.data,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface StoredEvent extends EventContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expectedSeq: number; eventId: number }
  | { kind: 'prev_hash'; seq: number; eventId: number }
  | { kind: 'hash'; seq: number; eventId: number }
  | { kind: 'head'; seq: number; eventId: number };

export interface ChainVerdict {
  ok: boolean;
  events: number;
  /** The first problem found, naming the event. */
  problem?: ChainProblem;
  /** hash of the last event (the head), for comparison with a receipt or an export. */
  head: string;
}

/**
 * Recompute a case's chain from its events in seq order. `recorded` (the last seq and head kept on
 * the case row) also detects events removed from the end.
 */
export function verifyChain(events: readonly StoredEvent[], recorded?: { seq: number; head: string }): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { ok: false, events: events.length, head: prev, problem: { kind: 'gap', seq: e.seq, expectedSeq, eventId: e.id } };
    if (e.prevHash !== prev) return { ok: false, events: events.length, head: prev, problem: { kind: 'prev_hash', seq: e.seq, eventId: e.id } };
    const hash = eventHash(prev, e);
    if (hash !== e.hash) return { ok: false, events: events.length, head: prev, problem: { kind: 'hash', seq: e.seq, eventId: e.id } };
    prev = hash;
    expectedSeq++;
  }
  if (recorded && (recorded.seq !== events.length || recorded.head !== prev)) {
    const last = events[events.length - 1];
    return { ok: false, events: events.length, head: prev, problem: { kind: 'head', seq: last?.seq ?? 0, eventId: last?.id ?? 0 } };
  }
  return { ok: true, events: events.length, head: prev };
}
