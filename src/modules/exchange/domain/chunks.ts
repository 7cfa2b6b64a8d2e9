/**
 * Large documents in chunks (docs/EXCHANGE.md "Large documents"): a document larger than CHUNK_BYTES
 * travels as separate chunks, each signed (JWS over the raw bytes, its message, document and position in
 * the protected header) and encrypted like a message; the message lists each chunk's SHA-256 and the
 * document's size and SHA-256. Pure: cutting a stream into chunks, and checking a chunk's header.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024;
export const CHUNK_TYPE = 'palermo-chunk+jws';
/** At most this many chunks per document (1 GiB with 4 MiB chunks). */
export const MAX_CHUNKS = 256;

/** Where a chunk belongs, carried in its signed protected header. */
export interface ChunkPlace {
  message_id: string;
  document: number;
  seq: number;
}

/** Cut a stream of pieces of any size into chunks of `size` bytes (the last one shorter), holding at most one chunk. */
export async function* rechunk(source: AsyncIterable<Buffer> | Iterable<Buffer>, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  for await (const piece of source) {
    let rest = piece;
    while (pendingSize + rest.length >= size) {
      const take = size - pendingSize;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending);
      rest = rest.subarray(take);
      pending = [];
      pendingSize = 0;
    }
    if (rest.length) {
      pending.push(rest);
      pendingSize += rest.length;
    }
  }
  if (pendingSize) yield Buffer.concat(pending);
}

export function chunkPlaceOf(header: Record<string, unknown>): ChunkPlace | null {
  const message_id = header['palermo.message'];
  const document = header['palermo.document'];
  const seq = header['palermo.seq'];
  if (typeof message_id !== 'string' || !Number.isInteger(document) || !Number.isInteger(seq)) return null;
  if ((document as number) < 0 || (document as number) >= 100 || (seq as number) < 0 || (seq as number) >= MAX_CHUNKS) return null;
  return { message_id, document: document as number, seq: seq as number };
}

export function chunkHeader(p: ChunkPlace): Record<string, unknown> {
  return { 'palermo.message': p.message_id, 'palermo.document': p.document, 'palermo.seq': p.seq };
}
