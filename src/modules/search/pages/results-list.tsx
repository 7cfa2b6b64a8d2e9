/** The list of results, the selected-filter chips and the pagination of the search pages. */
import { formatDate, formatNumber, type Translate } from '../../../platform/i18n/messages.js';
import { translator } from '../../../platform/i18n/messages.js';
import { common } from '../../../platform/web/common.messages.js';
import type { PageContext } from '../../../platform/web/page.js';
import { instrumentShortName } from '../../reference/index.js';
import type { SearchType } from '../domain/document.js';
import { FACETS } from '../domain/params.js';
import type { Facets } from '../facets.js';
import { languageName } from '../facets.js';
import type { searchMessages } from '../search.messages.js';
import type { SearchHit } from '../service.js';
import { FACET_TITLE } from './facet-panel.js';
import { stateHref, withoutValue, type PageState } from './urls.js';

type Keys = keyof (typeof searchMessages)['en'];

const BADGE: Record<SearchType, Keys> = { legislation: 'badge_legislation', case: 'badge_case', treaty: 'badge_treaty', strategy: 'badge_strategy', provider: 'badge_provider' };

export function FilterChips(props: { ctx: PageContext; state: PageState; facets: Facets; t: Translate<Keys> }) {
  const { ctx, state, facets, t } = props;
  const chips = FACETS.filter((f) => !(f === 'type' && state.scoped)).flatMap((facet) =>
    state.params.filters[facet].map((value) => {
      const v = facets[facet].find((x) => x.value === value);
      return { facet, value, title: t(FACET_TITLE[facet]), text: v?.label ?? value, lang: v?.lang, label: `${t(FACET_TITLE[facet])}: ${v?.label ?? value}` };
    }),
  );
  if (!chips.length) return null;
  const cleared = Object.fromEntries(FACETS.map((f) => [f, f === 'type' && state.scoped ? state.params.filters.type : []]));
  return (
    <div class="chips">
      <ul aria-label={t('selected_filters')}>
        {chips.map((c) => (
          <li>
            <a class="chip" href={stateHref(ctx, state, { params: withoutValue(state, c.facet, c.value) })} aria-label={t('remove_filter', { label: c.label })}>
              <span dir="auto">
                {c.title}: <span lang={c.lang}>{c.text}</span>
              </span>
              <span class="chip__x" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
        {chips.length > 1 ? (
          <li>
            <a class="chips__clear" href={stateHref(ctx, state, { params: { filters: cleared as never } })}>
              {t('clear_filters')}
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function ResultItem(props: { ctx: PageContext; hit: SearchHit; countryName: string | null; t: Translate<Keys> }) {
  const { ctx, hit, t } = props;
  const c = translator(common, ctx.lang);
  const other = hit.lang !== ctx.lang ? hit.lang : undefined;
  // A shipped instrument's short name in the reader's language (Palermo's short forms).
  const context = (hit.type === 'treaty' ? instrumentShortName(hit.id, ctx.lang) : undefined) ?? hit.context;
  return (
    <li class="result">
      <h3>
        <a href={hit.url} lang={other} dir="auto">
          {hit.title}
        </a>
      </h3>
      <p class="result__meta">
        <span class="badge badge--type">{t(BADGE[hit.type])}</span>
        {props.countryName ? <span>{props.countryName}</span> : null}
        {hit.date ? <time datetime={hit.date}>{formatDate(ctx.lang, hit.date)}</time> : null}
        {hit.demo ? <span class="badge badge--demo">{c('demo_badge')}</span> : null}
        {hit.machine_translated ? <span class="badge badge--mt">{c('machine_translated')}</span> : null}
        {other ? <span class="result__lang">{c('shown_in_language', { language: languageName(other, ctx.lang) })}</span> : null}
      </p>
      {context ? (
        <p class="result__context" dir="auto">
          {context}
        </p>
      ) : null}
      {hit.snippet_parts.length ? (
        <p class="result__snippet" lang={other} dir="auto">
          {hit.snippet_parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}
        </p>
      ) : null}
    </li>
  );
}

/** Page links: first, last, and two on each side of the current page. */
export function pageWindow(current: number, last: number): (number | null)[] {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

export function Pagination(props: { ctx: PageContext; state: PageState; total: number; maxPage: number; t: Translate<Keys> }) {
  const { ctx, state, t } = props;
  const last = Math.min(props.maxPage, Math.max(1, Math.ceil(props.total / state.params.perPage)));
  const current = state.params.page;
  if (last <= 1 && current <= 1) return null;
  return (
    <nav class="search-pagination" aria-label={t('pagination_label')}>
      <ul class="pagination">
        {current > 1 ? (
          <li>
            <a href={stateHref(ctx, state, { page: current - 1 })} rel="prev">
              {t('previous_page')}
            </a>
          </li>
        ) : null}
        {pageWindow(current, Math.max(last, current)).map((p) =>
          p === null ? (
            <li>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li>
              <a href={stateHref(ctx, state, { page: p })} aria-current={p === current ? 'page' : undefined} aria-label={t('page_n', { page: p })}>
                {formatNumber(ctx.lang, p)}
              </a>
            </li>
          ),
        )}
        {current < last ? (
          <li>
            <a href={stateHref(ctx, state, { page: current + 1 })} rel="next">
              {t('next_page')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
