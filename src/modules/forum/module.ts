import type { PalermoModule } from '../module.js';
import { forumRoutes } from './routes.js';

/** The secure forum of authorities (docs/FORUM.md): topic spaces and private spaces between named authorities. */
export const forumModule: PalermoModule = {
  name: 'forum',
  routes: [forumRoutes],
};
