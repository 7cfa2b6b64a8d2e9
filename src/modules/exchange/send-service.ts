/**
 * Sending (docs/EXCHANGE.md "Sending"): a supervisor sends an approved outgoing request, or answers a
 * request received through the exchange (acknowledgement, result). One message: content signed by this
 * node (JWS), encrypted to the partner (JWE), stored in the outbox with its submission evidence and
 * its delivery job in one transaction; the job (deliver-job.ts) delivers it with retries.
 */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { enqueue, wakeWorkers } from '../../platform/jobs/index.js';
import { assertAllowed, assertAllowedSomewhere } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { caseForReply, markSentElectronically, moveCaseForExchange, outgoingForExchange, recordExchangeStep, type ExchangeDocument } from '../casework/index.js';
import { encryptTo, MESSAGE_TYPE, signJws } from './domain/crypto.js';
import { ANSWER_KINDS, isAnswerKind, kindRule, kindsFrom, transitionInput, type KindRule, type Side } from './domain/kinds.js';
import { isUuid, MESSAGE_VERSION, textOf, sha256Hex, type MessageContent, type MessageDocument, type MessageKind } from './domain/message.js';
import { identityOf } from './env.js';
import { keepEvidence, signEvidenceWith } from './evidence-service.js';
import { storeChunks } from './chunk-service.js';
import { CHUNK_BYTES } from './domain/chunks.js';
import type { SigningKey } from './domain/crypto.js';
import type { PublicJwk } from './tables.js';
import { signingKey } from './identity-service.js';
import * as repo from './repository/messages.js';
import { recipientOf } from './trust-service.js';

export const DELIVER_JOB = 'exchange.deliver';

/** A document inline (base64) when small, else in chunks stored in the outbox (chunk-service.ts). */
async function documentOf(trx: Transaction<DB>, o: { messageId: string; index: number; partnerId: string; signing: SigningKey; recipient: PublicJwk & { kid: string } }, d: ExchangeDocument): Promise<MessageDocument> {
  if (d.data && d.data.length <= CHUNK_BYTES) return { filename: d.filename, media_type: d.mediaType, title: d.title, sha256: sha256Hex(d.data), data: d.data.toString('base64') };
  return storeChunks(trx, { messageId: o.messageId, document: o.index, partnerId: o.partnerId, signing: o.signing, recipient: o.recipient, doc: d });
}

interface Outgoing {
  partnerId: string;
  caseId: string;
  authorityId: string;
  kind: MessageKind;
  inReplyTo?: string;
  /** The transition of the sender's own case (domain/kinds.ts). */
  transition?: { name: string; strict: boolean; input: Record<string, unknown> };
  /** The content besides the envelope and the documents (case, text, grounds, until). */
  fields: Partial<MessageContent>;
  documents: ExchangeDocument[];
}

/** The signed content of a message, with its documents as sent (or, for a rejected submission, by reference: no data). */
function contentOf(o: Outgoing, id: string, from: string, to: string, documents: MessageDocument[]): MessageContent {
  return { ...o.fields, v: MESSAGE_VERSION, id, kind: o.kind, from, to, sent_at: new Date().toISOString(), ...(o.inReplyTo ? { in_reply_to: o.inReplyTo } : {}), documents };
}

