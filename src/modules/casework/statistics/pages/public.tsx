/**
 * /{lang}/statistics (every State) and /{lang}/statistics/{country} (one State per year): the
 * aggregate figures authorities published. A hidden small figure makes a sum a lower bound (≥).
 */
import { formatDate, formatNumber } from '../../../../platform/i18n/messages.js';
import { Layout } from '../../../../platform/web/layout.js';
import { href, type PageContext } from '../../../../platform/web/page.js';
import type { CaseworkStatisticsMessageKey } from '../../casework-statistics.messages.js';
import type { PublicSum, PublicTotalRow } from '../domain/public.js';
import type { PublicStatistics } from '../public-service.js';
import { BarChart } from './charts.js';
import { st, type Labels } from './labels.js';
import { YearField } from './statistics.js';

function sum(ctx: PageContext, s: PublicSum): string {
  const n = formatNumber(ctx.lang, s.value);
  return s.partial ? st(ctx.lang)('partial', { value: n }) : n;
}

function SumTable(props: { ctx: PageContext; id: string; caption: string; keyHeader: string; rows: PublicTotalRow[]; name: (k: string) => string; link?: (k: string) => string }) {
  const { ctx } = props;
  const t = st(ctx.lang);
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table class="cw-stat-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.keyHeader}</th>
            <th scope="col">{t('col_incoming')}</th>
            <th scope="col">{t('col_outgoing')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{props.link ? <a href={props.link(r.key)}>{props.name(r.key)}</a> : props.name(r.key)}</th>
              <td>{sum(ctx, r.incoming)}</td>
              <td>{sum(ctx, r.outgoing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PublicStatisticsPage(props: { ctx: PageContext; data: PublicStatistics; labels: Labels }) {
  const { ctx, data, labels } = props;
  const t = st(ctx.lang);
  const title = data.country ? t('title_public_country', { country: labels.country(data.country) }) : t('title_public');
  const base = data.country ? `/statistics/${data.country}` : '/statistics';
  const keyName = (k: string) => (data.country ? k : labels.country(k));
  const section = (id: string, heading: CaseworkStatisticsMessageKey, body: preact.ComponentChildren) => (
    <section aria-labelledby={`h-${id}`} class="cw-stat-section">
      <h2 id={`h-${id}`}>{t(heading)}</h2>
      {body}
    </section>
  );
  const totalsBars = data.rows.map((r) => ({ label: keyName(r.key), value: r.totals.incoming.value + r.totals.outgoing.value }));
  return (
    <Layout ctx={ctx} title={title} description={t('intro_public')} canonical={`${base}${data.year ? `?year=${data.year}` : ''}`} section="statistics">
      {data.country ? (
        <nav class="breadcrumbs" aria-label={t('public_link')}>
          <ol>
            <li>
              <a href={href(ctx, '/statistics')}>{t('title_public')}</a>
            </li>
          </ol>
        </nav>
      ) : null}
      <h1>{title}</h1>
      <p>{t('intro_public')}</p>
      {data.publishedAt ? (
        <p class="muted">
          {t('public_published', { date: formatDate(ctx.lang, data.publishedAt.slice(0, 10)) })} {t('public_authorities', { count: data.authorities.length })}
        </p>
      ) : null}
      {data.years.length ? (
        <form method="get" action={href(ctx, base)} class="cw-stat-filters">
          <YearField ctx={ctx} years={data.years} year={data.year} />
          <p>
            <button type="submit">{t('filter_submit')}</button>
          </p>
        </form>
      ) : null}
      {!data.rows.length ? (
        <p class="muted">{t('public_none')}</p>
      ) : (
        <>
          {section('totals', data.country ? 'h_years' : 'h_by_country', [
            <BarChart ctx={ctx} id="chart-totals" title={t(data.country ? 'h_years' : 'h_by_country')} bars={totalsBars} />,
            <SumTable
              ctx={ctx}
              id="table-totals"
              caption={t(data.country ? 'h_years' : 'h_by_country')}
              keyHeader={t(data.country ? 'col_year' : 'col_country')}
              rows={data.rows.map((r) => r.totals)}
              name={keyName}
              link={data.country ? undefined : (k) => href(ctx, `/statistics/${k}`)}
            />,
          ])}
          {section('untoc', 'h_untoc', [
            <SumTable ctx={ctx} id="table-untoc" caption={t('h_untoc')} keyHeader={t(data.country ? 'col_year' : 'col_country')} rows={data.rows.map((r) => r.untoc)} name={keyName} />,
          ])}
          {section('kinds', 'h_kinds', [
            <BarChart ctx={ctx} id="chart-kinds" title={t('h_kinds')} bars={data.byKind.map((r) => ({ label: labels.vocab('kind', r.key), value: r.incoming.value + r.outgoing.value }))} />,
            <SumTable ctx={ctx} id="table-kinds" caption={t('h_kinds')} keyHeader={t('col_kind')} rows={data.byKind} name={(k) => labels.vocab('kind', k)} />,
          ])}
          {section('regions', 'h_regions', [<SumTable ctx={ctx} id="table-regions" caption={t('h_regions')} keyHeader={t('col_region')} rows={data.byRegion} name={labels.region} />])}
          {section('outcomes', 'h_outcomes', [<SumTable ctx={ctx} id="table-outcomes" caption={t('h_outcomes')} keyHeader={t('col_outcome')} rows={data.byOutcome} name={(k) => labels.vocab('outcome', k)} />])}
        </>
      )}
    </Layout>
  );
}
