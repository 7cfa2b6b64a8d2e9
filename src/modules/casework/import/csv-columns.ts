/**
 * The CSV form of the case record (pure; docs/IMPORT-FORMATS.md): one row per case, one column per
 * field, several values in one cell separated by '|', persons and executing authorities as numbered
 * column groups (person1_role, person1_family_name, …; execution1_name, …; deadline1_kind, …), a
 * person's identity documents in one cell (type:number[:COUNTRY]|…). The history exists only in JSON Lines.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { CaseRecord } from '../domain/record.js';

type Path = readonly string[];
interface Column {
  name: string;
  path: Path;
  list?: boolean;
  bool?: boolean;
  /** A track number (1, 2, … as in execution1_…) for the record's index from 0. */
  track?: boolean;
}

const col = (name: string, path: string, flags: { list?: boolean; bool?: boolean; track?: boolean } = {}): Column => ({ name, path: path.split('.'), ...flags });

export const CASE_COLUMNS: readonly Column[] = [
  col('reference', 'reference'),
  col('direction', 'direction'),
  col('kind', 'kind'),
  col('state', 'state'),
  col('state_since', 'state_since'),
  col('partner_country', 'partner.country'),
  col('partner_authority_id', 'partner.authority_id'),
  col('partner_authority_name', 'partner.authority_name'),
  col('partner_reference', 'partner.reference'),
  col('title', 'title'),
  col('summary', 'summary'),
  col('measures', 'measures', { list: true }),
  col('crime_types', 'crime_types', { list: true }),
  col('offence_text', 'offence_text'),
  col('proceeding_authority', 'proceeding.authority'),
  col('proceeding_number', 'proceeding.number'),
  col('urgency', 'urgency'),
  col('urgency_reason', 'urgency_reason'),
  col('confidential', 'confidential', { bool: true }),
  col('partner_deadline', 'partner_deadline'),
  col('languages', 'languages', { list: true }),
  col('translation_required', 'translation_required', { bool: true }),
  col('channel', 'channel'),
  col('received_on', 'dates.received_on'),
  col('sent_on', 'dates.sent_on'),
  col('executed_on', 'dates.executed_on'),
  col('closed_on', 'dates.closed_on'),
  col('postponed_until', 'dates.postponed_until'),
  col('outcome', 'outcome'),
  col('refusal_grounds', 'refusal_grounds', { list: true }),
  col('legal_bases', 'legal_bases', { list: true }),
];

export const PERSON_COLUMNS: readonly Column[] = [
  col('role', 'role'),
  col('family_name', 'family_name'),
  col('given_names', 'given_names'),
  col('birth_date', 'birth_date'),
  col('nationalities', 'nationalities', { list: true }),
  col('documents', 'identity_documents', { list: true }),
  col('note', 'note'),
];

export const DEADLINE_COLUMNS: readonly Column[] = [col('kind', 'kind'), col('label', 'label'), col('due_on', 'due_on'), col('met_on', 'met_on'), col('execution', 'execution', { track: true })];

export const EXECUTION_COLUMNS: readonly Column[] = [
  col('name', 'executing_name'),
  col('authority_id', 'executing_authority_id'),
  col('body_kind', 'body_kind'),
  col('state', 'state'),
  col('reference', 'their_reference'),
  col('measures', 'measures', { list: true }),
  col('forwarded_on', 'forwarded_on'),
  col('due_on', 'due_on'),
  col('last_news_on', 'last_news_on'),
];

const GROUP = /^(person|execution|deadline)([1-9]\d?)_([a-z_]+)$/;
type GroupName = 'persons' | 'executions' | 'deadlines';
const GROUPS: Record<string, { name: GroupName; columns: readonly Column[] }> = {
  person: { name: 'persons', columns: PERSON_COLUMNS },
  execution: { name: 'executions', columns: EXECUTION_COLUMNS },
  deadline: { name: 'deadlines', columns: DEADLINE_COLUMNS },
};
const PREFIX: Record<GroupName, string> = { persons: 'person', executions: 'execution', deadlines: 'deadline' };

export interface HeaderPlan {
  /** For each cell: where its value goes, or null (unknown column: reported once). */
  cells: ({ column: Column; group?: { name: GroupName; index: number } } | null)[];
}

export function planHeader(header: readonly string[]): { plan: HeaderPlan; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const cells = header.map((raw) => {
    const name = raw.trim();
    if (seen.has(name)) issues.push({ field: name, message: 'column given twice' });
    seen.add(name);
    const top = CASE_COLUMNS.find((c) => c.name === name);
    if (top) return { column: top };
    const m = GROUP.exec(name);
    if (m) {
      const g = GROUPS[m[1]!]!;
      const column = g.columns.find((c) => c.name === m[3]);
      if (column) return { column, group: { name: g.name, index: Number(m[2]) - 1 } };
    }
    issues.push({ field: name || '(empty header)', message: 'is not a known column (docs/IMPORT-FORMATS.md)' });
    return null;
  });
  for (const required of ['direction', 'kind', 'state', 'partner_country', 'title']) if (!seen.has(required)) issues.push({ field: required, message: 'column is required' });
  return { plan: { cells }, issues };
}

