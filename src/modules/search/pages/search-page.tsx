/**
 * The search page (/{lang}/search) and the database pages (/{lang}/legislation, /cases, /treaties,
 * /strategies): one GET form with the query, the sort order and the facet checkboxes, so everything
 * works without JavaScript; search.js only submits the form when a checkbox changes.
 */
import { formatNumber, translator } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { EntryType } from '../../knowledge/index.js';
import { DEFAULT_PER_PAGE, FACETS, canonicalEntries, toQueryString } from '../domain/params.js';
import { typeLabel } from '../facets.js';
import { searchMessages } from '../search.messages.js';
import type { SearchOutcome } from '../service.js';
import { FacetPanel } from './facet-panel.js';
import { FilterChips, Pagination, ResultItem } from './results-list.js';
import { NoResults, QueryNotices } from './suggestions.js';
import type { PageState } from './urls.js';

const SECTION: Record<EntryType, string> = { legislation: 'legislation', case: 'cases', treaty: 'treaties', strategy: 'strategies' };
const INTRO: Record<EntryType, 'legislation_intro' | 'cases_intro' | 'treaties_intro' | 'strategies_intro'> = {
  legislation: 'legislation_intro',
  case: 'cases_intro',
  treaty: 'treaties_intro',
  strategy: 'strategies_intro',
};

export interface SearchPageProps {
  ctx: PageContext;
  state: PageState;
  outcome: SearchOutcome;
  scope?: EntryType;
  countryNames: ReadonlyMap<string, string>;
  maxPage: number;
}

export function SearchPage(props: SearchPageProps) {
  const { ctx, state, outcome, scope } = props;
  const t = translator(searchMessages, ctx.lang);
  const { params } = state;
  const heading = scope ? typeLabel(scope, ctx.lang) : t('search_heading');
  const baseTitle = scope ? heading : t('search_title');
  const title = [params.q.trim() || undefined, baseTitle, params.page > 1 ? t('page_n', { page: params.page }) : undefined].filter(Boolean).join(' · ');
  const intro = scope ? t(INTRO[scope]) : t('search_intro');
  const first = (params.page - 1) * params.perPage + 1;
  const last = first + outcome.results.length - 1;
  const canonical = `${state.basePath}${toQueryString(canonicalEntries(params, { omitType: state.scoped }))}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={intro}
      section={scope ? SECTION[scope] : 'search'}
      canonical={canonical}
      demo={outcome.results.some((r) => r.demo)}
      scripts={['search.js']}
    >
      {/* Results come first in the document (and on narrow screens); wide screens show the filters beside them. */}
      <div class="search-page">
        <h1>{heading}</h1>
        <p class="search-page__intro">{intro}</p>
        <form
          class="search"
          method="get"
          action={`/${ctx.lang}${state.basePath}`}
          role="search"
          aria-label={heading}
          data-order={['q', ...FACETS, 'sort', 'page', 'per_page', 'expand'].join(' ')}
        >
          <div class="search-form">
            <label for="search-q" class="search-form__label">
              {scope ? t('query_label_in', { database: heading }) : t('query_label')}
            </label>
            <input type="search" id="search-q" name="q" value={params.q} maxLength={1000} dir="auto" aria-describedby="search-help" />
            {params.q.trim() ? (
              <span class="search-form__sort">
                <label for="search-sort">{t('sort_label')}</label>
                <select id="search-sort" name="sort">
                  <option value="relevance" selected={outcome.sort === 'relevance'}>
                    {t('sort_relevance')}
                  </option>
                  <option value="date" selected={outcome.sort === 'date'}>
                    {t('sort_date')}
                  </option>
                </select>
              </span>
            ) : null}
            {params.perPage !== DEFAULT_PER_PAGE ? <input type="hidden" name="per_page" value={String(params.perPage)} /> : null}
            <button type="submit">{t('submit')}</button>
          </div>
          <p id="search-help" class="search-form__help muted">
            {t('query_help')}
          </p>
          {ctx.viewer?.editor ? (
            <p class="search-form__help muted">
              <a href={href(ctx, '/search/thesaurus')}>{t('thesaurus_link')}</a>
            </p>
          ) : null}
          <div class="search-layout">
            <section class="search-results" aria-labelledby="results-heading">
              <h2 id="results-heading" tabIndex={-1}>
                {t('results_count', { count: outcome.total })}
              </h2>
              {outcome.results.length ? (
                <p class="muted search-results__range">{t('results_range', { from: first, to: last, total: outcome.total })}</p>
              ) : null}
              {!outcome.query_used ? <p class="search-notice">{t('only_common_words')}</p> : null}
              <QueryNotices ctx={ctx} state={state} outcome={outcome} t={t} />
              <FilterChips ctx={ctx} state={state} facets={outcome.facets} t={t} />
              {outcome.results.length ? (
                <ol class="results" start={first}>
                  {outcome.results.map((hit) => (
                    <ResultItem ctx={ctx} hit={hit} countryName={hit.country ? (props.countryNames.get(hit.country) ?? hit.country) : null} t={t} />
                  ))}
                </ol>
              ) : (
                <NoResults ctx={ctx} state={state} outcome={outcome} t={t} />
              )}
              <Pagination ctx={ctx} state={state} total={outcome.total} maxPage={props.maxPage} t={t} />
              <p class="visually-hidden" aria-live="polite">
                {formatNumber(ctx.lang, outcome.total)}
              </p>
            </section>
            <FacetPanel ctx={ctx} state={state} facets={outcome.facets} t={t} />
          </div>
        </form>
      </div>
    </Layout>
  );
}
