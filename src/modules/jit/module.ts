import multipart from '@fastify/multipart';
import type { PalermoModule } from '../module.js';
import { href } from '../../platform/web/page.js';
import { provideCaseLinks, type CaseLinkSupplier } from '../casework/index.js';
import { jitApi } from './api.js';
import { workspacesOfCase } from './links-service.js';
import { jitT } from './pages/ui.js';
import { jitPages } from './routes.js';
import { MULTIPART_LIMITS } from './upload.js';

/**
 * Joint investigation team workspaces (UNTOC art. 19; docs/JIT.md): pages under /{lang}/jit, API
 * /api/v1/jit. One route plugin so that the multipart parser is registered once for both.
 */
export const jitModule: PalermoModule = {
  name: 'jit',
  routes: [
    async (app) => {
      await app.register(multipart, { limits: MULTIPART_LIMITS });
      await jitApi(app);
      await jitPages(app);
    },
  ],
  subscribe() {
    // The casework case page lists the workspaces the case is linked to (for their members).
    provideCaseLinks(jitCaseLinks);
  },
};

/** The case page's links (casework's extension point): the teams the case is linked to, for their members. */
const jitCaseLinks: CaseLinkSupplier = async ({ db, actor, caseId, lang }) => {
  const t = jitT(lang);
  return (await workspacesOfCase(db, actor, caseId)).map((team) => ({ href: href({ lang }, `/jit/${team.id}`), label: t('case_page_link', { title: team.title }) }));
};
