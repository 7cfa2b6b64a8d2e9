import type { PalermoModule } from '../module.js';
import { scopeOf } from '../access/index.js';
import { provideCaseLinks, type CaseLinkSupplier } from '../casework/index.js';
import { href } from '../../platform/web/page.js';
import { exT } from './pages/ui.js';
import { exchangeApi } from './api.js';
import { exchangeCommands } from './cli.js';
import { deliverJob, requeueUndelivered } from './deliver-job.js';
import { isConfigured } from './env.js';
import { ensureNodeKeys } from './identity-service.js';
import { exchangePages } from './routes.js';
import { returnEvidenceJob } from './retrieval-service.js';
import { scheduleSweep, sweepJob } from './sweep-job.js';

/** Secure exchange between Palermo installations: node identity, trusted partners, signed and encrypted messages, delivery evidence. */
export const exchangeModule: PalermoModule = {
  name: 'exchange',
  routes: [exchangeApi, exchangePages],
  commands: exchangeCommands,
  jobs: [deliverJob, returnEvidenceJob, sweepJob],
  subscribe() {
    // The case page links to the case's exchange page for the staff who may read it.
    provideCaseLinks(exchangeCaseLink);
  },
  async prepare(rt) {
    if (!isConfigured(rt.config)) return;
    await ensureNodeKeys(rt.db, rt.config);
    await requeueUndelivered(rt.db);
    await scheduleSweep(rt.db);
  },
};

const exchangeCaseLink: CaseLinkSupplier = ({ lang, actor, caseId }) => (scopeOf(actor, 'exchange.read').some ? [{ href: href({ lang }, `/exchange/cases/${caseId}`), label: exT(lang)('case_link') }] : []);
