import type { PalermoModule } from '../module.js';
import { refreshStatistics } from '../knowledge/index.js';
import { fileDownloads, portalPages } from './routes.js';

export const portalModule: PalermoModule = {
  name: 'portal',
  routes: [portalPages, fileDownloads],
  // The pages' queries need planner statistics, which embedded PGlite never gathers by itself.
  // portal is the last module: on the first start this runs after the demo corpus is seeded.
  prepare: async (runtime) => {
    const analyzed = await refreshStatistics(runtime.db);
    if (analyzed.length) runtime.logger.info({ tables: analyzed }, 'planner statistics refreshed');
  },
  firstStart: async (runtime) => {
    await refreshStatistics(runtime.db);
  },
};
