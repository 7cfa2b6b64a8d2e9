import type { PalermoModule } from '../module.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { caseworkApi } from './api.js';
import { caseworkPages } from './routes.js';
import { caseworkCommands } from './cli.js';
import { executionPages } from './pages/executions.js';
import { settingsPages } from './pages/execution-settings.js';
import { notificationPages } from './pages/notifications.js';
import { executionApi } from './execution-api.js';
import { scanDeadlinesJob, scheduleScan } from './jobs.js';
import { documentRoutes } from './documents-routes.js';
import { removeStaleUploads, spoolDirOf } from './documents-spool.js';
import { statisticsApi } from './statistics/api.js';
import { refreshPublicStatisticsJob } from './statistics/publication.js';
import { statisticsPages } from './statistics/routes.js';
import { caseworkDataCommands } from './cli-data.js';
import { caseworkDataApi } from './data-api.js';
import { verifyRestoredHistories } from './verify-service.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [
    caseworkApi,
    caseworkDataApi,
    caseworkPages,
    executionApi,
    documentRoutes,
    statisticsApi,
    statisticsPages,
    pageRoutes(async (app) => {
      await executionPages(app);
      await notificationPages(app);
      await settingsPages(app);
    }),
  ],
  commands: (program, cli) => {
    caseworkCommands(program, cli);
    caseworkDataCommands(program, cli);
  },
  jobs: [scanDeadlinesJob, refreshPublicStatisticsJob],
  async prepare(runtime) {
    // The hourly deadline scan: this hour's and the next run are queued once for the installation.
    await scheduleScan(runtime.db);
    // Uploads a crashed process was receiving (documents-spool.ts).
    await removeStaleUploads(spoolDirOf(runtime.config.dataDir));
  },
  // After `palermo restore`: every case history chain is recomputed; a broken one is named (case and event).
  verifyRestore: (runtime) => verifyRestoredHistories(runtime.db),
};