/** Why a submission is rejected, and the field of the request it concerns. */
class Refusal {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

/**
 * Reject a submission this node cannot accept for sending (docs/EXCHANGE.md "Evidence"): the message is
 * kept `rejected` (nothing to deliver), signed SubmissionRejection evidence with the reason goes into the
 * case's hash-chained history in one transaction, and the caller gets a 409 naming the evidence.
 */
async function reject(db: Kysely<DB>, config: Config, ctx: AuditContext, o: Outgoing, partner: { id: string; node_id: string; name: string }, id: string, refusal: Refusal): Promise<never> {
  const me = identityOf(config);
  const signing = await signingKey(db, config);
  const documents: MessageDocument[] = o.documents.map((d) => ({ filename: d.filename, media_type: d.mediaType, title: d.title, sha256: d.sha256, size: d.byteSize }));
  const sha256 = sha256Hex(await signJws(contentOf(o, id, me.id, partner.node_id, documents), signing, MESSAGE_TYPE));
  const reason = refusal.reason.slice(0, 300);
  const rejection = await signEvidenceWith(signing, config, { event: 'SubmissionRejection', message_id: id, message_sha256: sha256, sender: me.id, recipient: partner.node_id, reason });
  const evidence = await db.transaction().execute(async (trx) => {
    await repo.insertMessage(trx, { id, direction: 'out', partner_id: partner.id, kind: o.kind, case_id: o.caseId, authority_id: o.authorityId, in_reply_to: o.inReplyTo ?? null, sha256, body: null, state: 'rejected', last_error: reason, created_by: ctx.actor.userId });
    await recordExchangeStep(trx, o.caseId, o.authorityId, { step: 'rejected', message_id: id, kind: o.kind, partner: partner.node_id, partner_name: partner.name, sha256, reason }, [], ctx.actor);
    const row = await keepEvidence(trx, { id, case_id: o.caseId, authority_id: o.authorityId }, rejection.content, rejection.jws);
    await recordAudit(trx, ctx, { action: 'exchange.send', targetType: 'exchange_message', targetId: id, changes: { kind: o.kind, case_id: o.caseId, partner: partner.node_id, rejected: reason } });
    return row;
  });
  throw new AppError(409, 'submission_rejected', `Submission rejected: ${reason} (message ${id}, SubmissionRejection evidence ${evidence.id})`, [{ field: refusal.field, message: reason }]);
}

async function queue(db: Kysely<DB>, config: Config, ctx: AuditContext, o: Outgoing): Promise<{ messageId: string }> {
  const me = identityOf(config);
  const recipient = await recipientOf(db, o.partnerId);
  const { partner } = recipient;
  const id = crypto.randomUUID();
  if ('refused' in recipient) return reject(db, config, ctx, o, partner, id, new Refusal('partnerId', recipient.refused));
  const { key } = recipient;
  const signing = await signingKey(db, config);
  try {
    await db.transaction().execute(async (trx) => {
      if (o.kind === 'request' && (await repo.activeRequest(trx, o.caseId, partner.id))) throw new ConflictError('This request was already sent to this partner');
      if (o.kind === 'request') await markSentElectronically(trx, ctx.actor, o.caseId);
      const moved = o.transition ? await refusing('case', 409, () => moveCaseForExchange(trx, { caseId: o.caseId, authorityId: o.authorityId, transition: o.transition!.name, input: o.transition!.input, actor: ctx.actor, strict: o.transition!.strict })) : undefined;
      const documents: MessageDocument[] = [];
      for (const [index, d] of o.documents.entries()) documents.push(await refusing(`documents.${index}`, 500, () => documentOf(trx, { messageId: id, index, partnerId: partner.id, signing, recipient: key }, d)));
      const content = contentOf(o, id, me.id, partner.node_id, documents);
      const jws = await signJws(content, signing, MESSAGE_TYPE);
      const sha256 = sha256Hex(jws);
      const jwe = await encryptTo(jws, key);
      const submission = await signEvidenceWith(signing, config, { event: 'SubmissionAcceptance', message_id: id, message_sha256: sha256, sender: me.id, recipient: partner.node_id });
      await repo.insertMessage(trx, { id, direction: 'out', partner_id: partner.id, kind: o.kind, case_id: o.caseId, authority_id: o.authorityId, in_reply_to: o.inReplyTo ?? null, sha256, body: jwe, state: 'queued', created_by: ctx.actor.userId });
      await recordExchangeStep(trx, o.caseId, o.authorityId, { step: 'sent', message_id: id, kind: o.kind, partner: partner.node_id, partner_name: partner.name, sha256, documents: documents.map((d) => ({ filename: d.filename, sha256: d.sha256, ...(d.chunks ? { chunks: d.chunks.length } : {}) })), ...textOf(content), ...(moved ? { transition: moved } : {}) }, [], ctx.actor);
      await keepEvidence(trx, { id, case_id: o.caseId, authority_id: o.authorityId }, submission.content, submission.jws);
      await enqueue(trx, DELIVER_JOB, { messageId: id }, { key: id });
      await recordAudit(trx, ctx, { action: 'exchange.send', targetType: 'exchange_message', targetId: id, changes: { kind: o.kind, case_id: o.caseId, partner: partner.node_id } });
    });
  } catch (err) {
    // Everything above was rolled back; a refusal of the case's state or of a document is recorded on its own.
    if (err instanceof Refusal) return reject(db, config, ctx, o, partner, id, err);
    throw err;
  }
  wakeWorkers(DELIVER_JOB);
  return { messageId: id };
}

/** Run a check whose error is a reason to reject the submission: the case's state (409), a document (any 4xx). */
async function refusing<T>(field: string, below: 409 | 500, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof AppError && err.status >= (below === 409 ? 409 : 400) && err.status <= below) throw new Refusal(field, err.message);
    throw err;
  }
}

/** Send an approved outgoing request with its documents to a confirmed partner (exchange.send + casework.send on its authority). */
export async function sendRequest(db: Kysely<DB>, config: Config, ctx: AuditContext, caseId: string, partnerId: unknown): Promise<{ messageId: string }> {
  assertAllowedSomewhere(ctx.actor, 'exchange.send');
  if (!isUuid(partnerId)) throw new ValidationError([{ field: 'partnerId', message: 'must name a partner node' }]);
  const kase = await outgoingForExchange(db, ctx.actor, caseId);
  assertAllowed(ctx.actor, 'exchange.send', { authorityId: kase.authorityId });
  return queue(db, config, ctx, {
    partnerId,
    caseId: kase.id,
    authorityId: kase.authorityId,
    kind: 'request',
    fields: { case: { reference: kase.reference, kind: kase.kind, title: kase.title, summary: kase.summary } },
    documents: kase.documents,
  });
}

export interface ReplyInput {
  kind: unknown;
  text?: unknown;
  grounds?: unknown;
  until?: unknown;
  /** Which partner, when the case's request went to several. */
  partnerId?: unknown;
  documents?: { filename: string; mediaType?: string; title?: string; data: string }[];
  /** Documents already received (a page form's attachment, read from its temporary file). */
  attachments?: ExchangeDocument[];
}

