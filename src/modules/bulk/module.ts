import type { PalermoModule } from '../module.js';
import { bulkApi } from './api.js';
import { bulkCommands } from './cli.js';
import { markInterruptedImports } from './import/runs.js';

/** Bulk data: import (JSON Lines, CSV, Akoma Ntoso) and export (files, API, Akoma Ntoso per law). */
export const bulkModule: PalermoModule = {
  name: 'bulk',
  routes: [bulkApi],
  commands: bulkCommands,
  /** Imports left "running" by a process that died are marked interrupted (see domain/runs.ts). */
  async prepare(runtime) {
    const n = await markInterruptedImports(runtime.db, runtime.database.mode === 'embedded');
    if (n) runtime.logger.warn({ runs: n }, 'imports left running by a stopped process marked interrupted');
  },
};
