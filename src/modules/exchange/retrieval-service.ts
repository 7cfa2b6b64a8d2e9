/**
 * Retrieval evidence (docs/EXCHANGE.md "Evidence"): when someone of the receiving authority first opens
 * the messages of a case (its exchange page or API), this node signs **Retrieval** evidence for each
 * message received and not yet retrieved, keeps it in the case's history, and sends it back to the
 * sender (job `exchange.return_evidence`, retried with back-off), whose node verifies it and keeps it in
 * its own case's history: the sender sees when its message was opened.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { enqueue, wakeWorkers, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import { scopeOf, type Actor } from '../access/index.js';
import { ExchangeCryptoError, verifyJws } from './domain/crypto.js';
import { checkEvidence, EVIDENCE_TYPE } from './domain/evidence.js';
import { isUuid } from './domain/message.js';
import { isConfigured } from './env.js';
import { keepEvidence, signEvidence } from './evidence-service.js';
import * as repo from './repository/messages.js';
import * as partners from './repository/partners.js';
import { trustedSigner } from './trust-service.js';

export const RETURN_EVIDENCE_JOB = 'exchange.return_evidence';
/** Evidence a sender's node accepts back from the recipient about its own messages. */
const RETURNED_EVENTS = ['Retrieval', 'NonRetrieval'];

/** The actor opens a case's messages: Retrieval evidence for each received message of its authority not yet retrieved. */
export async function noteRetrieval(db: Kysely<DB>, config: Config, actor: Actor, caseId: string): Promise<number> {
  if (!isConfigured(config) || !isUuid(caseId) || !actor.userId) return 0;
  const authorities = scopeOf(actor, 'exchange.read').authorities;
  return signAndReturn(db, config, await repo.unretrievedIncoming(db, caseId, authorities, config.exchangeNodeId), 'Retrieval');
}

/** Sign this evidence about each received message, keep it in the case's history and send it back to the sender. */
async function signAndReturn(db: Kysely<DB>, config: Config, messages: repo.MessageRow[], event: 'Retrieval' | 'NonRetrieval', reason?: string): Promise<number> {
  for (const m of messages) {
    const partner = await partners.partner(db, m.partner_id);
    if (!partner) continue;
    const e = await signEvidence(db, config, { event, message_id: m.id, message_sha256: m.sha256, sender: partner.node_id, recipient: config.exchangeNodeId, ...(reason ? { reason } : {}) });
    await db.transaction().execute(async (trx) => {
      const row = await keepEvidence(trx, m, e.content, e.jws);
      await enqueue(trx, RETURN_EVIDENCE_JOB, { evidenceId: row.id }, { key: `return:${row.id}` });
    });
  }
  if (messages.length) wakeWorkers(RETURN_EVIDENCE_JOB);
  return messages.length;
}

/**
 * NonRetrieval (the hourly sweep): messages received more than EXCHANGE_RETRIEVAL_HOURS ago that nobody
 * of the recipient authority has opened get this node's signed NonRetrieval evidence, kept in the case's
 * history and returned to the sender. A later opening still signs Retrieval.
 */
export async function noteNonRetrieval(db: Kysely<DB>, config: Config, now = new Date()): Promise<number> {
  if (!isConfigured(config)) return 0;
  const before = new Date(now.getTime() - config.exchangeRetrievalHours * 3_600_000);
  return signAndReturn(db, config, await repo.unretrievedSince(db, before, config.exchangeNodeId), 'NonRetrieval', `not opened by the recipient authority within ${config.exchangeRetrievalHours} hours`);
}

/** Returned evidence, at the inbox (`{"evidence": "<JWS>"}`): signed by the partner's confirmed key, about a message this node sent it. */
export async function receiveEvidence(db: Kysely<DB>, jws: unknown): Promise<{ messageId: string; event: string }> {
  if (typeof jws !== 'string' || !jws || jws.length > 20_000) throw new ValidationError([{ field: 'evidence', message: 'must be a JWS in compact serialisation' }]);
  let verified: { payload: unknown; kid: string };
  try {
    verified = await verifyJws(jws, async (kid) => (await trustedSigner(db, kid)).verdict, EVIDENCE_TYPE);
  } catch (err) {
    if (!(err instanceof ExchangeCryptoError)) throw err;
    const status = err.reason === 'unknown_key' || err.reason === 'revoked_key' ? 403 : 400;
    throw new AppError(status, `exchange_${err.reason}`, err.message, [{ field: 'evidence', message: err.message }]);
  }
  const checked = checkEvidence(verified.payload);
  if (!checked.ok) throw new ValidationError(checked.issues.map((i) => ({ field: `evidence.${i.field}`, message: i.message })));
  const e = checked.value;
  const signer = await trustedSigner(db, verified.kid);
  if (e.signer !== signer.nodeId) throw new AppError(403, 'exchange_wrong_sender', 'The evidence names another signer than the key that signed it', [{ field: 'evidence.signer', message: 'is not the signing node' }]);
  if (!RETURNED_EVENTS.includes(e.event)) throw new ValidationError([{ field: 'evidence.event', message: `must be one of ${RETURNED_EVENTS.join(', ')}` }]);
  const m = isUuid(e.message_id) ? await repo.findMessage(db, e.message_id) : undefined;
  if (!m || m.direction !== 'out' || m.partner_id !== signer.partnerId || m.sha256 !== e.message_sha256 || e.recipient !== e.signer) {
    throw new ValidationError([{ field: 'evidence.message_id', message: 'is not a message this node sent to the signer' }]);
  }
  await db.transaction().execute(async (trx) => {
    await keepEvidence(trx, m, e, jws);
  });
  return { messageId: m.id, event: e.event };
}

/** Send a piece of this node's evidence back to the sender of the message (the partner answers 200 once kept). */
export const returnEvidenceJob: JobDefinition<{ evidenceId: string }, Runtime> = {
  name: RETURN_EVIDENCE_JOB,
  retryLimit: 12,
  retryDelaySeconds: 2,
  expireInSeconds: 120,
  async handler(data, _job, rt) {
    const e = await repo.evidenceById(rt.db, data.evidenceId);
    const m = e && (await repo.findMessage(rt.db, e.message_id));
    const partner = m && (await partners.partner(rt.db, m.partner_id));
    if (!e || !partner || partner.state === 'revoked') return;
    const res = await fetch(partner.inbox_url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ evidence: e.jws }), signal: AbortSignal.timeout(30_000), redirect: 'error' });
    if (!res.ok) throw new Error(`partner refused the evidence (HTTP ${res.status}): ${(await res.text()).slice(0, 300)}`);
  },
};
