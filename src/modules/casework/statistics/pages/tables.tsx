/** The page form of a statistics table (domain/tables.ts): localised headers and row names, a caption, the CSV link. */
import { formatNumber } from '../../../../platform/i18n/messages.js';
import type { PageContext } from '../../../../platform/web/page.js';
import type { CaseworkStatisticsMessageKey } from '../../casework-statistics.messages.js';
import { OUTCOME_KEYS } from '../domain/figures.js';
import type { Cell, StatTable, TableId } from '../domain/tables.js';
import { st, type Labels } from './labels.js';

const COLUMN: Record<string, CaseworkStatisticsMessageKey> = {
  kind: 'col_kind',
  legal_basis: 'col_basis',
  measure: 'col_measure',
  partner_state: 'col_partner',
  region_m49: 'col_region',
  offence: 'col_offence',
  outcome: 'col_outcome',
  refusal_ground: 'col_ground',
  incoming: 'col_incoming',
  outgoing: 'col_outgoing',
  total: 'col_total',
  direction: 'col_direction',
  executed: 'col_executed',
  median_days: 'col_median',
  p90_days: 'col_p90',
  state: 'col_state',
  stays: 'col_stays',
  age_days: 'col_age',
  year: 'col_year',
  month: 'col_month',
};

/** The name shown for a row key of a table. */
export function rowName(ctx: PageContext, labels: Labels, id: TableId, column: string, key: string): string {
  const t = st(ctx.lang);
  if (key === 'total') return t('col_total');
  switch (column) {
    case 'kind':
      return key === 'all' ? t('all_kinds') : labels.vocab('kind', key);
    case 'legal_basis':
      return labels.vocab('basis', key);
    case 'measure':
      return labels.measure(key);
    case 'partner_state':
      return labels.country(key);
    case 'region_m49':
      return labels.region(key);
    case 'offence':
      return labels.offence(key);
    case 'outcome':
      return labels.vocab('outcome', key);
    case 'refusal_ground':
      return labels.vocab('ground', key);
    case 'direction':
      return labels.vocab('direction', key);
    case 'state':
      return labels.vocab('state', key);
    case 'age_days':
      return labels.age(key);
    default:
      return id === 'months' || id === 'years' ? key : key;
  }
}

export function columnName(ctx: PageContext, labels: Labels, column: string): string {
  const k = COLUMN[column];
  if (k) return st(ctx.lang)(k);
  return (OUTCOME_KEYS as readonly string[]).includes(column) ? labels.vocab('outcome', column) : column;
}

const KEY_COLUMNS = new Set(['kind', 'legal_basis', 'measure', 'partner_state', 'region_m49', 'offence', 'outcome', 'refusal_ground', 'direction', 'state', 'age_days', 'year', 'month']);

export function StatTableView(props: { ctx: PageContext; labels: Labels; table: StatTable; caption: string; csvHref: string | null }) {
  const { ctx, labels, table } = props;
  const id = `table-${table.id}`;
  const cell = (c: Cell, col: string) => (typeof c === 'number' ? formatNumber(ctx.lang, c) : c === null ? '–' : KEY_COLUMNS.has(col) ? rowName(ctx, labels, table.id, col, c) : c);
  return (
    <>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table class="cw-stat-table" id={id}>
          <caption id={`${id}-caption`}>{props.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col">{columnName(ctx, labels, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr>
                {r.map((c, i) => (i === 0 ? <th scope="row">{cell(c, table.columns[i]!)}</th> : <td>{cell(c, table.columns[i]!)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.csvHref ? (
        <p class="cw-stat-csv">
          <a href={props.csvHref} download={`${table.id}.csv`} type="text/csv">
            {st(ctx.lang)('csv_link')}
          </a>
        </p>
      ) : null}
    </>
  );
}
