/**
 * What the exchange module (secure exchange between Palermo installations, docs/EXCHANGE.md) needs from
 * casework, through the public entry: an approved outgoing request with its documents to send; a
 * received request registered as an incoming case (with the partner's reference and documents); and
 * exchange steps (messages, evidence) in a case's hash-chained history. The exchange has verified the
 * sender before calling the receiving functions: they act for the receiving authority, with no user.
 */
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import type { Actor } from '../access/index.js';
import { safeFilename } from './domain/documents.js';
import { findTransition, INITIAL_STATE, transitionChanges, transitionFieldIssues, type TransitionInput } from './domain/transitions.js';
import { CASE_KINDS, type CaseKind, type DocumentKind } from './domain/vocabulary.js';
import { appendEvent } from './repository/history.js';
import { insertCase, updateCase } from './repository/cases.js';
import * as docs from './repository/documents.js';
import { withCaseScope } from './repository/scope.js';
import { applyTransition } from './transition-service.js';
import { actorName, assertOwnerMay, authoritiesFor, caseOr404, countryOf, isUuid, today } from './service-context.js';

const CHUNK = 256 * 1024;
/** Documents up to this size are read whole; larger ones piece by piece (the exchange sends them in chunks). */
export const WHOLE_DOCUMENT_MAX = 4 * 1024 * 1024;

export interface ExchangeDocument {
  filename: string;
  mediaType: string;
  title: string;
  /** SHA-256 (hex) of the whole content; checked again when a document read piece by piece is stored. */
  sha256: string;
  /** The content whole (small documents), or null when it is read by `pieces`. */
  data: Buffer | null;
  /** Size in bytes. */
  byteSize: number;
  /** The content piece by piece, in the given transaction (large documents: never whole in memory). */
  pieces?: (trx: Transaction<DB>) => AsyncIterable<Buffer>;
}

export interface OutgoingForExchange {
  id: string;
  authorityId: string;
  reference: string | null;
  kind: string;
  title: string;
  summary: string;
  partnerCountry: string;
  documents: ExchangeDocument[];
}

/** Read the current version of each document of a case, whole (in the caller's scope). */
async function currentDocuments(trx: Transaction<DB>, caseId: string, authorityId: string): Promise<ExchangeDocument[]> {
  const rows = await docs.listDocuments(trx, caseId);
  const replaced = new Set(rows.map((r) => r.previous_id).filter(Boolean));
  const out: ExchangeDocument[] = [];
  for (const r of rows.filter((d) => !replaced.has(d.id) && !d.execution_id)) {
    const meta = { filename: r.filename, mediaType: r.media_type, title: r.title, sha256: r.sha256, byteSize: r.byte_size };
    if (r.byte_size > WHOLE_DOCUMENT_MAX) {
      out.push({ ...meta, data: null, pieces: (t) => documentPieces(t, authorityId, r.id) });
      continue;
    }
    const parts: Buffer[] = [];
    let after = -1;
    for (let c = await docs.chunkAfter(trx, r.id, after); c; c = await docs.chunkAfter(trx, r.id, after)) {
      parts.push(c.data);
      after = c.seq;
    }
    out.push({ ...meta, data: Buffer.concat(parts) });
  }
  return out;
}

/** A stored document's content, one stored piece (256 KB) at a time, each read in the casework scope of its authority. */
async function* documentPieces(trx: Transaction<DB>, authorityId: string, documentId: string): AsyncGenerator<Buffer> {
  let after = -1;
  for (;;) {
    const c = await withCaseScope(trx, [authorityId], (s) => docs.chunkAfter(s, documentId, after));
    if (!c) return;
    after = c.seq;
    yield c.data;
  }
}

/**
 * An outgoing request the actor may send electronically (casework.send on its authority): approved (or
 * already sent, for a resend), with the current version of its documents.
 */
export async function outgoingForExchange(db: Kysely<DB>, actor: Actor, caseId: string): Promise<OutgoingForExchange> {
  const authorities = authoritiesFor(actor, 'casework.send');
  if (!isUuid(caseId)) throw new NotFoundError('No such case');
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, caseId);
    assertOwnerMay(actor, 'casework.send', row);
    if (row.direction !== 'outgoing') throw new ConflictError('Only an outgoing request is sent to a partner');
    if (row.state !== 'approved') throw new ConflictError(`The request must be approved before it is sent (it is ${row.state})`);
    return { id: row.id, authorityId: row.authority_id, reference: row.reference, kind: row.kind, title: row.title, summary: row.summary, partnerCountry: row.partner_country, documents: await currentDocuments(trx, row.id, row.authority_id) };
  });
}

