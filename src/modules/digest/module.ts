import type { PalermoModule } from '../module.js';
import { generateDocumentsJob, subscribeDigest } from './jobs.js';
import { digestPages } from './routes.js';

/**
 * The living digest of cases where UNTOC was the legal basis (docs/DIGEST.md): page /{lang}/digest and
 * its PDF and DOCX, computed from the published case law; the files are generated ahead by a job
 * queued in the transaction of each change of the case law.
 */
export const digestModule: PalermoModule = {
  name: 'digest',
  routes: [digestPages],
  subscribe: subscribeDigest,
  jobs: [generateDocumentsJob],
};
