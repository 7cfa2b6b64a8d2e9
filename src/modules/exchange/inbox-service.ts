/**
 * The inbox (docs/EXCHANGE.md "Receiving"): a message from a partner node is decrypted with this node's
 * key, its signature verified with the partner's confirmed key, its content and document hashes checked;
 * then, in one transaction, it is recorded (its id once: the same message again gets the same evidence
 * and changes nothing), a request becomes an incoming case of the receiving authority, an answer joins
 * the case it answers; this node's signed Delivery evidence is kept with the case and returned.
 * Anything refused is a 4xx naming why; nothing is half-written.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ConflictError, ValidationError } from '../../platform/http/errors.js';
import { moveCaseForExchange, registerReceivedRequest, recordExchangeStep } from '../casework/index.js';
import { decryptWith, ExchangeCryptoError, MESSAGE_TYPE, verifyJws } from './domain/crypto.js';
import { kindRule, transitionInput, type AnswerKind, type Side } from './domain/kinds.js';
import { checkMessage, sha256Hex, textOf, type MessageContent } from './domain/message.js';
import { identityOf } from './env.js';
import { keepEvidence, signEvidence } from './evidence-service.js';
import { decryptionKey } from './identity-service.js';
import * as repo from './repository/messages.js';
import * as chunks from './repository/chunks.js';
import { receivedDocuments } from './chunk-service.js';
import * as partners from './repository/partners.js';
import { trustedSigner } from './trust-service.js';

export const MAX_MESSAGE_CHARS = 80 * 1024 * 1024;

export interface InboxAnswer {
  messageId: string;
  evidence: string;
  duplicate: boolean;
}

function refused(err: ExchangeCryptoError): AppError {
  const status = err.reason === 'unknown_key' || err.reason === 'revoked_key' ? 403 : 400;
  return new AppError(status, `exchange_${err.reason}`, err.message, [{ field: 'message', message: err.message }]);
}


export async function receiveMessage(db: Kysely<DB>, config: Config, body: unknown): Promise<InboxAnswer> {
  const me = identityOf(config);
  const jwe = (body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined) as unknown;
  if (typeof jwe !== 'string' || jwe.length === 0 || jwe.length > MAX_MESSAGE_CHARS) throw new ValidationError([{ field: 'message', message: 'must be a JWE in compact serialisation' }]);
  let jws: string;
  let content: MessageContent;
  let partner: { partnerId?: string; nodeId?: string };
  try {
    jws = await decryptWith(jwe, (kid) => decryptionKey(db, config, kid));
    const verified = await verifyJws(jws, async (kid) => (await trustedSigner(db, kid)).verdict, MESSAGE_TYPE);
    partner = await trustedSigner(db, verified.kid);
    const checked = checkMessage(verified.payload, me.id);
    if (!checked.ok) throw new ValidationError(checked.issues.map((i) => ({ field: `message.${i.field}`, message: i.message })));
    content = checked.value;
  } catch (err) {
    throw err instanceof ExchangeCryptoError ? refused(err) : err;
  }
  if (content.from !== partner.nodeId) throw new AppError(403, 'exchange_wrong_sender', 'The message names another sender than the key that signed it', [{ field: 'message.from', message: 'is not the signing node' }]);
  const sha256 = sha256Hex(jws);

  const previous = await repo.findMessage(db, content.id);
  if (previous) return replay(db, config, previous, sha256);

  // Large documents: their chunks arrived before the message (400 naming the document when some are missing).
  const documents = await receivedDocuments(db, content, partner.partnerId!);
  const delivery = await signEvidence(db, config, { event: 'Delivery', message_id: content.id, message_sha256: sha256, sender: content.from, recipient: me.id });
  try {
    await db.transaction().execute(async (trx) => {
      const sender = await partners.partner(trx, partner.partnerId!);
      let caseId: string;
      if (content.kind === 'request') {
        caseId = await registerReceivedRequest(trx, {
          authorityId: me.authorityId,
          partnerCountry: sender!.country,
          partnerName: sender!.name,
          partnerReference: content.case!.reference,
          kind: content.case!.kind,
          title: content.case!.title,
          summary: content.case!.summary,
          receivedOn: new Date().toISOString().slice(0, 10),
          documents,
          exchange: { message_id: content.id, from: content.from, sha256 },
        });
        await repo.insertMessage(trx, { id: content.id, direction: 'in', partner_id: partner.partnerId!, kind: content.kind, case_id: caseId, authority_id: me.authorityId, in_reply_to: null, sha256, body: null, state: 'received' });
        await recordExchangeStep(trx, caseId, me.authorityId, { step: 'received', message_id: content.id, kind: content.kind, partner: content.from, sha256 });
      } else {
        const original = await repo.findMessage(trx, content.in_reply_to!);
        if (!original || original.partner_id !== partner.partnerId || !original.case_id) {
          throw new ValidationError([{ field: 'message.in_reply_to', message: 'is not a message this node exchanged with the sender' }]);
        }
        caseId = original.case_id;
        const rule = kindRule(content.kind as AnswerKind);
        const request = (await repo.requestsOfCase(trx, caseId)).find((r) => r.partner_id === partner.partnerId);
        // Our side of the case: we sent its request (requesting) or received it (requested); the sender is on the other side.
        const ourSide: Side = request?.direction === 'out' ? 'requesting' : 'requested';
        if (!request || rule.from === ourSide) throw new ValidationError([{ field: 'message.kind', message: `a ${rule.kind} is sent by the ${rule.from} side, and the sender is not on that side of this case` }]);
        await repo.insertMessage(trx, { id: content.id, direction: 'in', partner_id: partner.partnerId!, kind: content.kind, case_id: caseId, authority_id: original.authority_id, in_reply_to: original.id, sha256, body: null, state: 'received' });
        const moved = rule.receiverTransition ? await moveCaseForExchange(trx, { caseId, authorityId: original.authority_id, transition: rule.receiverTransition, input: transitionInput(content, new Date().toISOString().slice(0, 10)) }) : undefined;
        await recordExchangeStep(trx, caseId, original.authority_id, { step: 'received', message_id: content.id, kind: content.kind, in_reply_to: original.id, partner: content.from, sha256, ...textOf(content), ...(moved ? { transition: moved } : {}) }, documents);
      }
      const authorityId = content.kind === 'request' ? me.authorityId : (await repo.findMessage(trx, content.id))!.authority_id;
      await keepEvidence(trx, { id: content.id, case_id: caseId, authority_id: authorityId }, delivery.content, delivery.jws);
      await chunks.dropStaged(trx, content.id);
    });
  } catch (err) {
    // The same message delivered twice at once: the other delivery won; answer as for a replay.
    if ((err as { code?: string }).code === '23505') {
      const won = await repo.findMessage(db, content.id);
      if (won) return replay(db, config, won, sha256);
    }
    throw err;
  }
  return { messageId: content.id, evidence: delivery.jws, duplicate: false };
}

/** The same message id again: the same content gets the evidence already given (nothing new); other content is refused. */
async function replay(db: Kysely<DB>, _config: Config, previous: repo.MessageRow, sha256: string): Promise<InboxAnswer> {
  if (previous.direction !== 'in' || previous.sha256 !== sha256) throw new ConflictError('A different message with this id was received before (replay refused)', [{ field: 'message.id', message: 'already used' }]);
  const delivery = (await repo.evidenceOf(db, [previous.id])).find((e) => e.event === 'Delivery');
  if (!delivery) throw new ConflictError('This message is being received; try again');
  return { messageId: previous.id, evidence: delivery.jws, duplicate: true };
}
