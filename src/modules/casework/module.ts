import type { PalermoModule } from '../module.js';
import { caseworkApi } from './api.js';
import { caseworkPages } from './routes.js';
import { caseworkCommands } from './cli.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 * Routes, commands and jobs are added by the casework files as they are built.
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [caseworkApi, caseworkPages],
  commands: caseworkCommands,
};
