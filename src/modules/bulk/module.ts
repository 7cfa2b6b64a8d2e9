import type { PalermoModule } from '../module.js';
import { bulkApi } from './api.js';
import { bulkCommands } from './cli.js';

/** Bulk data: import (JSON Lines, CSV, Akoma Ntoso) and export (files, API, Akoma Ntoso per law). */
export const bulkModule: PalermoModule = {
  name: 'bulk',
  routes: [bulkApi],
  commands: bulkCommands,
};
