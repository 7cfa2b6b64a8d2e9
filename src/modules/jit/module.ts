import multipart from '@fastify/multipart';
import type { PalermoModule } from '../module.js';
import { jitApi } from './api.js';
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
};
