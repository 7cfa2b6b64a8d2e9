import type { PalermoModule } from '../module.js';
import { editorialPages } from './routes.js';
import { editorialApi } from './api.js';

/** The editorial workflow of the knowledge portal: editor pages and API over the workflow engine. */
export const editorialModule: PalermoModule = {
  name: 'editorial',
  routes: [editorialApi, editorialPages],
};
