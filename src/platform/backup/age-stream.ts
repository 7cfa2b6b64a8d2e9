/**
 * The payload of an age file (age-encryption.org/v1, section "Payload") over node:crypto: a 16-byte
 * nonce after the header, the key HKDF-SHA-256(file key, salt = nonce, info = "payload"), then the
 * STREAM construction: ChaCha20-Poly1305 over 64 KiB chunks, the 12-byte nonce an 11-byte big-endian
 * chunk counter and a last-chunk flag (1 on the final chunk, which may be empty only when it is the
 * only one).
 *
 * Why hand-written (docs/ARCHITECTURE.md, "backup encryption"): the age-encryption package computes
 * ChaCha20-Poly1305 in JavaScript (@noble/ciphers) behind web streams, 7 MB/s on our machine, which
 * made an encrypted casework backup three times as long as a plain one. OpenSSL's ChaCha20-Poly1305
 * through node:crypto does the same in native code. Only the payload is ours: the header (the
 * recipients' stanzas that wrap the file key, and the header MAC) is still written and checked by
 * the library (crypto.ts), and the tests decrypt our files with the library and the library's files
 * with this code.
 */
import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const CHUNK = 64 * 1024;
const TAG = 16;
/** Bytes of the payload nonce that follows the header. */
export const PAYLOAD_NONCE_BYTES = 16;

/** The payload key of a file: HKDF-SHA-256 of the file key, salted with the payload nonce. */
export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** Cuts a byte stream into `size`-byte chunks, always holding the last one back until the end (it is sealed or opened as the final chunk). */
abstract class StreamChunks extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly nonce = Buffer.alloc(12);
  protected chunks = 0;

  constructor(
    protected readonly key: Buffer,
    private readonly size: number,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  protected abstract process(chunk: Buffer, nonce: Buffer, last: boolean): Buffer;

  private nextNonce(last: boolean): Buffer {
    const nonce = Buffer.from(this.nonce);
    if (last) nonce[11] = 1;
    for (let i = 10; i >= 0; i--) {
      this.nonce[i] = (this.nonce[i]! + 1) & 0xff;
      if (this.nonce[i] !== 0) break;
      if (i === 0) throw new Error('age STREAM: too many chunks');
    }
    this.chunks++;
    return nonce;
  }

  override _transform(data: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.pending.push(data);
      this.pendingBytes += data.length;
      if (this.pendingBytes <= this.size) return done();
      const all = Buffer.concat(this.pending, this.pendingBytes);
      let at = 0;
      while (all.length - at > this.size) {
        this.push(this.process(all.subarray(at, at + this.size), this.nextNonce(false), false));
        at += this.size;
      }
      const rest = all.subarray(at);
      this.pending = [rest];
      this.pendingBytes = rest.length;
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.push(this.process(Buffer.concat(this.pending, this.pendingBytes), this.nextNonce(true), true));
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}

/** Encrypts a plaintext stream into an age payload, after `prefix` (the header and the payload nonce). */
export class PayloadSealer extends StreamChunks {
  constructor(
    key: Buffer,
    private prefix: Buffer | null,
  ) {
    super(key, CHUNK);
  }

  protected process(chunk: Buffer, nonce: Buffer): Buffer {
    const cipher = crypto.createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG });
    const parts: Buffer[] = [cipher.update(chunk), cipher.final(), cipher.getAuthTag()];
    if (this.prefix) {
      parts.unshift(this.prefix);
      this.prefix = null;
    }
    return Buffer.concat(parts);
  }
}

/** Decrypts an age payload (what follows the payload nonce); a damaged, reordered or truncated chunk is an error. */
export class PayloadOpener extends StreamChunks {
  constructor(key: Buffer) {
    super(key, CHUNK + TAG);
  }

  protected process(chunk: Buffer, nonce: Buffer, last: boolean): Buffer {
    if (chunk.length < TAG) throw new Error('age payload: truncated chunk');
    const decipher = crypto.createDecipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG });
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(chunk.subarray(0, chunk.length - TAG)), decipher.final()]);
    } catch {
      throw new Error(`age payload: chunk ${this.chunks} fails authentication (damaged, changed or cut short)`);
    }
    if (last && plain.length === 0 && this.chunks > 1) throw new Error('age payload: the final chunk is empty');
    return plain;
  }
}
