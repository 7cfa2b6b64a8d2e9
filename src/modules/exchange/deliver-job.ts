/**
 * The delivery job of an outgoing message: POST the JWE to the partner's inbox; the partner answers with
 * its signed Delivery evidence, which is verified (partner's trusted key, same message id and hash)
 * and kept with the case. A failed attempt is retried by the queue with back-off; after the last one
 * the message is failed, with this node's signed NonDelivery evidence in the case's history. Runs at least once: a message
 * already delivered is not sent again, and the partner takes the same message id once.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { enqueue, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import { verifyJws } from './domain/crypto.js';
import { checkEvidence, EVIDENCE_TYPE } from './domain/evidence.js';
import { keepEvidence, signEvidence } from './evidence-service.js';
import * as repo from './repository/messages.js';
import * as partners from './repository/partners.js';
import * as chunks from './repository/chunks.js';
import { trustedSigner } from './trust-service.js';
import { DELIVER_JOB } from './send-service.js';

const TIMEOUT_MS = 60_000;

async function attempt(rt: Runtime, messageId: string): Promise<void> {
  const { db } = rt;
  const m = await repo.findMessage(db, messageId);
  if (!m || m.direction !== 'out' || m.state !== 'queued' || !m.body) return;
  const partner = await partners.partner(db, m.partner_id);
  if (!partner || partner.state === 'revoked') throw new Error('the partner was revoked');
  const post = async (body: object): Promise<string> => {
    let res: Response;
    try {
      res = await fetch(partner.inbox_url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch (err) {
      throw new Error(`partner unreachable: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`partner refused (HTTP ${res.status}): ${text.slice(0, 300)}`);
    return text;
  };
  // Large documents first, chunk by chunk; a chunk the partner confirmed is not sent again (resumable).
  for (const c of await chunks.undelivered(db, m.id)) {
    const body = await chunks.outBody(db, m.id, c.document, c.seq);
    if (!body) continue;
    const held = JSON.parse(await post({ chunk: body })) as { sha256?: string };
    if (held.sha256 !== c.sha256) throw new Error(`the partner holds another chunk ${c.document}/${c.seq}`);
    await chunks.markChunkDelivered(db, m.id, c.document, c.seq);
  }
  const text = await post({ message: m.body });
  let evidence: string;
  try {
    evidence = (JSON.parse(text) as { evidence: string }).evidence;
    if (typeof evidence !== 'string') throw new Error();
  } catch {
    throw new Error('the partner did not answer with evidence');
  }
  const { payload, kid } = await verifyJws(evidence, async (k) => (await trustedSigner(db, k)).verdict, EVIDENCE_TYPE);
  const checked = checkEvidence(payload);
  if (!checked.ok) throw new Error(`the partner's evidence is malformed: ${checked.issues.map((i) => i.field).join(', ')}`);
  const e = checked.value;
  const signer = await trustedSigner(db, kid);
  if (signer.partnerId !== partner.id || e.signer !== partner.node_id || e.message_id !== m.id || e.message_sha256 !== m.sha256 || e.event !== 'Delivery') {
    throw new Error('the partner\'s evidence is not the delivery of this message');
  }
  await db.transaction().execute(async (trx) => {
    const locked = await repo.findMessage(trx, m.id, true);
    if (locked?.state !== 'queued') return;
    await repo.markDelivered(trx, m.id);
    await keepEvidence(trx, m, e, evidence);
  });
}

export const deliverJob: JobDefinition<{ messageId: string }, Runtime> = {
  name: DELIVER_JOB,
  retryLimit: 12,
  retryDelaySeconds: 2,
  expireInSeconds: 300,
  concurrency: 2,
  async handler(data, job, rt) {
    try {
      await attempt(rt, data.messageId);
      await repo.recordAttempt(rt.db, data.messageId, null);
    } catch (err) {
      const message = (err as Error).message;
      await repo.recordAttempt(rt.db, data.messageId, message);
      if (job.lastAttempt) {
        const m = await repo.findMessage(rt.db, data.messageId);
        const partner = m && (await partners.partner(rt.db, m.partner_id));
        if (m && partner && m.state === 'queued') {
          const failure = await signEvidence(rt.db, rt.config, { event: 'NonDelivery', message_id: m.id, message_sha256: m.sha256, sender: rt.config.exchangeNodeId, recipient: partner.node_id, reason: message.slice(0, 300) });
          await rt.db.transaction().execute(async (trx) => {
            await repo.markFailed(trx, m.id);
            await keepEvidence(trx, m, failure.content, failure.jws);
          });
        }
      }
      rt.logger.warn({ messageId: data.messageId, attempt: job.attempt, err: message }, 'exchange delivery failed');
      throw err;
    }
  },
};

/**
 * At every start: a new delivery job for each message still queued. A node that died while delivering
 * left its job active until the queue expires it (expireInSeconds); the message need not wait: delivery
 * is idempotent (the partner answers a message it already has with the same evidence, and a message is
 * marked delivered once, under its row lock), so two jobs for one message are harmless.
 */
export async function requeueUndelivered(db: Kysely<DB>): Promise<number> {
  const start = crypto.randomUUID();
  const ids = await repo.queuedOutgoing(db);
  for (const id of ids) await enqueue(db, DELIVER_JOB, { messageId: id }, { key: `${id}:start:${start}` });
  return ids.length;
}
