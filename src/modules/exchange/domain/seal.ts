/**
 * Private keys at rest: AES-256-GCM under a key derived (HKDF-SHA-256) from the installation secret.
 * Sealed text: base64url(iv).base64url(ciphertext).base64url(tag). Pure (node:crypto only).
 */
import crypto from 'node:crypto';

const INFO = 'palermo exchange private keys v1';

function keyOf(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), INFO, 32));
}

export function seal(secret: string, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The plaintext; throws when the secret is not the one it was sealed with or the text was changed. */
export function unseal(secret: string, sealed: string): string {
  const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag) throw new Error('Not a sealed key');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
