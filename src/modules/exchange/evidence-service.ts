/**
 * Evidence signed by this node (docs/EXCHANGE.md "Evidence"), its record in the case's history, and
 * reading it back for the case's staff (exchange.read on the message's authority).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { allow, assertAllowedSomewhere, scopeOf, type Actor } from '../access/index.js';
import { recordExchangeStep } from '../casework/index.js';
import { signJws, type SigningKey } from './domain/crypto.js';
import { EVIDENCE_TYPE, evidenceContent, type EvidenceContent, type EvidenceEvent } from './domain/evidence.js';
import { isUuid } from './domain/message.js';
import { signingKey } from './identity-service.js';
import * as repo from './repository/messages.js';

type EvidenceInput = Omit<EvidenceContent, 'v' | 'event_uri' | 'signer' | 'at'> & { event: EvidenceEvent; at?: string };

export async function signEvidence(db: Kysely<DB>, config: Config, e: EvidenceInput): Promise<{ jws: string; content: EvidenceContent }> {
  return signEvidenceWith(await signingKey(db, config), config, e);
}

/** Sign with a key already read (inside a transaction that holds the connection). */
export async function signEvidenceWith(key: SigningKey, config: Config, e: EvidenceInput): Promise<{ jws: string; content: EvidenceContent }> {
  const content = evidenceContent({ ...e, signer: config.exchangeNodeId, at: e.at ?? new Date().toISOString() });
  return { jws: await signJws(content, key, EVIDENCE_TYPE), content };
}

/** Keep a piece of evidence (ours or the partner's) and write it into the case's hash-chained history. */
export async function keepEvidence(trx: Transaction<DB>, message: { id: string; case_id: string | null; authority_id: string }, content: EvidenceContent, jws: string): Promise<repo.EvidenceRow> {
  const before = (await repo.evidenceOf(trx, [message.id])).find((r) => r.event === content.event && r.signer === content.signer);
  const row = await repo.insertEvidence(trx, { message_id: message.id, event: content.event, signer: content.signer, at: content.at, jws });
  if (!before && message.case_id) {
    await recordExchangeStep(trx, message.case_id, message.authority_id, { step: 'evidence', message_id: message.id, event: content.event, event_uri: content.event_uri, signer: content.signer, at: content.at, message_sha256: content.message_sha256, evidence_id: row.id, jws });
  }
  return row;
}

export interface MessageStatusView {
  id: string;
  direction: 'out' | 'in';
  kind: string;
  state: string;
  partnerId: string;
  inReplyTo: string | null;
  sha256: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  evidence: { id: string; event: string; signer: string; at: string }[];
}

/** The exchange messages of a case and their evidence, for the staff of its authority (exchange.read). */
export async function caseExchange(db: Kysely<DB>, actor: Actor, caseId: string): Promise<MessageStatusView[]> {
  assertAllowedSomewhere(actor, 'exchange.read');
  if (!isUuid(caseId)) throw new NotFoundError('No such case');
  const messages = await repo.messagesOfCase(db, caseId, scopeOf(actor, 'exchange.read').authorities);
  const evidence = await repo.evidenceOf(db, messages.map((m) => m.id));
  return messages.map((m) => ({
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    state: m.state,
    partnerId: m.partner_id,
    inReplyTo: m.in_reply_to,
    sha256: m.sha256,
    attempts: m.attempts,
    lastError: m.last_error,
    createdAt: new Date(m.created_at).toISOString(),
    deliveredAt: m.delivered_at ? new Date(m.delivered_at).toISOString() : null,
    evidence: evidence.filter((e) => e.message_id === m.id).map((e) => ({ id: e.id, event: e.event, signer: e.signer, at: new Date(e.at).toISOString() })),
  }));
}

/** One piece of evidence as a JWS (for download and checking with `palermo exchange verify`). */
export async function evidenceFile(db: Kysely<DB>, actor: Actor, id: string): Promise<{ jws: string; event: string; messageId: string }> {
  assertAllowedSomewhere(actor, 'exchange.read');
  const row = isUuid(id) ? await repo.evidenceById(db, id) : undefined;
  if (!row || !allow(actor, 'exchange.read', { authorityId: row.authority_id })) throw new NotFoundError('No such evidence');
  return { jws: row.jws, event: row.event, messageId: row.message_id };
}
