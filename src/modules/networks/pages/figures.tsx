/**
 * /{lang}/networks: cases facilitated through the networks per year, as a chart (server-rendered SVG,
 * named and described for screen readers, mirrored for right-to-left) and the same figures as a table.
 */
import { formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { Figures } from '../domain/figures.js';
import type { NetworkRow } from '../repository.js';
import { netT } from './ui.js';

const W = 640;

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

export function FiguresPage(props: { ctx: PageContext; figures: Figures; networks: NetworkRow[]; kept: NetworkRow[] }) {
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
            <strong>{n.acronym}</strong> — <span lang="en">{n.name}</span> ({t(`region_${n.id}` as 'region_casc')})
          </li>
        ))}
      </ul>
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
          <div class="table-wrap" role="region" aria-labelledby="net-table-caption" tabIndex={0}>
            <table class="cw-stat-table" id="net-figures">
              <caption id="net-table-caption">{t('table_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col_year')}</th>
                  {f.networks.map((id) => (
                    <th scope="col">{props.networks.find((n) => n.id === id)?.acronym ?? id}</th>
                  ))}
                  <th scope="col">{t('col_total')}</th>
                </tr>
              </thead>
              <tbody>
                {f.years.map((y) => (
                  <tr>
                    <th scope="row">{String(y)}</th>
                    {f.networks.map((id) => (
                      <td>{formatNumber(ctx.lang, f.cells[y]?.[id] ?? 0)}</td>
                    ))}
                    <td>{formatNumber(ctx.lang, f.yearTotals[y] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="cw-stat-csv">
            <a href="/api/v1/networks/figures.csv" download>{t('csv')}</a>
          </p>
        </>
      ) : (
        <p>{t('no_figures')}</p>
      )}
    </Layout>
  );
}
