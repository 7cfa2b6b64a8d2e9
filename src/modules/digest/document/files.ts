/**
 * The digest's PDF and DOCX files. Each is generated on the first download after the case law
 * changed and kept under DATA_DIR/cache/digest, keyed by language, day and the SHA-256 of the digest's
 * content (service.ts `digestVersion`): the content is computed from the database at every request, so
 * a case published, changed or withdrawn on any node changes the key on every node, and the old files
 * are simply no longer asked for (the cache keeps the newest, directory's `cachedBook`: one build at a
 * time per node, concurrent requests for one file wait for a single build, atomic rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cachedBook, printToPdf } from '../../directory/index.js';
import type { Digest } from '../domain/digest.js';
import { digestVersion } from '../service.js';
import { digestDocx } from './docx.js';
import { digestHtml } from './html.js';

export const DIGEST_FORMATS = ['pdf', 'docx'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export const MEDIA_TYPES: Record<DigestFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function digestCacheDir(dataDir: string): string {
  return path.resolve(dataDir, 'cache', 'digest');
}

/** The path of the digest's file in this format (generated now unless this content's file exists). */
export async function digestFile(digest: Digest, format: DigestFormat, options: { site: string; dataDir: string; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const key = { format, lang: digest.lang, restricted: false, site: options.site, version: digestVersion(digest), day: now.toISOString().slice(0, 10) };
  return cachedBook(digestCacheDir(options.dataDir), key, async (file, work) => {
    if (format === 'docx') return fs.promises.writeFile(file, await digestDocx(digest, { site: options.site, now }), { mode: 0o600 });
    const html = path.join(work, 'digest.html');
    await fs.promises.writeFile(html, digestHtml(digest, { site: options.site, now }));
    await printToPdf(html, file, work);
  });
}
