import type { PalermoModule } from '../module.js';
import { directoryApi } from './api.js';
import { directoryPages } from './routes.js';
import { bookRoutes } from './book-routes.js';
import { importRoutes } from './import-routes.js';
import { directoryCommands } from './cli.js';

/** The directory of competent national authorities: pages, API, import/export, books, figures. */
export const directoryModule: PalermoModule = {
  name: 'directory',
  routes: [directoryApi, directoryPages, bookRoutes, importRoutes],
  commands: directoryCommands,
};
