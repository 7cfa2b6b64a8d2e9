/**
 * Encryption of backups with age (the `age-encryption` package, typage by age's author; format
 * age-encryption.org/v1: X25519 recipients, ChaCha20-Poly1305 in 64 KiB authenticated chunks).
 *
 * The key file is what `palermo backup-key <file>` writes (or `age-keygen`): an age identity
 * "AGE-SECRET-KEY-1…", which encrypts and decrypts. A file holding only a recipient "age1…" (the
 * public half) lets a server write backups it cannot read itself: the operator keeps the identity
 * elsewhere and gives it to `palermo restore --key-file`.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
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

/** Encrypt a byte stream to the key's recipient. */
export async function encryptStream(input: Readable, key: BackupKey): Promise<Readable> {
  const e = new Encrypter();
  e.addRecipient(key.recipient);
  const out = await e.encrypt(Readable.toWeb(input) as ReadableStream<Uint8Array>);
  return Readable.fromWeb(out as never);
}

/** Decrypt an age byte stream; a wrong key or a damaged header is a BackupError (chunk damage fails while reading). */
export async function decryptStream(input: Readable, key: BackupKey | undefined): Promise<Readable> {
  if (!key) throw new BackupError('backup-key-needed', 'the backup is encrypted: give its key file (--key-file or BACKUP_KEY_FILE)');
  if (!key.identity) throw new BackupError('backup-key', 'the key file holds only the public key (age1…): restoring needs the secret identity (AGE-SECRET-KEY-1…)');
  const d = new Decrypter();
  d.addIdentity(key.identity);
  try {
    const out = await d.decrypt(Readable.toWeb(input) as ReadableStream<Uint8Array>);
    return Readable.fromWeb(out as never);
  } catch (err) {
    throw new BackupError('backup-key', `cannot decrypt the backup with this key (wrong key, or the file is damaged): ${err instanceof Error ? err.message : String(err)}`);
  }
}
