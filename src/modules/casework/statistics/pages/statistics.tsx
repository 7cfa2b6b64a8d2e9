/**
 * /{lang}/casework/statistics (an authority) and /{lang}/casework/statistics/state/{country} (a State):
 * the filters, then each figure as a chart and the table of the same figures with its CSV download.
 */
import { formatDate } from '../../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../../platform/web/layout.js';
import { CaseworkNav, type CaseworkNavLinks } from '../../pages/nav.js';
import { href, type PageContext } from '../../../../platform/web/page.js';
import { CASE_KINDS, DIRECTIONS } from '../../domain/vocabulary.js';
import type { CaseworkStatisticsMessageKey } from '../../casework-statistics.messages.js';
import { OUTCOME_KEYS, type DirCount } from '../domain/figures.js';
import { filterQuery } from '../domain/filters.js';
import { statTable, type TableId } from '../domain/tables.js';
import type { StatisticsView } from '../service.js';
import { BarChart, LineChart, StackedBars } from './charts.js';
import { st, type Labels } from './labels.js';
import { StatTableView } from './tables.js';

export interface PublicationState {
  published: boolean;
  saved: boolean;
}

/** Base path (after the language) of the view: its CSV links hang under it. */
export function viewPath(v: StatisticsView): string {
  return v.country ? `/casework/statistics/state/${v.country}` : '/casework/statistics';
}

/** The year filter (authority, State and public pages). */
export function YearField(props: { ctx: PageContext; years: number[]; year: number | null }) {
  const t = st(props.ctx.lang);
  return (
    <p>
      <label for="f-year">{t('filter_year')}</label>
      <select id="f-year" name="year">
        <option value="">{t('filter_all_years')}</option>
        {props.years.map((y) => (
          <option value={String(y)} selected={y === props.year}>
            {String(y)}
          </option>
        ))}
      </select>
    </p>
  );
}

