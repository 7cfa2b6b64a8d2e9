import type { PalermoModule } from '../module.js';
import { statisticsApi } from './statistics/api.js';
import { refreshPublicStatisticsJob } from './statistics/publication.js';
import { statisticsPages } from './statistics/routes.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 * Routes, commands and jobs are added by the casework files as they are built.
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [statisticsApi, statisticsPages],
  jobs: [refreshPublicStatisticsJob],
};
