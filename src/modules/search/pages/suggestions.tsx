/**
 * What the search page says about the query itself: the correction it searched instead ("Showing
 * results for"), "Did you mean", the thesaurus equivalents also searched for; and the no-results
 * help (suggestion, equivalents, the same search without filters, the four databases).
 */
import type { Translate } from '../../../platform/i18n/messages.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { ENTRY_PATH, ENTRY_TYPES } from '../../knowledge/index.js';
import { FACETS } from '../domain/params.js';
import { typeLabel } from '../facets.js';
import type { searchMessages } from '../search.messages.js';
import type { SearchOutcome } from '../service.js';
import { stateHref, type PageState } from './urls.js';

type T = Translate<keyof (typeof searchMessages)['en']>;

/** The same search with another query text (page 1, filters kept). */
const withQuery = (ctx: PageContext, state: PageState, q: string) => stateHref(ctx, state, { params: { q, verbatim: false } });

export function QueryNotices({ ctx, state, outcome, t }: { ctx: PageContext; state: PageState; outcome: SearchOutcome; t: T }) {
  return (
    <>
      {outcome.corrected_from !== undefined ? (
        <div class="search-notice search-correction">
          <p>
            {t('showing_corrected')}{' '}
            <strong dir="auto">{outcome.q}</strong>
          </p>
          <p>
            {t('search_instead')}{' '}
            <a href={stateHref(ctx, state, { params: { q: outcome.corrected_from, verbatim: true } })} dir="auto" rel="nofollow">
              {outcome.corrected_from}
            </a>
          </p>
        </div>
      ) : null}
      {outcome.suggestion && outcome.results.length ? <DidYouMean ctx={ctx} state={state} outcome={outcome} t={t} /> : null}
      {outcome.expanded.length ? (
        <p class="muted search-expanded" dir="auto">
          {t('expanded_terms', { terms: outcome.expanded.join(', ') })}
        </p>
      ) : null}
    </>
  );
}

function DidYouMean({ ctx, state, outcome, t }: { ctx: PageContext; state: PageState; outcome: SearchOutcome; t: T }) {
  if (!outcome.suggestion) return null;
  return (
    <p class="search-notice search-did-you-mean">
      {t('did_you_mean')}{' '}
      <a href={withQuery(ctx, state, outcome.suggestion.q)} dir="auto" rel="nofollow">
        {outcome.suggestion.q}
      </a>
    </p>
  );
}

export function NoResults({ ctx, state, outcome, t }: { ctx: PageContext; state: PageState; outcome: SearchOutcome; t: T }) {
  const { params } = state;
  const filtered = FACETS.some((f) => !(f === 'type' && state.scoped) && params.filters[f].length > 0);
  const cleared = Object.fromEntries(FACETS.map((f) => [f, f === 'type' && state.scoped ? params.filters.type : []]));
  return (
    <div class="no-results">
      <p>
        <strong>{t('no_results_title')}</strong>
      </p>
      <DidYouMean ctx={ctx} state={state} outcome={outcome} t={t} />
      <ul>
        <li>{t('no_results_spelling')}</li>
        {filtered ? (
          <li>
            {t('no_results_filters')}{' '}
            <a href={stateHref(ctx, state, { params: { filters: cleared as never } })}>{t('no_results_without_filters')}</a>
          </li>
        ) : null}
        <li>{t('no_results_languages')}</li>
        <li>
          {t('no_results_browse')}{' '}
          {ENTRY_TYPES.map((type, i) => (
            <>
              {i ? ' · ' : ''}
              <a href={href(ctx, `/${ENTRY_PATH[type]}`)}>{typeLabel(type, ctx.lang)}</a>
            </>
          ))}
        </li>
      </ul>
    </div>
  );
}
