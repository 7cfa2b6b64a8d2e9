import type { PalermoModule } from '../module.js';
import { caseworkDataCommands } from './cli-data.js';
import { caseworkDataApi } from './data-api.js';

/**
 * Casework: the requests a central authority sends and receives, tracked until executed (docs/CASEWORK.md).
 * Routes, commands and jobs are added by the casework files as they are built.
 */
export const caseworkModule: PalermoModule = {
  name: 'casework',
  routes: [caseworkDataApi],
  commands: (program, cli) => {
    caseworkDataCommands(program, cli);
  },
};
