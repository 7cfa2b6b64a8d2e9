/** The facet checkboxes (part of the search GET form): one fieldset per facet, long lists cut to the top values. */
import { formatNumber } from '../../../platform/i18n/messages.js';
import type { PageContext } from '../../../platform/web/page.js';
import type { Translate } from '../../../platform/i18n/messages.js';
import { FACETS, type FacetName } from '../domain/params.js';
import type { Facets, FacetValue } from '../facets.js';
import type { searchMessages } from '../search.messages.js';
import { stateHref, type PageState } from './urls.js';

type Keys = keyof (typeof searchMessages)['en'];

/** Values shown before "show all". */
export const TOP_VALUES = 8;

export const FACET_TITLE: Record<FacetName, Keys> = {
  type: 'facet_type',
  country: 'facet_country',
  region: 'facet_region',
  instrument: 'facet_instrument',
  article: 'facet_article',
  crime: 'facet_crime',
  cooperation: 'facet_cooperation',
  issue: 'facet_issue',
  measure: 'facet_measure',
  year: 'facet_year',
  lang: 'facet_lang',
};

function visibleValues(all: FacetValue[], selected: readonly string[], expanded: boolean): FacetValue[] {
  if (expanded || all.length <= TOP_VALUES) return all;
  const top = all.slice(0, TOP_VALUES);
  const shown = new Set(top.map((v) => v.value));
  return [...top, ...all.filter((v) => !shown.has(v.value) && selected.includes(v.value))];
}

/** How many filter values the reader chose (shown on the closed disclosure); the database page's own type does not count. */
function chosenCount(state: PageState): number {
  return FACETS.filter((f) => !(f === 'type' && state.scoped)).reduce((n, f) => n + state.params.filters[f].length, 0);
}

export function FacetPanel(props: { ctx: PageContext; state: PageState; facets: Facets; t: Translate<Keys> }) {
  const { ctx, state, facets, t } = props;
  const chosen = chosenCount(state);
  const list = FACETS.filter((f) => !(f === 'type' && state.scoped)).filter((f) => facets[f].some((v) => v.count > 0 || state.params.filters[f].includes(v.value)));
  // Nothing to filter (no results, no selected filter): no panel, so no orphan "Apply filters" button.
  if (!list.length) return null;
  return (
    <aside class="facets" aria-labelledby="filters-heading">
      {/* A disclosure on narrow screens (closed unless a list was expanded); always open on wide ones (CSS). */}
      <details class="facets__disclosure" open={state.expand.length > 0}>
        <summary class="facets__summary">
          {t('filters_heading')}
          {chosen ? <span class="badge"> {formatNumber(ctx.lang, chosen)}</span> : null}
        </summary>
        <h2 id="filters-heading">{t('filters_heading')}</h2>
        {list.map((facet) => {
          const selected = state.params.filters[facet];
          const expanded = state.expand.includes(facet);
          const values = visibleValues(facets[facet], selected, expanded);
          const long = facets[facet].length > TOP_VALUES;
          const title = t(FACET_TITLE[facet]);
          return (
            <fieldset class={`facet facet--${facet}`}>
              <legend>{title}</legend>
              <ul class={expanded ? 'facet__values facet__values--all' : 'facet__values'}>
                {values.map((v, i) => {
                  const id = `f-${facet}-${i}`;
                  return (
                    <li class={v.parent ? 'facet__sub' : undefined}>
                      <input type="checkbox" id={id} name={facet} value={v.value} checked={selected.includes(v.value)} />
                      <label for={id}>
                        <span dir="auto" lang={v.lang}>
                          {v.label}
                        </span>{' '}
                        <span class="count">{formatNumber(ctx.lang, v.count)}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
              {long ? (
                <p class="facet__more">
                  <a
                    href={stateHref(ctx, state, {
                      page: state.params.page,
                      expand: expanded ? state.expand.filter((f) => f !== facet) : [...state.expand, facet],
                    })}
                  >
                    {expanded ? t('show_fewer', { facet: title }) : t('show_all', { count: facets[facet].length, facet: title })}
                  </a>
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {state.expand.map((f) => (
          <input type="hidden" name="expand" value={f} />
        ))}
        <button type="submit" class="facets__apply">
          {t('apply_filters')}
        </button>
      </details>
    </aside>
  );
}