function checkReply(input: ReplyInput): { rule: KindRule; text?: string; grounds?: string[]; until?: string; documents: ExchangeDocument[] } {
  if (!isAnswerKind(input.kind)) throw new ValidationError([{ field: 'kind', message: `must be one of ${ANSWER_KINDS.join(', ')}` }]);
  const rule = kindRule(input.kind);
  const issues: FieldIssue[] = [];
  if (input.text !== undefined && (typeof input.text !== 'string' || input.text.length > 100_000 || input.text.includes('\u0000'))) issues.push({ field: 'text', message: 'must be text of at most 100,000 characters' });
  if (input.grounds !== undefined && !(Array.isArray(input.grounds) && input.grounds.length <= 20 && input.grounds.every((g) => typeof g === 'string' && g && g.length <= 60))) issues.push({ field: 'grounds', message: 'must be a list of refusal grounds' });
  if (input.until !== undefined && !(typeof input.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.until))) issues.push({ field: 'until', message: 'must be a date YYYY-MM-DD' });
  for (const need of rule.needs) {
    const v = input[need];
    if (v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length)) issues.push({ field: need, message: `is required in a ${rule.kind}` });
  }
  if ((input.documents?.length || input.attachments?.length) && !rule.documents) issues.push({ field: input.attachments?.length ? 'attachment' : 'documents', message: `a ${rule.kind} carries no documents` });
  if (issues.length) throw new ValidationError(issues);
  const documents: ExchangeDocument[] = (input.documents ?? []).map((d, i) => {
    if (!d || typeof d.filename !== 'string' || !d.filename || typeof d.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(d.data)) throw new ValidationError([{ field: `documents.${i}`, message: 'needs a filename and base64 data' }]);
    const data = Buffer.from(d.data, 'base64');
    return { filename: d.filename.slice(0, 255), mediaType: (d.mediaType ?? 'application/octet-stream').slice(0, 200), title: (d.title ?? d.filename).slice(0, 300), sha256: sha256Hex(data), data, byteSize: data.length };
  });
  return { rule, text: input.text as string | undefined, grounds: input.grounds as string[] | undefined, until: input.until as string | undefined, documents: [...documents, ...(input.attachments ?? [])] };
}

/**
 * Send a message about a case exchanged with a partner (domain/kinds.ts): the requested side answers
 * (acknowledgement, information request, status answer, partial or final result, refusal, postponement),
 * the requesting side writes (additional information, status enquiry, withdrawal). The sender's own case
 * takes the kind's transition in the same transaction (a refusal only from a state that allows it).
 */
export async function sendReply(db: Kysely<DB>, config: Config, ctx: AuditContext, caseId: string, input: ReplyInput): Promise<{ messageId: string }> {
  assertAllowedSomewhere(ctx.actor, 'exchange.correspond');
  const m = checkReply(input);
  const kase = await caseForReply(db, ctx.actor, caseId);
  assertAllowed(ctx.actor, m.rule.action, { authorityId: kase.authorityId });
  const requests = await repo.requestsOfCase(db, kase.id);
  const side: Side | null = requests.some((r) => r.direction === 'in') ? 'requested' : requests.length ? 'requesting' : null;
  if (!side) throw new NotFoundError('This case did not go through the exchange: there is no partner node to write to');
  if (side !== m.rule.from) throw new ConflictError(`A ${m.rule.kind} is sent by the ${m.rule.from} side; this case is on the ${side} side`, [{ field: 'kind', message: `one of ${kindsFrom(side).join(', ')}` }]);
  const candidates = requests.filter((r) => (side === 'requested' ? r.direction === 'in' : r.state !== 'failed' && r.state !== 'rejected') && (input.partnerId === undefined || r.partner_id === input.partnerId));
  if (candidates.length !== 1) throw new ValidationError([{ field: 'partnerId', message: candidates.length ? 'the request went to several partners: name one' : 'the request was not sent to this partner' }]);
  const request = candidates[0]!;
  let inReplyTo = request.id;
  if (m.rule.answers) {
    const asked = await repo.latestReceived(db, kase.id, request.partner_id, m.rule.answers);
    if (!asked) throw new ConflictError(`There is no ${m.rule.answers} to answer`, [{ field: 'kind', message: `answers a ${m.rule.answers}` }]);
    inReplyTo = asked.id;
  }
  const t = m.rule.senderTransition;
  return queue(db, config, ctx, {
    partnerId: request.partner_id,
    caseId: kase.id,
    authorityId: kase.authorityId,
    kind: m.rule.kind,
    inReplyTo,
    ...(t ? { transition: { name: t.name, strict: !!t.strict, input: transitionInput(m, new Date().toISOString().slice(0, 10)) } } : {}),
    fields: { ...(m.text !== undefined ? { text: m.text } : {}), ...(m.grounds ? { grounds: m.grounds } : {}), ...(m.until ? { until: m.until } : {}) },
    documents: m.documents,
  });
}
