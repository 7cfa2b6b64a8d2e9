import type { PalermoModule } from '../module.js';
import { exchangeApi } from './api.js';
import { exchangeCommands } from './cli.js';
import { deliverJob, requeueUndelivered } from './deliver-job.js';
import { isConfigured } from './env.js';
import { ensureNodeKeys } from './identity-service.js';
import { exchangePages } from './routes.js';

/** Secure exchange between Palermo installations: node identity, trusted partners, signed and encrypted messages, delivery evidence. */
export const exchangeModule: PalermoModule = {
  name: 'exchange',
  routes: [exchangeApi, exchangePages],
  commands: exchangeCommands,
  jobs: [deliverJob],
  async prepare(rt) {
    if (!isConfigured(rt.config)) return;
    await ensureNodeKeys(rt.db, rt.config);
    await requeueUndelivered(rt.db);
  },
};
