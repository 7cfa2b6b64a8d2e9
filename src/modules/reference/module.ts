import type { PalermoModule } from '../module.js';
import { referenceApi } from './api.js';
import { referenceCommands } from './cli.js';
import { provideReferenceCodes } from '../knowledge/index.js';
import { ensureReferenceData } from './loader.js';
import { referenceCodes } from './service.js';

/**
 * Reference data: countries and UN M49 regions, taxonomies, the shipped instruments.
 * prepare() loads or updates them at every start when their sources changed.
 */
export const referenceModule: PalermoModule = {
  name: 'reference',
  routes: [referenceApi],
  commands: referenceCommands,
  // Knowledge checks the codes records refer to through the reference module (it cannot import it).
  subscribe() {
    provideReferenceCodes(referenceCodes);
  },
  async prepare(runtime) {
    await ensureReferenceData(runtime.db, { logger: runtime.logger });
  },
};
