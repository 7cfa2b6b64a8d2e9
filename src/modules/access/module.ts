import type { PalermoModule } from '../module.js';

/** Roles, actors and the policy (src/modules/access/policy.ts); no routes of its own. */
export const accessModule: PalermoModule = {
  name: 'access',
};
