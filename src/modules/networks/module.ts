import type { PalermoModule } from '../module.js';
import { networksApi } from './api.js';
import { networksPages } from './routes.js';

/** Judicial cooperation networks' case logs and figures (docs/NETWORKS.md): /{lang}/networks, /api/v1/networks. */
export const networksModule: PalermoModule = {
  name: 'networks',
  routes: [networksApi, networksPages],
};
