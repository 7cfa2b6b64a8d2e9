import type { PalermoModule } from '../module.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { accountsApi } from './api.js';
import { accountsCommands } from './cli.js';
import { accountsEnv } from './env.js';
import { accountsHooks } from './http/hooks.js';
import { accountPages } from './pages/account.js';
import { adminLogPages } from './pages/admin-log.js';
import { adminUserPages } from './pages/admin-users.js';
import { registerPages } from './pages/register.js';
import { securityPages } from './pages/security.js';
import { signInPages } from './pages/sign-in.js';
import { tokenPages } from './pages/tokens.js';

/**
 * Accounts: registration, sign-in, sessions, CSRF, second factor, API tokens, practitioner requests,
 * administration pages, mail. Its hooks (accountsHooks) apply to every route: it is listed early.
 */
export const accountsModule: PalermoModule = {
  name: 'accounts',
  routes: [
    accountsHooks,
    accountsApi,
    pageRoutes(async (app) => {
      await signInPages(app);
      await registerPages(app);
      await accountPages(app);
      await securityPages(app);
      await tokenPages(app);
      await adminUserPages(app);
      await adminLogPages(app);
    }),
  ],
  commands: accountsCommands,
  async prepare(runtime) {
    await accountsEnv(runtime.db, runtime.config);
  },
};
