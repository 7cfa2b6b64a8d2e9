/** The worklist page: views with their counts, filters and search (a GET form), the table, pages. */
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { CASE_KINDS, DIRECTIONS, INCOMING_STATES, OUTGOING_STATES } from '../domain/vocabulary.js';
import { WORKLIST_SORTS, WORKLIST_VIEWS, type Worklist } from '../worklist-service.js';
import { countryLabel, cwT, PartnerOptions, ErrorSummary, formatDate, label, Select, type PageRefs } from './ui.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { CaseworkNav, type CaseworkNavLinks } from './nav.js';

export interface WorklistPageProps {
  ctx: PageContext;
  refs: PageRefs;
  list: Worklist | null;
  issues: FieldIssue[];
  mayCreate: boolean;
  nav: CaseworkNavLinks;
}

export function WorklistPage({ ctx, refs, list, issues, mayCreate, nav }: WorklistPageProps) {
  const t = cwT(ctx.lang);
  const f = list?.filter;
  const keep = { direction: f?.direction, kind: f?.kind, state: f?.state, partner_country: f?.partnerCountry, q: f?.q, sort: f && f.sort !== 'updated' ? f.sort : undefined };
  const states = [...new Set([...INCOMING_STATES, ...OUTGOING_STATES])];
  const q = (k: string) => {
    const v = ctx.query[k];
    return typeof v === 'string' ? v : '';
  };
  return (
    <Layout ctx={ctx} title={t('title_worklist')} section="casework">
      <main id="main" class="casework">
        <CaseworkNav ctx={ctx} links={nav} />
        <h1>{t('title_worklist')}</h1>
        {mayCreate ? (
          <p class="cw-actions">
            <a class="button" href={href(ctx, '/casework/new', { direction: 'incoming' })}>
              {t('new_incoming')}
            </a>{' '}
            <a class="button secondary" href={href(ctx, '/casework/new', { direction: 'outgoing' })}>
              {t('new_outgoing')}
            </a>{' '}
            <a class="button secondary" href={href(ctx, '/writer')}>
              {t('new_with_writer')}
            </a>
          </p>
        ) : null}
        <ErrorSummary t={t} issues={issues} />
        {list ? (
          <nav aria-label={t('views')} class="cw-views">
            <ul>
              {WORKLIST_VIEWS.map((v) => (
                <li>
                  <a href={href(ctx, '/casework', { ...keep, view: v === 'all' ? undefined : v })} aria-current={f?.view === v ? 'page' : undefined}>
                    {t(`view_${v}`)} <span class="cw-count">({t('view_count', { count: list.counts[v] })})</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <form method="get" action={href(ctx, '/casework')} class="cw-filters" role="search">
          <h2>{t('filters')}</h2>
          {f && f.view !== 'all' ? <input type="hidden" name="view" value={f.view} /> : null}
          <div class="form-row">
            <label for="f-q">{t('f_search')}</label>
            <span class="hint" id="h-q">
              {t('f_search_hint')}
            </span>
            <input type="search" id="f-q" name="q" value={q('q')} maxLength={200} dir="auto" aria-describedby="h-q" />
          </div>
          <Select name="direction" label={t('f_direction')} value={q('direction')} empty={t('any')} options={DIRECTIONS.map((d) => [d, t(`direction_${d}`)] as const)} issues={issues} />
          <Select name="kind" label={t('f_kind')} value={q('kind')} empty={t('any')} options={CASE_KINDS.map((k) => [k, label(t, 'kind', k)] as const)} issues={issues} />
          <Select name="state" label={t('f_state')} value={q('state')} empty={t('any')} options={states.map((s) => [s, label(t, 'state', s)] as const)} issues={issues} />
          <Select
            name="partner_country"
            label={t('f_partner_country')}
            value={q('partner_country')}
            empty={t('any')}
            options={[]}
            issues={issues}
          >
            <PartnerOptions refs={refs} lang={ctx.lang} selected={q('partner_country')} />
          </Select>
          <Select name="sort" label={t('f_sort')} value={q('sort') || 'updated'} options={WORKLIST_SORTS.map((s) => [s, t(`sort_${s}`)] as const)} issues={issues} />
          <button type="submit">{t('apply')}</button>
        </form>
        {list ? <Results ctx={ctx} refs={refs} list={list} keep={keep} /> : null}
      </main>
    </Layout>
  );
}

function Results({ ctx, refs, list, keep }: { ctx: PageContext; refs: PageRefs; list: Worklist; keep: Record<string, string | undefined> }) {
  const t = cwT(ctx.lang);
  const f = list.filter;
  const pageHref = (page: number) => href(ctx, '/casework', { ...keep, view: f.view === 'all' ? undefined : f.view, page: page > 1 ? page : undefined });
  return (
    <section aria-labelledby="cw-results">
      <h2 id="cw-results">{t('results_count', { count: list.total })}</h2>
      {list.rows.length ? (
        <table class="cw-table">
          <thead>
            <tr>
              <th scope="col">{t('col_reference')}</th>
              <th scope="col">{t('col_title')}</th>
              <th scope="col">{t('f_kind')}</th>
              <th scope="col">{t('f_state')}</th>
              <th scope="col">{t('col_partner')}</th>
              <th scope="col">{t('col_due')}</th>
              <th scope="col">{t('col_updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr>
                <td>
                  <a href={href(ctx, `/casework/cases/${r.id}`)}>{r.reference ?? t('reference_none')}</a>
                  <br />
                  <span class="cw-direction">{t(`direction_${r.direction}`)}</span>
                </td>
                <td dir="auto">{r.title}</td>
                <td>{label(t, 'kind', r.kind)}</td>
                <td>{label(t, 'state', r.state)}</td>
                <td>
                  {countryLabel(refs, r.partner_country, ctx.lang)}
                  {r.partner_reference ? (
                    <>
                      <br />
                      <span dir="auto">{r.partner_reference}</span>
                    </>
                  ) : null}
                </td>
                <td>{formatDate(r.next_due, ctx.lang)}</td>
                <td>{formatDate(r.updated_at, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('no_cases')}</p>
      )}
      {list.pages > 1 ? (
        <nav aria-label={t('pagination')} class="pagination">
          {f.page > 1 ? <a href={pageHref(f.page - 1)}>{t('previous')}</a> : null} <span>{t('page_of', { page: f.page, pages: list.pages })}</span>{' '}
          {f.page < list.pages ? <a href={pageHref(f.page + 1)}>{t('next')}</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
