/**
 * Large documents in chunks (docs/EXCHANGE.md "Large documents"). Sending: each chunk of a document read
 * piece by piece is signed (JWS over its bytes, its place in the protected header), encrypted to the
 * partner and stored in the outbox in the sending transaction; the delivery job posts the chunks not yet
 * delivered, then the message (a failed delivery resumes after the last chunk the partner confirmed).
 * Receiving: a chunk is decrypted, verified against the partner's confirmed key and held until its
 * message arrives, which takes the document piece by piece, checking every chunk's SHA-256 and the
 * document's. Never a whole large document in memory.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, ConflictError, ValidationError } from '../../platform/http/errors.js';
import type { ExchangeDocument } from '../casework/index.js';
import { chunkHeader, chunkPlaceOf, CHUNK_TYPE, rechunk } from './domain/chunks.js';
import { decryptWith, encryptTo, ExchangeCryptoError, signBytes, verifyJwsBytes, type SigningKey } from './domain/crypto.js';
import { isUuid, sha256Hex, type MessageContent, type MessageDocument } from './domain/message.js';
import { decryptionKey } from './identity-service.js';
import * as chunks from './repository/chunks.js';
import * as messages from './repository/messages.js';
import type { PublicJwk } from './tables.js';
import { trustedSigner } from './trust-service.js';

/** Sign, encrypt and store the chunks of one document in the sending transaction; the message lists their hashes. */
export async function storeChunks(trx: Transaction<DB>, o: { messageId: string; document: number; partnerId: string; signing: SigningKey; recipient: PublicJwk & { kid: string }; doc: ExchangeDocument }): Promise<MessageDocument> {
  const list: string[] = [];
  const source = o.doc.data ? [o.doc.data] : o.doc.pieces!(trx);
  let seq = 0;
  for await (const chunk of rechunk(source)) {
    const sha256 = sha256Hex(chunk);
    const jws = await signBytes(chunk, o.signing, CHUNK_TYPE, chunkHeader({ message_id: o.messageId, document: o.document, seq }));
    const body = await encryptTo(jws, o.recipient);
    await chunks.insertChunk(trx, { direction: 'out', message_id: o.messageId, document: o.document, seq, partner_id: o.partnerId, sha256, byte_size: chunk.length, body, data: null, delivered_at: null, created_at: new Date() });
    list.push(sha256);
    seq++;
  }
  return { filename: o.doc.filename, media_type: o.doc.mediaType, title: o.doc.title, sha256: o.doc.sha256, size: o.doc.byteSize, chunks: list };
}

function refused(err: ExchangeCryptoError): AppError {
  const status = err.reason === 'unknown_key' || err.reason === 'revoked_key' ? 403 : 400;
  return new AppError(status, `exchange_${err.reason}`, err.message, [{ field: 'chunk', message: err.message }]);
}

/** A chunk at the inbox (`{"chunk": "<JWE>"}`): held once; the same place again with other content is 409. */
export async function receiveChunk(db: Kysely<DB>, config: Config, jwe: unknown): Promise<{ messageId: string; document: number; seq: number; sha256: string }> {
  if (typeof jwe !== 'string' || !jwe) throw new ValidationError([{ field: 'chunk', message: 'must be a JWE in compact serialisation' }]);
  let verified: { payload: Uint8Array; kid: string; header: Record<string, unknown> };
  try {
    const jws = await decryptWith(jwe, (kid) => decryptionKey(db, config, kid));
    verified = await verifyJwsBytes(jws, async (kid) => (await trustedSigner(db, kid)).verdict, CHUNK_TYPE);
  } catch (err) {
    throw err instanceof ExchangeCryptoError ? refused(err) : err;
  }
  const place = chunkPlaceOf(verified.header);
  if (!place || !isUuid(place.message_id)) throw new ValidationError([{ field: 'chunk', message: 'its signed header must name the message, document and position' }]);
  const signer = await trustedSigner(db, verified.kid);
  const data = Buffer.from(verified.payload);
  const sha256 = sha256Hex(data);
  const answer = { messageId: place.message_id, document: place.document, seq: place.seq, sha256 };
  // The message already arrived (a resumed delivery): nothing more to hold.
  const known = await messages.findMessage(db, place.message_id);
  if (known) {
    if (known.direction !== 'in' || known.partner_id !== signer.partnerId) throw new ConflictError('A message with this id is known from elsewhere', [{ field: 'chunk', message: 'message id already used' }]);
    return answer;
  }
  const held = await chunks.stageChunk(db, { direction: 'in', message_id: place.message_id, document: place.document, seq: place.seq, partner_id: signer.partnerId!, sha256, byte_size: data.length, body: null, data, delivered_at: null, created_at: new Date() });
  if (held !== sha256) throw new ConflictError('Another chunk was received at this place (replay refused)', [{ field: 'chunk', message: 'already received with other content' }]);
  return answer;
}

/** The documents of a received message for casework: inline ones whole, chunked ones read from the held chunks (checked complete). */
export async function receivedDocuments(db: Kysely<DB>, m: MessageContent, partnerId: string): Promise<ExchangeDocument[]> {
  const out: ExchangeDocument[] = [];
  for (const [i, d] of m.documents.entries()) {
    const meta = { filename: d.filename, mediaType: d.media_type, title: d.title, sha256: d.sha256 };
    if (!d.chunks) {
      const data = Buffer.from(d.data!, 'base64');
      out.push({ ...meta, data, byteSize: data.length });
      continue;
    }
    const held = await chunks.staged(db, m.id, partnerId, i);
    const complete = held.length === d.chunks.length && held.every((c, n) => c.seq === n && c.sha256 === d.chunks![n]) && held.reduce((a, c) => a + c.byte_size, 0) === d.size;
    if (!complete) throw new ValidationError([{ field: `message.documents.${i}.chunks`, message: `${held.length} of ${d.chunks.length} chunks received, or not the ones listed` }]);
    out.push({
      ...meta,
      data: null,
      byteSize: d.size!,
      pieces: async function* (trx) {
        for (let seq = 0; seq < d.chunks!.length; seq++) {
          const data = await chunks.stagedData(trx, m.id, i, seq);
          if (sha256Hex(data) !== d.chunks![seq]) throw new ValidationError([{ field: `message.documents.${i}.chunks.${seq}`, message: 'does not match its SHA-256' }]);
          yield data;
        }
      },
    });
  }
  return out;
}
