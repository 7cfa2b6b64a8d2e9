/**
 * /{lang}/networks: cases facilitated through the networks per year, as a chart (server-rendered SVG,
 * named and described for screen readers, mirrored for right-to-left) and the same figures as a table.
 */
import { formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { Breakdown, Figures } from '../domain/figures.js';
import type { NetworkRow } from '../repository.js';
import { netT } from './ui.js';

const W = 640;

/** The per-year figures as rows of a breakdown (newest year first). */
const perYear = (f: Figures): Breakdown => ({
  keys: f.years.map(String),
  networks: f.networks,
  cells: Object.fromEntries(f.years.map((y) => [String(y), f.cells[y] ?? {}])),
  keyTotals: Object.fromEntries(f.years.map((y) => [String(y), f.yearTotals[y] ?? 0])),
  total: f.total,
});

/** Cases per year, kind or offence (rows) and network (columns), with totals and the CSV link. */
function BreakdownTable(props: { ctx: PageContext; id: string; caption: string; head: string; b: Breakdown; networks: NetworkRow[]; label: (key: string) => string; csv: string }) {
  const { ctx, b } = props;
  const t = netT(ctx.lang);
  return (
    <>
      <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
        <table class="cw-stat-table" id={props.id}>
          <caption id={`${props.id}-caption`}>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.head}</th>
              {b.networks.map((id) => (
                <th scope="col">{props.networks.find((n) => n.id === id)?.acronym ?? id}</th>
              ))}
              <th scope="col">{t('col_total')}</th>
            </tr>
          </thead>
          <tbody>
            {b.keys.map((k) => (
              <tr>
                <th scope="row">{props.label(k)}</th>
                {b.networks.map((id) => (
                  <td>{formatNumber(ctx.lang, b.cells[k]?.[id] ?? 0)}</td>
                ))}
                <td>{formatNumber(ctx.lang, b.keyTotals[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="cw-stat-csv">
        <a href={props.csv} download>{t('csv')}</a>
      </p>
    </>
  );
}

function YearChart(props: { ctx: PageContext; figures: Figures; networks: NetworkRow[] }) {
  const { ctx, figures: f } = props;
  const t = netT(ctx.lang);
  const rtl = ctx.dir === 'rtl';
  const row = 26;
  const labelW = 80;
  const plot = W - labelW - 70;
  const max = Math.max(1, f.max);
  const title = t('chart_title');
  const desc = f.years.map((y) => t('chart_point', { year: String(y), n: formatNumber(ctx.lang, f.yearTotals[y] ?? 0) })).join('; ');
  const x = (v: number) => (rtl ? W - labelW - v : labelW + v);
  return (
    <svg class="cw-chart" viewBox={`0 0 ${W} ${f.years.length * row + 8}`} role="img" aria-label={title} aria-describedby="net-chart-d" direction={ctx.dir}>
      <title>{title}</title>
      <desc id="net-chart-d">{desc}</desc>
      {f.years.map((y, i) => {
        const value = f.yearTotals[y] ?? 0;
        const len = (plot * value) / max;
        const top = 4 + i * row;
        return (
          <g>
            <text x={rtl ? W - 4 : 4} y={top + 16} text-anchor="start" class="cw-chart__label">
              {String(y)}
            </text>
            <rect x={rtl ? x(len) : x(0)} y={top + 3} width={Math.max(len, value ? 1 : 0)} height={row - 8} class="cw-chart__bar" />
            <text x={rtl ? x(len) - 6 : x(len) + 6} y={top + 16} text-anchor="start" class="cw-chart__value">
              {formatNumber(ctx.lang, value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The networks seeded by migration 0079, whose regions the catalogues name in every language. */
const SEEDED_REGIONS = ['casc', 'wacap', 'seajust'];

export function FiguresPage(props: { ctx: PageContext; figures: Figures; byKind: Breakdown; byOffence: Breakdown; offenceLabel: (id: string) => string; networks: NetworkRow[]; kept: NetworkRow[]; mayAdminister?: boolean }) {
  const { ctx, figures: f } = props;
  const t = netT(ctx.lang);
  const latest = f.years[0];
  return (
    <Layout ctx={ctx} title={t('title')} description={t('intro')} canonical="/networks" section="casework">
      <h1>{t('title')}</h1>
      <p class="lead">{t('intro')}</p>
      <ul>
        {props.networks.map((n) => (
          <li>
            <strong>{n.acronym}</strong> — {n.names[ctx.lang] ? <span dir="auto">{n.names[ctx.lang]}</span> : <span lang="en">{n.name}</span>} ({SEEDED_REGIONS.includes(n.id) ? t(`region_${n.id}` as 'region_casc') : <span lang="en">{n.region}</span>})
          </li>
        ))}
      </ul>
      {props.mayAdminister ? (
        <p>
          <a href={href(ctx, '/networks/admin')}>{t('admin_title')}</a>
        </p>
      ) : null}
      {props.kept.length ? (
        <p>
          {props.kept.map((n) => (
            <a href={href(ctx, `/networks/${n.id}/log`)} class="button">
              {t('log_link', { network: n.acronym })}
            </a>
          ))}
        </p>
      ) : null}
      {latest !== undefined ? (
        <>
          <p class="cw-stat-summary">{t('summary', { n: f.yearTotals[latest] ?? 0, year: String(latest), networks: f.networks.filter((id) => (f.cells[latest]?.[id] ?? 0) > 0).length })}</p>
          <YearChart ctx={ctx} figures={f} networks={props.networks} />
          <BreakdownTable ctx={ctx} id="net-figures" caption={t('table_caption')} head={t('col_year')} b={perYear(f)} networks={props.networks} label={(y) => y} csv="/api/v1/networks/figures.csv" />
          <BreakdownTable ctx={ctx} id="net-by-kind" caption={t('by_kind_caption')} head={t('col_kind')} b={props.byKind} networks={props.networks} label={(k) => t(`kind_${k}` as 'kind_mla')} csv="/api/v1/networks/figures/kind.csv" />
          <BreakdownTable ctx={ctx} id="net-by-offence" caption={t('by_offence_caption')} head={t('col_offence')} b={props.byOffence} networks={props.networks} label={props.offenceLabel} csv="/api/v1/networks/figures/offence.csv" />
        </>
      ) : (
        <p>{t('no_figures')}</p>
      )}
    </Layout>
  );
}
