/** /{lang}/legal-basis: the finder's form and answer (400 with the form when a parameter is wrong). */
import type { RoutePlugin } from '../../platform/http/app.js';
import { ValidationError } from '../../platform/http/errors.js';
import { pageContext, sendPage } from '../../platform/web/page.js';
import { pageRoutes } from '../../platform/web/routes.js';
import { listCountries } from '../reference/index.js';
import { findLegalBasis } from './service.js';
import { LegalBasisPage } from './pages/legal-basis.js';

const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);

export const legalBasisPages: RoutePlugin = pageRoutes((app) => {
  app.get('/legal-basis', async (request, reply) => {
    const ctx = pageContext(request);
    const q = request.query as Record<string, unknown>;
    const query = { from: str(q.from), to: str(q.to), kind: str(q.kind), on: str(q.on) };
    const countries = await listCountries(app.db);
    const asked = query.from !== undefined || query.to !== undefined || query.kind !== undefined;
    if (!asked) return sendPage(reply, <LegalBasisPage ctx={ctx} countries={countries} query={query} issues={[]} />);
    try {
      const basis = await findLegalBasis(app.db, query, request.actor);
      return sendPage(reply, <LegalBasisPage ctx={ctx} countries={countries} query={query} basis={basis} issues={[]} />);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, <LegalBasisPage ctx={ctx} countries={countries} query={query} issues={err.issues ?? []} />, 400);
    }
  });
});
