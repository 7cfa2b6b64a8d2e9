/** Page routes of search: /{lang}/search and the four database pages. */
import { ValidationError } from '../../../platform/http/errors.js';
import { pageRoutes } from '../../../platform/web/routes.js';
import { pageContext, sendPage } from '../../../platform/web/page.js';
import { ENTRY_PATH, type EntryType } from '../../knowledge/index.js';
import { countryName, listCountries } from '../../reference/index.js';
import { FACETS, MAX_RESULT_WINDOW, parseSearchParams, type FacetName } from '../domain/params.js';
import { runSearch } from '../service.js';
import { SearchPage } from './search-page.js';

/** Parameters a shared link may carry that the search does not use (tracking and the like) are ignored. */
function knownOnly(query: Record<string, unknown>, scoped: boolean): { search: Record<string, unknown>; expand: FacetName[] } {
  const search: Record<string, unknown> = {};
  for (const key of ['q', 'sort', 'page', 'per_page', 'verbatim', ...FACETS]) if (key in query && !(scoped && key === 'type')) search[key] = query[key];
  const raw = query.expand;
  const expand = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is FacetName => (FACETS as readonly unknown[]).includes(v));
  return { search, expand: [...new Set(expand)].sort() };
}

export const searchPages = pageRoutes((app) => {
  const handler = (scope: EntryType | undefined) => async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const ctx = pageContext(request);
    const { search, expand } = knownOnly((request.query ?? {}) as Record<string, unknown>, Boolean(scope));
    const parsed = parseSearchParams(search, { defaultLang: ctx.lang, ...(scope ? { fixedType: scope } : {}) });
    if (!parsed.ok) throw new ValidationError(parsed.issues);
    const params = { ...parsed.value, hl: ctx.lang };
    const [outcome, countries] = [await runSearch(app.db, params, { source: 'page', log: request.log }), await listCountries(app.db)];
    const countryNames = new Map(outcome.results.flatMap((r) => (r.country ? [[r.country, countryName(countries, r.country, ctx.lang)] as const] : [])));
    const basePath = scope ? `/${ENTRY_PATH[scope]}` : '/search';
    return sendPage(
      reply,
      <SearchPage
        ctx={ctx}
        state={{ basePath, params, scoped: Boolean(scope), expand }}
        outcome={outcome}
        {...(scope ? { scope } : {})}
        countryNames={countryNames}
        maxPage={Math.floor(MAX_RESULT_WINDOW / params.perPage)}
      />,
    );
  };
  app.get('/search', { schema: { hide: true } }, handler(undefined));
  for (const type of ['legislation', 'case', 'treaty', 'strategy'] as const) app.get(`/${ENTRY_PATH[type]}`, { schema: { hide: true } }, handler(type));
});
