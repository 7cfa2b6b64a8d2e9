import type { PalermoModule } from '../module.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { backupPages } from './pages/backups.js';
import { backupJob, scheduleNextBackup } from './schedule.js';

/**
 * Operations: backups (the `operations.backup` job on BACKUP_SCHEDULE, the record of the last one,
 * the administrators' page /{lang}/admin/backups). The backup engine is platform/backup; the
 * commands backup, restore, backup-key are global (src/cli/operations.ts).
 */
export const operationsModule: PalermoModule = {
  name: 'operations',
  routes: [pageRoutes(backupPages)],
  jobs: [backupJob],
  async prepare(runtime) {
    await scheduleNextBackup(runtime);
  },
};
