import type { PalermoModule } from '../module.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { executionPages } from './pages/executions.js';
import { settingsPages } from './pages/execution-settings.js';
import { notificationPages } from './pages/notifications.js';
import { executionApi } from './execution-api.js';
import { scanDeadlinesJob, scheduleScan } from './jobs.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 * Routes, commands and jobs are added by the casework files as they are built.
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [
    executionApi,
    pageRoutes(async (app) => {
      await executionPages(app);
      await notificationPages(app);
      await settingsPages(app);
    }),
  ],
  jobs: [scanDeadlinesJob],
  async prepare(runtime) {
    // The hourly deadline scan: this hour's and the next run are queued once for the installation.
    await scheduleScan(runtime.db);
  },
};
