/**
 * Figures of the networks' logs as the Secretariat reports them ("76 cases facilitated through three
 * networks in 2021"): counts per year and network, with totals. Pure: from grouped counts.
 */
export interface CountRow {
  year: number;
  network_id: string;
  n: number;
}

export interface Figures {
  years: number[];
  networks: string[];
  /** cells[year][network] */
  cells: Record<number, Record<string, number>>;
  yearTotals: Record<number, number>;
  networkTotals: Record<string, number>;
  total: number;
  /** Largest yearly total, for bar lengths. */
  max: number;
}

export function shapeFigures(rows: readonly CountRow[], networks: readonly string[]): Figures {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const cells: Record<number, Record<string, number>> = {};
  const yearTotals: Record<number, number> = {};
  const networkTotals: Record<string, number> = Object.fromEntries(networks.map((n) => [n, 0]));
  for (const y of years) {
    cells[y] = Object.fromEntries(networks.map((n) => [n, 0]));
    yearTotals[y] = 0;
  }
  for (const r of rows) {
    cells[r.year]![r.network_id] = (cells[r.year]![r.network_id] ?? 0) + r.n;
    yearTotals[r.year] = (yearTotals[r.year] ?? 0) + r.n;
    networkTotals[r.network_id] = (networkTotals[r.network_id] ?? 0) + r.n;
  }
  const total = Object.values(yearTotals).reduce((a, b) => a + b, 0);
  return { years, networks: [...networks], cells, yearTotals, networkTotals, total, max: Math.max(0, ...Object.values(yearTotals)) };
}

/** A CSV field (RFC 4180), formula-like text neutralised for spreadsheets. */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The figures as CSV: year, then one column per network, then the total. */
export function figuresCsv(f: Figures, acronyms: Record<string, string>): string {
  let out = csvLine(['year', ...f.networks.map((n) => acronyms[n] ?? n), 'total']);
  for (const y of f.years) out += csvLine([y, ...f.networks.map((n) => f.cells[y]![n] ?? 0), f.yearTotals[y] ?? 0]);
  return out;
}

/** Cases per value of one field (kind of cooperation, offence) and network, all years together. */
export interface Breakdown {
  keys: string[];
  networks: string[];
  /** cells[key][network] */
  cells: Record<string, Record<string, number>>;
  keyTotals: Record<string, number>;
  total: number;
}

/** From grouped counts; keys in the given order first (a vocabulary), then any other, most cases first. */
export function shapeBreakdown(rows: readonly { key: string; network_id: string; n: number }[], networks: readonly string[], order: readonly string[] = []): Breakdown {
  const cells: Record<string, Record<string, number>> = {};
  const keyTotals: Record<string, number> = {};
  for (const r of rows) {
    cells[r.key] ??= Object.fromEntries(networks.map((n) => [n, 0]));
    cells[r.key]![r.network_id] = (cells[r.key]![r.network_id] ?? 0) + r.n;
    keyTotals[r.key] = (keyTotals[r.key] ?? 0) + r.n;
  }
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(keyTotals).sort((a, b) => rank(a) - rank(b) || keyTotals[b]! - keyTotals[a]! || a.localeCompare(b));
  return { keys, networks: [...networks], cells, keyTotals, total: Object.values(keyTotals).reduce((a, b) => a + b, 0) };
}

/** A breakdown as CSV: the field, then one column per network, then the total. */
export function breakdownCsv(b: Breakdown, field: string, acronyms: Record<string, string>): string {
  let out = csvLine([field, ...b.networks.map((n) => acronyms[n] ?? n), 'total']);
  for (const k of b.keys) out += csvLine([k, ...b.networks.map((n) => b.cells[k]![n] ?? 0), b.keyTotals[k] ?? 0]);
  return out;
}
