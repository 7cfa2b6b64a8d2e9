import type { PalermoModule } from '../module.js';
import { bulkApi } from './api.js';
import { bulkCommands } from './cli.js';
import { markInterruptedImports } from './import/runs.js';
import { readAknArticles } from './domain/akn-articles.js';
import { instrumentTextRoutes } from './instrument-text-routes.js';
import { provideAknArticleReader } from '../reference/index.js';

/** Bulk data: import (JSON Lines, CSV, Akoma Ntoso) and export (files, API, Akoma Ntoso per law). */
export const bulkModule: PalermoModule = {
  name: 'bulk',
  routes: [bulkApi, instrumentTextRoutes],
  /** The reference module reads authentic treaty texts in Akoma Ntoso with our reader (it cannot import bulk). */
  subscribe() {
    provideAknArticleReader(readAknArticles);
  },
  commands: bulkCommands,
  /** Imports left "running" by a process that died are marked interrupted (see domain/runs.ts). */
  async prepare(runtime) {
    const n = await markInterruptedImports(runtime.db, runtime.database.mode === 'embedded');
    if (n) runtime.logger.warn({ runs: n }, 'imports left running by a stopped process marked interrupted');
  },
};
