import type { PalermoModule } from '../module.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { accountsApi } from './api.js';
import { adminJobsApi } from './admin-jobs-api.js';
import { accountsCommands } from './cli.js';
import { accountsEnv } from './env.js';
import { accountsHooks } from './http/hooks.js';
import { deliverMailJob, queuePendingMail } from './mail.js';
import { accountPages } from './pages/account.js';
import { adminJobPages } from './pages/admin-jobs.js';
import { adminLogPages } from './pages/admin-log.js';
import { adminUserPages } from './pages/admin-users.js';
import { registerPages } from './pages/register.js';
import { securityPages } from './pages/security.js';
import { signInPages } from './pages/sign-in.js';
import { tokenPages } from './pages/tokens.js';

/**
 * Accounts: registration, sign-in, sessions, CSRF, second factor, API tokens, practitioner requests,
 * administration pages (users, audit, outbox, jobs), mail (a delivery job per mail with SMTP). Its hooks (accountsHooks) apply to every route: it is listed early.
 */
export const accountsModule: PalermoModule = {
  name: 'accounts',
  routes: [
    accountsHooks,
    accountsApi,
    adminJobsApi,
    pageRoutes(async (app) => {
      await signInPages(app);
      await registerPages(app);
      await accountPages(app);
      await securityPages(app);
      await tokenPages(app);
      await adminUserPages(app);
      await adminLogPages(app);
      await adminJobPages(app);
    }),
  ],
  commands: accountsCommands,
  jobs: [deliverMailJob],
  async prepare(runtime) {
    await queuePendingMail(runtime.db, await accountsEnv(runtime.db, runtime.config));
  },
};
