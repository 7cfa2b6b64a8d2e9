import type { PalermoModule } from '../module.js';
import { documentRoutes } from './documents-routes.js';
import { removeStaleUploads, spoolDirOf } from './documents-spool.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 * Routes, commands and jobs are added by the casework files as they are built.
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [documentRoutes],
  // Uploads a crashed process was receiving (documents-spool.ts).
  prepare: async (runtime) => void (await removeStaleUploads(spoolDirOf(runtime.config.dataDir))),
};