export interface ReceivedRequest {
  authorityId: string;
  partnerCountry: string;
  partnerName: string;
  partnerReference: string | null;
  kind: string;
  title: string;
  summary: string;
  receivedOn: string;
  documents: ExchangeDocument[];
  /** What the history records about the message (id, sender node, hash). */
  exchange: Record<string, unknown>;
}

async function addDocuments(trx: Transaction<DB>, caseId: string, authorityId: string, kind: DocumentKind, list: ExchangeDocument[], exchange: Record<string, unknown>): Promise<void> {
  for (const d of list) {
    const doc = { case_id: caseId, execution_id: null, kind, title: d.title || d.filename, filename: safeFilename(d.filename, d.mediaType), media_type: d.mediaType, byte_size: d.byteSize, sha256: d.sha256, language: null, version: 1, previous_id: null, uploaded_by: null };
    const row = await docs.insertDocument(trx, doc);
    if (d.data) {
      for (let seq = 0, at = 0; at < d.data.length || seq === 0; seq++, at += CHUNK) await docs.insertChunk(trx, row.id, seq, d.data.subarray(at, at + CHUNK));
    } else {
      // Read piece by piece (the pieces may be read in this transaction, outside the casework scope), stored in 256 KB chunks, its hash checked.
      await sql`RESET ROLE`.execute(trx);
      const hash = crypto.createHash('sha256');
      let seq = 0;
      let size = 0;
      let pending: Buffer[] = [];
      let pendingSize = 0;
      const put = (data: Buffer) => withCaseScope(trx, [authorityId], (sc) => docs.insertChunk(sc, row.id, seq++, data));
      const flush = async (final: boolean) => {
        let buf = Buffer.concat(pending);
        while (buf.length >= CHUNK || (final && buf.length > 0)) {
          await put(buf.subarray(0, CHUNK));
          buf = buf.subarray(CHUNK);
        }
        if (final && seq === 0) await put(Buffer.alloc(0));
        pending = buf.length ? [buf] : [];
        pendingSize = buf.length;
      };
      for await (const piece of d.pieces!(trx)) {
        hash.update(piece);
        size += piece.length;
        pending.push(piece);
        pendingSize += piece.length;
        if (pendingSize >= CHUNK) await flush(false);
      }
      await flush(true);
      if (hash.digest('hex') !== d.sha256 || size !== d.byteSize) throw new ValidationError([{ field: 'documents', message: `${d.filename}: the content does not match its SHA-256 or size` }]);
      await sql`SELECT set_config('palermo.casework_authorities', ${authorityId}, true)`.execute(trx);
      await sql`SET LOCAL ROLE palermo_casework`.execute(trx);
    }
    await docs.markComplete(trx, row.id);
    await appendEvent(trx, { caseId, type: 'document_added', data: { document_id: row.id, kind, title: doc.title, filename: doc.filename, sha256: d.sha256, byte_size: d.byteSize, version: 1, exchange }, actorId: null, actorName: 'exchange', actingAuthorityId: authorityId });
  }
}

/** Register a request received from a partner node as an incoming case of the receiving authority (in the caller's transaction). */
export async function registerReceivedRequest(trx: Transaction<DB>, r: ReceivedRequest): Promise<string> {
  const kind = (CASE_KINDS as readonly string[]).includes(r.kind) ? (r.kind as CaseKind) : 'other';
  const country = await countryOf(trx, { userId: null, grants: [], via: 'cli' } as unknown as Actor, r.authorityId);
  return withCaseScope(trx, [r.authorityId], async (s) => {
    const id = await insertCase(s, {
      authority_id: r.authorityId,
      country,
      direction: 'incoming',
      kind,
      state: INITIAL_STATE.incoming,
      reference: null,
      partner_country: r.partnerCountry,
      partner_authority_name: r.partnerName,
      partner_reference: r.partnerReference,
      title: r.title.trim().slice(0, 300),
      summary: r.summary,
      channel: 'electronic',
      received_on: r.receivedOn,
    });
    await appendEvent(s, { caseId: id, type: 'created', data: { direction: 'incoming', state: INITIAL_STATE.incoming, reference: null, fields: { partner_reference: r.partnerReference, channel: 'electronic' }, exchange: r.exchange }, actorId: null, actorName: 'exchange', actingAuthorityId: r.authorityId });
    await addDocuments(s, id, r.authorityId, 'request', r.documents, r.exchange);
    return id;
  });
}

