import type { PalermoModule } from '../module.js';
import { referenceApi } from './api.js';
import { referenceCommands } from './cli.js';
import { ensureReferenceData } from './loader.js';

/**
 * Reference data: countries and UN M49 regions, taxonomies, the shipped instruments.
 * prepare() loads or updates them at every start when their sources changed.
 */
export const referenceModule: PalermoModule = {
  name: 'reference',
  routes: [referenceApi],
  commands: referenceCommands,
  async prepare(runtime) {
    await ensureReferenceData(runtime.db, { logger: runtime.logger });
  },
};
