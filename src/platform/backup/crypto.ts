/**
 * Encryption of backups with age (format age-encryption.org/v1: X25519 recipients, ChaCha20-Poly1305
 * in 64 KiB authenticated chunks). The header, with the file key wrapped for the recipient, is the
 * `age-encryption` package's (typage, by age's author); the payload is encrypted through node:crypto
 * (age-stream.ts says why).
 *
 * The key file is what `palermo backup-key <file>` writes (or `age-keygen`): an age identity
 * "AGE-SECRET-KEY-1…", which encrypts and decrypts. A file holding only a recipient "age1…" (the
 * public half) lets a server write backups it cannot read itself: the operator keeps the identity
 * elsewhere and gives it to `palermo restore --key-file`.
 */
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient, type Recipient } from 'age-encryption';
import { PAYLOAD_NONCE_BYTES, PayloadOpener, PayloadSealer, payloadKey } from './age-stream.js';
import { BackupError } from './format.js';

/** The first bytes of every age file (binary, not armored). */
export const AGE_MAGIC = 'age-encryption.org/v1';

export interface BackupKey {
  /** Public recipient: enough to encrypt. */
  recipient: string;
  /** Secret identity: needed to decrypt (absent when the key file holds only the recipient). */
  identity?: string;
}

/** Read a key file: the first "AGE-SECRET-KEY-1…" or "age1…" line (comments "#" ignored). */
export async function readKeyFile(file: string): Promise<BackupKey> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new BackupError('backup-key', `cannot read the key file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const identity = lines.find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (identity) {
    try {
      return { identity, recipient: await identityToRecipient(identity) };
    } catch {
      throw new BackupError('backup-key', `the key file ${file} holds a malformed age identity`);
    }
  }
  const recipient = lines.find((l) => /^age1[0-9a-z]+$/.test(l));
  if (recipient) return { recipient };
  throw new BackupError('backup-key', `the key file ${file} holds no age key (a line "AGE-SECRET-KEY-1…" or "age1…"); create one with: palermo backup-key <file>`);
}

/** Write a new identity to `file` (mode 0600, never overwriting); returns its recipient. */
export async function writeNewKeyFile(file: string): Promise<string> {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  fs.writeFileSync(file, `# Palermo backup key, created ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600, flag: 'wx' });
  return recipient;
}

/** The largest age header read before giving up (ours hold one recipient stanza: about 200 bytes). */
const MAX_HEADER = 1 << 20;

/**
 * A new file key's age header for the recipient, written by the library, with the payload nonce
 * after it, and the payload key. The library encrypts an empty file to the recipient through a
 * recipient wrapper that sees the file key; the empty payload's one sealed chunk is dropped.
 */
async function newHeader(recipient: string): Promise<{ prefix: Buffer; key: Buffer }> {
  const parsed = new Encrypter();
  parsed.addRecipient(recipient);
  // The library's own recipient for "age1…" (its class is not exported; the field is private).
  const [inner] = (parsed as unknown as { recipients: Recipient[] }).recipients;
  if (!inner) throw new Error('age-encryption: no recipient parsed');
  let fileKey: Uint8Array | undefined;
  const e = new Encrypter();
  e.addRecipient({
    wrapFileKey: async (k: Uint8Array) => {
      fileKey = k;
      return inner.wrapFileKey(k);
    },
  });
  const empty = Buffer.from(await e.encrypt(new Uint8Array(0)));
  const prefix = empty.subarray(0, empty.length - 16);
  if (!fileKey) throw new Error('age-encryption: the file key was not wrapped');
  return { prefix, key: payloadKey(fileKey, prefix.subarray(prefix.length - PAYLOAD_NONCE_BYTES)) };
}

/** Encrypt a byte stream to the key's recipient (a standard age file: the library's header, the payload by node:crypto, age-stream.ts). */
export async function encryptStream(input: Readable, key: BackupKey): Promise<Readable> {
  const { prefix, key: payload } = await newHeader(key.recipient);
  return pipeline(input, new PayloadSealer(payload, prefix), () => undefined);
}

/** The header (up to the end of its MAC line) and the bytes read after it; null when the input ends first. */
async function readHeader(chunks: AsyncIterator<Buffer>): Promise<{ header: Buffer; rest: Buffer } | null> {
  let buf = Buffer.alloc(0);
  for (;;) {
    const mac = buf.indexOf('\n--- ');
    const end = mac < 0 ? -1 : buf.indexOf('\n', mac + 1);
    if (end >= 0 && buf.length >= end + 1 + PAYLOAD_NONCE_BYTES) return { header: buf.subarray(0, end + 1), rest: buf.subarray(end + 1) };
    if (buf.length > MAX_HEADER) return null;
    const next = await chunks.next();
    if (next.done) return null;
    buf = Buffer.concat([buf, next.value]);
  }
}

/** Decrypt an age byte stream; a wrong key or a damaged header is a BackupError (chunk damage fails while reading). */
export async function decryptStream(input: Readable, key: BackupKey | undefined): Promise<Readable> {
  if (!key) throw new BackupError('backup-key-needed', 'the backup is encrypted: give its key file (--key-file or BACKUP_KEY_FILE)');
  if (!key.identity) throw new BackupError('backup-key', 'the key file holds only the public key (age1…): restoring needs the secret identity (AGE-SECRET-KEY-1…)');
  const d = new Decrypter();
  d.addIdentity(key.identity);
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let payload: Buffer;
  let rest: Buffer;
  try {
    const read = await readHeader(chunks);
    if (!read) throw new Error('the file ends before the end of its age header');
    const fileKey = await d.decryptHeader(read.header);
    payload = payloadKey(fileKey, read.rest.subarray(0, PAYLOAD_NONCE_BYTES));
    rest = read.rest.subarray(PAYLOAD_NONCE_BYTES);
  } catch (err) {
    input.destroy();
    throw new BackupError('backup-key', `cannot decrypt the backup with this key (wrong key, or the file is damaged): ${err instanceof Error ? err.message : String(err)}`);
  }
  const body = Readable.from(
    (async function* () {
      if (rest.length) yield rest;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
    { objectMode: false },
  );
  const out = pipeline(body, new PayloadOpener(payload), () => undefined);
  out.on('close', () => input.destroy());
  return out;
}