function Filters(props: { ctx: PageContext; view: StatisticsView; labels: Labels }) {
  const { ctx, view, labels } = props;
  const t = st(ctx.lang);
  const f = view.figures.filters;
  return (
    <form method="get" action={href(ctx, viewPath(view))} class="cw-stat-filters" aria-labelledby="cw-stat-filters-h">
      <h2 id="cw-stat-filters-h" class="visually-hidden">
        {t('filters_heading')}
      </h2>
      {!view.country && view.choices.length > 1 ? (
        <p>
          <label for="f-authority">{t('filter_authority')}</label>
          <select id="f-authority" name="authority">
            {view.choices.map((a) => (
              <option value={a} selected={a === view.authorityId}>
                {a}
              </option>
            ))}
          </select>
        </p>
      ) : view.authorityId ? (
        <input type="hidden" name="authority" value={view.authorityId} />
      ) : null}
      <YearField ctx={ctx} years={view.years} year={f.year} />
      <p>
        <label for="f-direction">{t('filter_direction')}</label>
        <select id="f-direction" name="direction">
          <option value="">{t('filter_all')}</option>
          {DIRECTIONS.map((d) => (
            <option value={d} selected={d === f.direction}>
              {labels.vocab('direction', d)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="f-kind">{t('filter_kind')}</label>
        <select id="f-kind" name="kind">
          <option value="">{t('filter_all_kinds')}</option>
          {CASE_KINDS.map((k) => (
            <option value={k} selected={k === f.kind}>
              {labels.vocab('kind', k)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <button type="submit">{t('filter_submit')}</button>
      </p>
    </form>
  );
}

const bars = (rows: DirCount[], name: (key: string) => string, limit = 20) => rows.slice(0, limit).map((r) => ({ label: name(r.key), value: r.total }));

export function StatisticsPage(props: { ctx: PageContext; view: StatisticsView; labels: Labels; title: string; publication: PublicationState | null; stateLink?: { iso3: string; name: string } | null; nav?: CaseworkNavLinks }) {
  const { ctx, view, labels } = props;
  const f = view.figures;
  const t = st(ctx.lang);
  const extra: Record<string, string> = view.authorityId ? { authority: view.authorityId } : {};
  const csv = (id: TableId) => `${href(ctx, `${viewPath(view)}/csv/${id}`)}${filterQuery(f.filters, extra)}`;
  const table = (id: TableId, caption: CaseworkStatisticsMessageKey) => <StatTableView ctx={ctx} labels={labels} table={statTable(f, id)} caption={t(caption)} csvHref={csv(id)} />;
  const section = (id: string, heading: CaseworkStatisticsMessageKey, body: preact.ComponentChildren) => (
    <section aria-labelledby={`h-${id}`} class="cw-stat-section">
      <h2 id={`h-${id}`}>{t(heading)}</h2>
      {body}
    </section>
  );
  const dirNames = DIRECTIONS.map((d) => labels.vocab('direction', d));
  const empty = f.totals.total === 0;
  return (
    <Layout ctx={ctx} title={props.title} canonical={`${viewPath(view)}${filterQuery(f.filters, extra)}`} section="casework">
      {props.nav ? <CaseworkNav ctx={ctx} links={props.nav} /> : null}
      <h1>{props.title}</h1>
      <p>{t('intro')}</p>
      {props.stateLink ? (
        <p>
          <a href={href(ctx, `/casework/statistics/state/${props.stateLink.iso3}`)}>{t('state_link', { country: props.stateLink.name })}</a>
        </p>
      ) : null}
      <Filters ctx={ctx} view={view} labels={labels} />
      <p class="cw-stat-summary">
        {t('summary_incoming', { count: f.totals.incoming })} · {t('summary_outgoing', { count: f.totals.outgoing })}
        <br />
        {t('summary_untoc', { count: f.untoc.total })}
      </p>
      {empty ? <p class="muted">{t('empty')}</p> : null}
      {section('months', 'h_months', [
        f.byMonth.length ? <LineChart ctx={ctx} id="chart-months" title={t('h_months')} series={dirNames} points={f.byMonth.map((m) => ({ label: m.key, values: [m.incoming, m.outgoing] }))} /> : null,
        table('months', 'h_months'),
        table('years', 'h_years'),
      ])}
      {section('kinds', 'h_kinds', [f.byKind.length ? <BarChart ctx={ctx} id="chart-kinds" title={t('h_kinds')} bars={bars(f.byKind, (k) => labels.vocab('kind', k))} /> : null, table('kinds', 'h_kinds')])}
      {section('outcomes', 'h_outcomes', [
        f.outcomesByKind.length ? (
          <StackedBars
            ctx={ctx}
            id="chart-outcomes"
            title={t('h_outcomes_by_kind')}
            series={OUTCOME_KEYS.map((o) => labels.vocab('outcome', o))}
            rows={f.outcomesByKind.map((r) => ({ label: labels.vocab('kind', r.kind), values: OUTCOME_KEYS.map((o) => r.counts[o]) }))}
          />
        ) : null,
        table('outcomes-by-kind', 'h_outcomes_by_kind'),
        table('outcomes', 'h_outcomes'),
        f.refusalGrounds.length ? <BarChart ctx={ctx} id="chart-grounds" title={t('h_grounds')} bars={bars(f.refusalGrounds, (k) => labels.vocab('ground', k))} /> : null,
        table('refusal-grounds', 'h_grounds'),
      ])}
      {section('bases', 'h_bases', [f.byLegalBasis.length ? <BarChart ctx={ctx} id="chart-bases" title={t('h_bases')} bars={bars(f.byLegalBasis, (k) => labels.vocab('basis', k))} /> : null, table('legal-bases', 'h_bases')])}
      {section('measures', 'h_measures', [f.byMeasure.length ? <BarChart ctx={ctx} id="chart-measures" title={t('h_measures')} bars={bars(f.byMeasure, labels.measure)} /> : null, table('measures', 'h_measures')])}
      {section('partners', 'h_partners', [f.byPartner.length ? <BarChart ctx={ctx} id="chart-partners" title={t('h_partners')} bars={bars(f.byPartner, labels.country)} /> : null, table('partners', 'h_partners')])}
      {section('regions', 'h_regions', [f.byRegion.length ? <BarChart ctx={ctx} id="chart-regions" title={t('h_regions')} bars={bars(f.byRegion, labels.region)} /> : null, table('regions', 'h_regions')])}
      {section('offences', 'h_offences', [f.byOffence.length ? <BarChart ctx={ctx} id="chart-offences" title={t('h_offences')} bars={bars(f.byOffence, labels.offence)} /> : null, table('offences', 'h_offences')])}
      {section('processing', 'h_processing', [<p>{t('processing_note')}</p>, table('processing', 'h_processing')])}
      {section('states', 'h_states', [<p>{t('states_note')}</p>, table('time-in-state', 'h_states')])}
      {section('backlog', 'h_backlog', [
        <p>{t('backlog_note', { date: formatDate(ctx.lang, f.asOf) })}</p>,
        <BarChart ctx={ctx} id="chart-backlog" title={t('h_backlog')} bars={f.backlog.map((b) => ({ label: labels.age(b.key), value: b.total }))} />,
        table('backlog', 'h_backlog'),
      ])}
      {props.publication && view.authorityId ? (
        <section aria-labelledby="h-publication" class="cw-stat-section">
          <h2 id="h-publication">{t('h_publication')}</h2>
          {props.publication.saved ? <p role="status">{t('publication_saved')}</p> : null}
          <p>{props.publication.published ? t('publication_on') : t('publication_off')}</p>
          <form method="post" action={href(ctx, '/casework/statistics/publication')}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="authority" value={view.authorityId} />
            <input type="hidden" name="publish" value={props.publication.published ? 'false' : 'true'} />
            <button type="submit">{props.publication.published ? t('publication_withdraw') : t('publication_publish')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

