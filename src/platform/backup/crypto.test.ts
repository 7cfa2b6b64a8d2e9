/**
 * Backups are standard age files: what encryptStream writes (the payload through node:crypto) the
 * age-encryption library decrypts, what the library writes decryptStream reads, at the chunk
 * boundaries; a changed byte, a dropped or reordered chunk and a wrong key are refused.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { decryptStream, encryptStream, type BackupKey } from './crypto.js';
import { BackupError } from './format.js';

const K = 64 * 1024;
/** Empty, one byte, exactly one chunk, one chunk and a byte, several chunks and a part. */
const SIZES = [0, 1, K, K + 1, 3 * K + 17];

async function newKey(): Promise<BackupKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The bytes of a stream, fed in pieces of `piece` bytes (pieces never line up with age's chunks). */
async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}
function pieces(data: Buffer, piece = 7000): Readable {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += piece) out.push(data.subarray(i, i + piece));
  return Readable.from(out.length ? out : [Buffer.alloc(0)]);
}
const encrypt = async (data: Buffer, key: BackupKey) => bytesOf(await encryptStream(pieces(data), key));
const decrypt = async (file: Buffer, key: BackupKey) => bytesOf(await decryptStream(pieces(file, 5000), key));

describe('backup encryption (age)', () => {
  it('writes files the age library decrypts, and reads the files it writes', async () => {
    const key = await newKey();
    for (const size of SIZES) {
      const data = crypto.randomBytes(size);
      const ours = await encrypt(data, key);
      const d = new Decrypter();
      d.addIdentity(key.identity!);
      assert.deepEqual(Buffer.from(await d.decrypt(ours)), data, `library decrypts ours, ${size} bytes`);
      const e = new Encrypter();
      e.addRecipient(key.recipient);
      const theirs = Buffer.from(await e.encrypt(data));
      assert.equal(theirs.length, ours.length, `same size as the library's, ${size} bytes`);
      assert.deepEqual(await decrypt(theirs, key), data, `we decrypt the library's, ${size} bytes`);
      assert.deepEqual(await decrypt(ours, key), data, `we decrypt ours, ${size} bytes`);
    }
  });

  it('refuses a changed byte, a dropped or swapped chunk, a cut file and a wrong key', async () => {
    const key = await newKey();
    const data = crypto.randomBytes(3 * K + 17);
    const file = await encrypt(data, key);
    const payloadStart = file.length - (data.length + 4 * 16);
    const chunk = (i: number) => file.subarray(payloadStart + i * (K + 16), Math.min(file.length, payloadStart + (i + 1) * (K + 16)));
    const head = file.subarray(0, payloadStart);
    const flipped = Buffer.from(file);
    flipped[payloadStart + 100] = flipped[payloadStart + 100]! ^ 1;
    const bad = {
      flipped,
      dropped: Buffer.concat([head, chunk(0), chunk(2), chunk(3)]),
      swapped: Buffer.concat([head, chunk(1), chunk(0), chunk(2), chunk(3)]),
      'cut at a chunk boundary': Buffer.concat([head, chunk(0), chunk(1), chunk(2)]),
      'cut inside a chunk': file.subarray(0, file.length - 5),
    };
    for (const [what, bytes] of Object.entries(bad)) await assert.rejects(decrypt(bytes, key), /age payload/, what);
    await assert.rejects(decrypt(file, await newKey()), (err: unknown) => err instanceof BackupError && err.code === 'backup-key');
    await assert.rejects(decrypt(file.subarray(0, 40), key), (err: unknown) => err instanceof BackupError && err.code === 'backup-key');
  });
});
