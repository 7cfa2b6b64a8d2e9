import type { PalermoModule } from '../module.js';
import { providersApi } from './api.js';
import { providersPages } from './routes.js';

/** The electronic evidence hub: service providers (kept through the editorial workflow), model forms, checklists, national provisions. */
export const providersModule: PalermoModule = {
  name: 'providers',
  routes: [providersApi, providersPages],
};