function legalBasis(cell: string): Record<string, string> {
  const [basis, instrument_id, article] = cell.split(':');
  return { basis: basis ?? '', ...(instrument_id ? { instrument_id } : {}), ...(article ? { article } : {}) };
}

/** An identity document cell item: type:number, or type:number:COUNTRY (ISO alpha-3). */
function identityDocument(cell: string): Record<string, string> {
  const parts = cell.split(':');
  const country = parts.length >= 3 && /^[A-Z]{3}$/.test(parts[parts.length - 1]!) ? parts.pop()! : undefined;
  const [type, ...number] = parts;
  return { type: type ?? '', number: number.join(':'), ...(country ? { country } : {}) };
}

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let o = target;
  for (const key of path.slice(0, -1)) o = (o[key] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]!] = value;
}

function cellValue(column: Column, text: string): unknown {
  if (column.list) {
    const items = text.split('|').map((s) => s.trim()).filter(Boolean);
    return column.name === 'legal_bases' ? items.map(legalBasis) : column.name === 'documents' ? items.map(identityDocument) : items;
  }
  // A track number 1..50 becomes the record's index 0..49; anything else is left for the record's check to name.
  if (column.track) return /^[1-9]\d?$/.test(text.trim()) ? Number(text.trim()) - 1 : text;
  if (column.bool) return ['true', 'yes', '1'].includes(text.trim().toLowerCase()) ? true : ['false', 'no', '0'].includes(text.trim().toLowerCase()) ? false : text;
  return text;
}

/** A row as a record object (to be checked by parseCaseRecord); empty cells are absent fields. */
export function rowToObject(plan: HeaderPlan, cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groups: Record<GroupName, Record<string, unknown>[]> = { persons: [], executions: [], deadlines: [] };
  plan.cells.forEach((p, i) => {
    const text = cells[i] ?? '';
    if (!p || !text.trim()) return;
    const value = cellValue(p.column, text.trim());
    if (p.group) setPath((groups[p.group.name][p.group.index] ??= {}), p.column.path, value);
    else setPath(out, p.column.path, value);
  });
  for (const name of ['persons', 'executions', 'deadlines'] as const) {
    const list = groups[name].filter(Boolean);
    if (list.length) out[name] = list;
  }
  return out;
}

/** The column of a record field path (for errors on a CSV line). */
export function columnOfField(field: string): string {
  const m = /^(persons|executions|deadlines)\.(\d+)\.([a-z_]+)/.exec(field);
  if (m) {
    const name = m[1] as GroupName;
    const column = GROUPS[PREFIX[name]]!.columns.find((c) => c.path.join('.') === m[3]);
    return `${PREFIX[name]}${Number(m[2]) + 1}_${column?.name ?? m[3]}`;
  }
  const top = CASE_COLUMNS.find((c) => field === c.path.join('.') || field.startsWith(`${c.path.join('.')}.`));
  return top?.name ?? field;
}

/** The header of an export with up to `persons` persons, `executions` tracks and `deadlines` deadlines per case. */
export function exportHeader(persons: number, executions: number, deadlines = 0): string[] {
  const group = (n: number, g: GroupName) => Array.from({ length: n }, (_, i) => GROUPS[PREFIX[g]]!.columns.map((c) => `${PREFIX[g]}${i + 1}_${c.name}`)).flat();
  return [...CASE_COLUMNS.map((c) => c.name), ...group(persons, 'persons'), ...group(executions, 'executions'), ...group(deadlines, 'deadlines')];
}

function getPath(o: unknown, path: Path): unknown {
  let v = o;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function cellText(column: Column, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (column.track) return typeof v === 'number' ? String(v + 1) : String(v);
  if (column.name === 'documents') return (v as { type: string; number: string; country?: string }[]).map((d) => [d.type, d.number, ...(d.country ? [d.country] : [])].join(':')).join('|');
  if (column.name === 'legal_bases') return (v as { basis: string; instrument_id?: string; article?: string }[]).map((b) => [b.basis, b.instrument_id ?? (b.article ? '' : undefined), b.article].filter((x) => x !== undefined).join(':')).join('|');
  if (Array.isArray(v)) return v.join('|');
  return String(v);
}

/** A record as a CSV row for exportHeader(persons, executions, deadlines). */
export function recordToRow(r: CaseRecord, persons: number, executions: number, deadlines = 0): string[] {
  const group = (n: number, columns: readonly Column[], items: readonly unknown[] | undefined) => Array.from({ length: n }, (_, i) => columns.map((c) => cellText(c, getPath(items?.[i], c.path)))).flat();
  return [...CASE_COLUMNS.map((c) => cellText(c, getPath(r, c.path))), ...group(persons, PERSON_COLUMNS, r.persons), ...group(executions, EXECUTION_COLUMNS, r.executions), ...group(deadlines, DEADLINE_COLUMNS, r.deadlines)];
}
