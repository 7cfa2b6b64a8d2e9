/** URLs of search pages: canonical parameter order, so every state of the page has one shareable address. */
import type { PageContext } from '../../../platform/web/page.js';
import { canonicalEntries, toQueryString, type FacetName, type SearchParams } from '../domain/params.js';

export interface PageState {
  /** Path under the language prefix: "/search" or a database page such as "/cases". */
  basePath: string;
  params: SearchParams;
  /** The page is scoped to one database (its type is not a parameter). */
  scoped: boolean;
  /** Facets whose full list of values is shown. */
  expand: FacetName[];
}

/** Path and query of the page for a changed state (page 1 unless a page is given). */
export function statePath(state: PageState, change: { params?: Partial<SearchParams>; page?: number; expand?: FacetName[] } = {}): string {
  const params = { ...state.params, ...change.params };
  const entries = canonicalEntries(params, { omitType: state.scoped, page: change.page ?? 1 });
  for (const f of [...(change.expand ?? state.expand)].sort()) entries.push(['expand', f]);
  return `${state.basePath}${toQueryString(entries)}`;
}

export function stateHref(ctx: Pick<PageContext, 'lang'>, state: PageState, change: Parameters<typeof statePath>[1] = {}): string {
  return `/${ctx.lang}${statePath(state, change)}`;
}

/** The state without one value of one facet. */
export function withoutValue(state: PageState, facet: FacetName, value: string): Partial<SearchParams> {
  return { filters: { ...state.params.filters, [facet]: state.params.filters[facet].filter((v) => v !== value) } };
}
