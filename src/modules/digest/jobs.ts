/**
 * The digest's files made ahead: when cases change, the writing transaction queues
 * digest.generate_documents (one job per transaction, keyed by its id) to run a minute later, so that
 * a burst of edits is mostly served by the first run. It generates the PDF and DOCX in the six
 * languages for the case law as it then is and stores them (document/files.ts).
 * A job finding every file of the current fingerprint stored does nothing; a later change queues
 * another. Downloads never wait for it: they generate a missing file themselves.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { onChange } from '../../platform/events.js';
import { LANGS } from '../../platform/i18n/languages.js';
import { enqueue, type JobDefinition } from '../../platform/jobs/index.js';
import type { Runtime } from '../../runtime.js';
import { ENTRIES_CHANGED, type EntriesChanged } from '../knowledge/index.js';
import { generateMissingDocuments } from './document/files.js';
import { currentTransactionId } from './repository.js';

export const GENERATE_DOCUMENTS = 'digest.generate_documents';

export const generateDocumentsJob: JobDefinition<Record<string, never>, Runtime> = {
  name: GENERATE_DOCUMENTS,
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 1800,
  async handler(_data, _job, runtime) {
    const made = await generateMissingDocuments(runtime.db, LANGS, runtime.config.publicUrl.replace(/\/+$/, ''));
    if (made) runtime.logger.info({ files: made }, 'digest files generated');
  },
};

/** Seconds between a change and the generation it queues. */
export const GENERATE_DELAY_SECONDS = 60;

/**
 * Whether a change may change the digest: a case (of any basis: it may have left UNTOC) or an entry
 * withdrawn. Treaty changes (reference data loaded at start-up) queue nothing: they change the
 * fingerprint, and the files are then generated at their first download.
 */
export function touchesDigest(change: EntriesChanged): boolean {
  return change.removed.length > 0 || change.changed.some((e) => e.document.type === 'case');
}

async function queueGeneration(trx: Kysely<DB>, change: EntriesChanged): Promise<void> {
  if (!touchesDigest(change)) return;
  await enqueue(trx, GENERATE_DOCUMENTS, {}, { key: `tx:${await currentTransactionId(trx)}`, startAfter: new Date(Date.now() + GENERATE_DELAY_SECONDS * 1000) });
}

export function subscribeDigest(): void {
  onChange(ENTRIES_CHANGED, queueGeneration);
}
