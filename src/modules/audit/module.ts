import type { PalermoModule } from '../module.js';
import { auditApi } from './api.js';

/** The append-only audit log: recordAudit() for every module, search page (in accounts) and API. */
export const auditModule: PalermoModule = {
  name: 'audit',
  routes: [auditApi],
};
