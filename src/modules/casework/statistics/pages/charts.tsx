/**
 * Server-rendered SVG charts of the statistics, readable without JavaScript: horizontal bars, bars
 * stacked by outcome, and a line per direction by month. Each is an image with a name (aria-label,
 * <title>) and a text description of every figure (<desc>); the page shows the same figures in a
 * table beside the chart. Right-to-left pages mirror the charts. The approach is the directory's
 * (directory/pages/figures.tsx: viewBox, classes, title/desc); its bar chart is tied to its own
 * year rows and messages, so these small charts are the statistics' own.
 */
import { formatNumber } from '../../../../platform/i18n/messages.js';
import type { PageContext } from '../../../../platform/web/page.js';
import { st } from './labels.js';

const W = 640;

export interface Bar {
  label: string;
  value: number;
}

function describe(ctx: PageContext, points: { label: string; value: number }[]): string {
  const t = st(ctx.lang);
  return t('chart_desc', { points: points.map((p) => t('chart_point', { label: p.label, value: formatNumber(ctx.lang, p.value) })).join('; ') });
}

function Frame(props: { ctx: PageContext; id: string; title: string; desc: string; height: number; children: preact.ComponentChildren }) {
  return (
    <svg class="cw-chart" viewBox={`0 0 ${W} ${props.height}`} role="img" aria-label={props.title} aria-describedby={`${props.id}-d`} direction={props.ctx.dir}>
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/** Horizontal bars, one per row, label at the start side and the value after the bar. */
export function BarChart(props: { ctx: PageContext; id: string; title: string; bars: Bar[] }) {
  const { ctx, bars } = props;
  const rtl = ctx.dir === 'rtl';
  const row = 26;
  const labelW = 200;
  const plot = W - labelW - 70;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const h = bars.length * row + 8;
  const x = (v: number) => (rtl ? W - labelW - v : labelW + v);
  return (
    <Frame ctx={ctx} id={props.id} title={props.title} desc={describe(ctx, bars)} height={h}>
      {bars.map((b, i) => {
        const len = (plot * b.value) / max;
        const y = 4 + i * row;
        return (
          <g>
            <text x={rtl ? W - 4 : 4} y={y + 16} text-anchor="start" class="cw-chart__label">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            <rect x={rtl ? x(len) : x(0)} y={y + 3} width={Math.max(len, b.value ? 1 : 0)} height={row - 8} class="cw-chart__bar" />
            <text x={rtl ? x(len) - 6 : x(len) + 6} y={y + 16} text-anchor="start" class="cw-chart__value">
              {formatNumber(ctx.lang, b.value)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Horizontal bars stacked by series (e.g. outcomes per kind), with a legend. */
export function StackedBars(props: { ctx: PageContext; id: string; title: string; series: string[]; rows: { label: string; values: number[] }[] }) {
  const { ctx, series, rows } = props;
  const rtl = ctx.dir === 'rtl';
  const row = 28;
  const labelW = 200;
  const plot = W - labelW - 60;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const legendRows = Math.ceil(series.length / 3);
  const h = rows.length * row + legendRows * 22 + 16;
  const points = rows.flatMap((r) => r.values.map((v, i) => ({ label: `${r.label}, ${series[i]}`, value: v })).filter((p) => p.value > 0));
  return (
    <Frame ctx={ctx} id={props.id} title={props.title} desc={describe(ctx, points)} height={h}>
      {rows.map((r, i) => {
        const y = 4 + i * row;
        let at = 0;
        const total = r.values.reduce((a, b) => a + b, 0);
        return (
          <g>
            <text x={rtl ? W - 4 : 4} y={y + 17} text-anchor="start" class="cw-chart__label">
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            {r.values.map((v, s) => {
              const len = (plot * v) / max;
              const start = at;
              at += len;
              return v ? <rect x={rtl ? W - labelW - start - len : labelW + start} y={y + 3} width={len} height={row - 8} class={`cw-chart__s${s}`} /> : null;
            })}
            <text x={rtl ? W - labelW - at - 6 : labelW + at + 6} y={y + 17} text-anchor="start" class="cw-chart__value">
              {formatNumber(ctx.lang, total)}
            </text>
          </g>
        );
      })}
      <g aria-hidden="true">
        {series.map((name, s) => {
          const col = s % 3;
          const y = rows.length * row + 12 + Math.floor(s / 3) * 22;
          const x0 = rtl ? W - 8 - col * 210 - 14 : 8 + col * 210;
          return (
            <g>
              <rect x={x0} y={y} width={14} height={14} class={`cw-chart__s${s}`} />
              <text x={rtl ? x0 - 6 : x0 + 20} y={y + 12} text-anchor="start" class="cw-chart__label">
                {name}
              </text>
            </g>
          );
        })}
      </g>
    </Frame>
  );
}

/** Lines by month, one per series (incoming, outgoing), with the first and last month named. */
export function LineChart(props: { ctx: PageContext; id: string; title: string; series: string[]; points: { label: string; values: number[] }[] }) {
  const { ctx, series, points } = props;
  const rtl = ctx.dir === 'rtl';
  const H = 240;
  const pad = { top: 16, bottom: 56, side: 40 };
  const max = Math.max(1, ...points.flatMap((p) => p.values));
  const step = points.length > 1 ? (W - pad.side * 2) / (points.length - 1) : 0;
  const x = (i: number) => (rtl ? W - pad.side - i * step : pad.side + i * step);
  const y = (v: number) => H - pad.bottom - ((H - pad.top - pad.bottom) * v) / max;
  const desc = points.flatMap((p) => p.values.map((v, s) => ({ label: `${p.label}, ${series[s]}`, value: v })));
  return (
    <Frame ctx={ctx} id={props.id} title={props.title} desc={describe(ctx, desc)} height={H}>
      <line x1={pad.side} x2={W - pad.side} y1={H - pad.bottom} y2={H - pad.bottom} class="cw-chart__axis" />
      <text x={rtl ? W - pad.side + 4 : pad.side - 4} y={y(max) + 4} text-anchor="end" class="cw-chart__value">
        {formatNumber(ctx.lang, max)}
      </text>
      {series.map((_, s) => (
        <polyline points={points.map((p, i) => `${x(i)},${y(p.values[s] ?? 0)}`).join(' ')} class={`cw-chart__line cw-chart__line--${s}`} />
      ))}
      {points.length ? (
        <>
          <text x={x(0)} y={H - pad.bottom + 18} text-anchor="middle" class="cw-chart__label">
            {points[0]!.label}
          </text>
          <text x={x(points.length - 1)} y={H - pad.bottom + 18} text-anchor="middle" class="cw-chart__label">
            {points[points.length - 1]!.label}
          </text>
        </>
      ) : null}
      <g aria-hidden="true">
        {series.map((name, s) => {
          const x0 = rtl ? W - 8 - s * 200 - 24 : 8 + s * 200;
          return (
            <g>
              <line x1={x0} x2={x0 + 24} y1={H - 14} y2={H - 14} class={`cw-chart__line cw-chart__line--${s}`} />
              <text x={rtl ? x0 - 6 : x0 + 30} y={H - 10} text-anchor="start" class="cw-chart__label">
                {name}
              </text>
            </g>
          );
        })}
      </g>
    </Frame>
  );
}