/** Record an exchange step (a message sent or received, a piece of evidence) in the case's history; documents received with it are added. */
export async function recordExchangeStep(trx: Transaction<DB>, caseId: string, authorityId: string, data: Record<string, unknown>, documents: ExchangeDocument[] = [], actor?: Actor): Promise<void> {
  await withCaseScope(trx, [authorityId], async (s) => {
    await appendEvent(s, { caseId, type: 'exchange', data, actorId: actor?.userId ?? null, actorName: actor ? actorName(actor) : 'exchange', actingAuthorityId: authorityId });
    if (documents.length) await addDocuments(s, caseId, authorityId, 'result', documents, { message_id: data.message_id });
  });
}

/** The case as seen by an actor who may answer it through the exchange (casework.send on its authority). */
export async function caseForReply(db: Kysely<DB>, actor: Actor, caseId: string): Promise<{ id: string; authorityId: string; reference: string | null; state: string }> {
  const authorities = authoritiesFor(actor, 'casework.send');
  if (!isUuid(caseId)) throw new NotFoundError('No such case');
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, caseId);
    assertOwnerMay(actor, 'casework.send', row);
    return { id: row.id, authorityId: row.authority_id, reference: row.reference, state: row.state };
  });
}

/** The request left electronically: the case's send transition (sent_on today, channel electronic), in the caller's transaction. */
export async function markSentElectronically(trx: Transaction<DB>, actor: Actor, caseId: string): Promise<void> {
  await applyTransition(trx, actor, caseId, { transition: 'send', date: new Date().toISOString().slice(0, 10), channel: 'electronic' });
}

/** What became of a lifecycle transition asked for by an exchange message. */
export interface ExchangeTransitionResult {
  transition: string;
  applied: boolean;
  from: string;
  to?: string;
  /** Why it was not applied (the state does not allow it, a field the message lacked). */
  reason?: string;
}

/**
 * Move a case along its lifecycle (the transition table) because of an exchange message, in the caller's
 * transaction, with the transition event in the case's history.
 * - With an `actor` (the sender's own case): the actor's permissions apply (applyTransition); `strict`
 *   means the transition must be possible now (a 409 or 403 otherwise, so nothing is sent); without
 *   `strict` it is applied only when the state allows it.
 * - Without an actor (a message received from a verified partner node): applied by the exchange, no user,
 *   when the state allows it and the message gave the required fields; otherwise nothing changes and the
 *   result says why (the message is still recorded: a partner's answer is never refused for our state).
 */
export async function moveCaseForExchange(trx: Transaction<DB>, r: { caseId: string; authorityId: string; transition: string; input: TransitionInput; actor?: Actor; strict?: boolean }): Promise<ExchangeTransitionResult> {
  if (r.actor) {
    const row = await withCaseScope(trx, [r.authorityId], (s) => caseOr404(s, r.caseId));
    const state = row.state;
    const t = findTransition(row.direction, r.transition);
    if (!r.strict && (!t || !t.from.includes(state))) return { transition: r.transition, applied: false, from: state, reason: `not possible from ${state}` };
    const after = await applyTransition(trx, r.actor, r.caseId, { transition: r.transition, ...r.input });
    return { transition: r.transition, applied: true, from: state, to: after.state };
  }
  return withCaseScope(trx, [r.authorityId], async (s) => {
    const row = await caseOr404(s, r.caseId, true);
    const t = findTransition(row.direction, r.transition);
    const no = (reason: string): ExchangeTransitionResult => ({ transition: r.transition, applied: false, from: row.state, reason });
    if (!t) return no('unknown transition');
    if (!t.from.includes(row.state)) return no(`not possible from ${row.state}`);
    const { issues, values } = transitionFieldIssues(t, r.input);
    if (issues.length) return no(issues.map((i) => `${i.field} ${i.message}`).join('; '));
    const changes = transitionChanges(t, values, null, today());
    const updated = await updateCase(s, row.id, row.version, { ...changes, state: t.to, state_since: new Date() });
    if (!updated) return no('the case changed meanwhile');
    const data: Record<string, unknown> = { transition: t.name, from: row.state, to: t.to, by: 'exchange' };
    for (const [k, v] of Object.entries(values)) if (v !== null && !(Array.isArray(v) && !v.length)) data[k] = v;
    await appendEvent(s, { caseId: row.id, type: 'transition', data, actorId: null, actorName: 'exchange', actingAuthorityId: row.authority_id });
    return { transition: t.name, applied: true, from: row.state, to: t.to };
  });
}
