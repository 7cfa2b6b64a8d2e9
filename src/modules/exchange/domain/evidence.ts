/**
 * Delivery evidence (docs/EXCHANGE.md "Evidence"): the events of ETSI EN 319 522-1 a node observed about
 * a message, signed (JWS, EdDSA) by that node. Pure content; signing in crypto.ts.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';

export const EVIDENCE_VERSION = 'palermo-evidence/1';
export const EVIDENCE_TYPE = 'palermo-evidence+jws';
export const ETSI_EVENT_BASE = 'http://uri.etsi.org/19522/Event/';

/** ETSI EN 319 522 events (the subset Palermo produces or accepts). */
export const EVIDENCE_EVENTS = ['SubmissionAcceptance', 'SubmissionRejection', 'RelayAcceptance', 'RelayRejection', 'RelayFailure', 'Delivery', 'NonDelivery', 'Retrieval', 'NonRetrieval'] as const;
export type EvidenceEvent = (typeof EVIDENCE_EVENTS)[number];

export interface EvidenceContent {
  v: typeof EVIDENCE_VERSION;
  event: EvidenceEvent;
  event_uri: string;
  message_id: string;
  /** SHA-256 (hex) of the signed message (its JWS compact serialisation) as sent. */
  message_sha256: string;
  sender: string;
  recipient: string;
  /** The node that observed the event and signs. */
  signer: string;
  at: string;
  reason?: string;
}

export function evidenceContent(e: Omit<EvidenceContent, 'v' | 'event_uri'>): EvidenceContent {
  return { v: EVIDENCE_VERSION, event: e.event, event_uri: ETSI_EVENT_BASE + e.event, message_id: e.message_id, message_sha256: e.message_sha256, sender: e.sender, recipient: e.recipient, signer: e.signer, at: e.at, ...(e.reason ? { reason: e.reason } : {}) };
}

export function checkEvidence(input: unknown): { ok: true; value: EvidenceContent } | { ok: false; issues: FieldIssue[] } {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (o.v !== EVIDENCE_VERSION) issues.push({ field: 'v', message: `must be "${EVIDENCE_VERSION}"` });
  if (!EVIDENCE_EVENTS.includes(o.event as EvidenceEvent)) issues.push({ field: 'event', message: 'is not an ETSI EN 319 522 event Palermo knows' });
  else if (o.event_uri !== ETSI_EVENT_BASE + o.event) issues.push({ field: 'event_uri', message: 'does not match the event' });
  if (typeof o.message_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(o.message_sha256)) issues.push({ field: 'message_sha256', message: 'must be a SHA-256 in hex' });
  for (const k of ['message_id', 'sender', 'recipient', 'signer', 'at']) if (typeof o[k] !== 'string' || !o[k]) issues.push({ field: k, message: 'is required' });
  return issues.length ? { ok: false, issues } : { ok: true, value: o as unknown as EvidenceContent };
}
