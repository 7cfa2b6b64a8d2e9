import type { PalermoModule } from '../module.js';
import { editorialPages } from './routes.js';

/** The editorial workflow of the knowledge portal: editor pages and API over the workflow engine. */
export const editorialModule: PalermoModule = {
  name: 'editorial',
  routes: [editorialPages],
};
