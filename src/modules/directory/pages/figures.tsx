/** /{lang}/directory/figures: server-rendered SVG bar charts (accessible, RTL-aware) and the same data as tables. */
import { formatNumber } from '../../../platform/i18n/messages.js';
import { Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import type { DirectoryFigures, YearRow } from '../figures.js';
import { dirT, edT } from './ui.js';

const W = 640;
const H = 260;
const PAD = { top: 24, bottom: 36, side: 16 };

export function BarChart(props: { ctx: PageContext; id: string; title: string; rows: YearRow[] }) {
  const { ctx, rows } = props;
  const e = edT(ctx.lang);
  const rtl = ctx.dir === 'rtl';
  const max = Math.max(1, ...rows.map((r) => r.total));
  const slot = (W - PAD.side * 2) / Math.max(1, rows.length);
  const barW = Math.max(4, Math.min(48, slot * 0.6));
  const summary = rows.map((r) => e('fig_point', { year: String(r.year), count: formatNumber(ctx.lang, r.total) })).join('; ');
  return (
    <svg class="dir-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} direction={rtl ? 'rtl' : 'ltr'}>
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{e('fig_desc', { summary })}</desc>
      <line x1={PAD.side} x2={W - PAD.side} y1={H - PAD.bottom} y2={H - PAD.bottom} class="dir-chart__axis" />
      {rows.map((r, i) => {
        const index = rtl ? rows.length - 1 - i : i;
        const cx = PAD.side + slot * index + slot / 2;
        const h = ((H - PAD.top - PAD.bottom) * r.total) / max;
        return (
          <g>
            <rect x={cx - barW / 2} y={H - PAD.bottom - h} width={barW} height={h} class="dir-chart__bar" />
            <text x={cx} y={H - PAD.bottom - h - 6} text-anchor="middle" class="dir-chart__value">
              {formatNumber(ctx.lang, r.total)}
            </text>
            <text x={cx} y={H - PAD.bottom + 18} text-anchor="middle" class="dir-chart__label">
              {String(r.year)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function FigureTable(props: { ctx: PageContext; id: string; caption: string; rows: YearRow[]; removed: boolean }) {
  const e = edT(props.ctx.lang);
  const n = (x: number) => formatNumber(props.ctx.lang, x);
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{e('col_year')}</th>
            <th scope="col">{e('col_new')}</th>
            {props.removed ? <th scope="col">{e('col_removed')}</th> : null}
            <th scope="col">{e('col_total')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{String(r.year)}</th>
              <td>{n(r.added)}</td>
              {props.removed ? <td>{n(r.removed)}</td> : null}
              <td>{n(r.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FiguresPage(props: { ctx: PageContext; figures: DirectoryFigures }) {
  const { ctx, figures } = props;
  const e = edT(ctx.lang);
  const t = dirT(ctx.lang);
  return (
    <Layout ctx={ctx} title={e('figures_title')} canonical="/directory/figures" section="directory">
      <nav class="breadcrumbs" aria-label={t('links_heading')}>
        <ol>
          <li>
            <a href={href(ctx, '/directory')}>{t('title')}</a>
          </li>
        </ol>
      </nav>
      <h1>{e('figures_title')}</h1>
      <p>{e('figures_intro')}</p>
      <section aria-labelledby="fig-a">
        <h2 id="fig-a">{e('fig_authorities')}</h2>
        {figures.authorities.length ? (
          <>
            <BarChart ctx={ctx} id="chart-authorities" title={e('fig_authorities')} rows={figures.authorities} />
            <FigureTable ctx={ctx} id="table-authorities" caption={e('fig_authorities')} rows={figures.authorities} removed />
          </>
        ) : (
          <p class="muted">{e('fig_empty')}</p>
        )}
      </section>
      <section aria-labelledby="fig-p">
        <h2 id="fig-p">{e('fig_practitioners')}</h2>
        {figures.practitioners.length ? (
          <>
            <BarChart ctx={ctx} id="chart-practitioners" title={e('fig_practitioners')} rows={figures.practitioners} />
            <FigureTable ctx={ctx} id="table-practitioners" caption={e('fig_practitioners')} rows={figures.practitioners} removed={false} />
          </>
        ) : (
          <p class="muted">{e('fig_empty')}</p>
        )}
        <p class="muted">{e('fig_note')}</p>
      </section>
    </Layout>
  );
}
