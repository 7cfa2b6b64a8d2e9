/**
 * The CSV form of authority documents (export and import): one row per authority. Multilingual
 * texts are columns suffixed by language (names_en, notes_fr, urgent_procedure_ar); lists of codes are
 * separated by "|"; structured fields (functions, phones, contacts, hours, requirements…) are JSON in
 * their cell. Pure.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { AuthorityDocument } from './schema.js';

type Kind = 'string' | 'bool' | 'list' | 'json';
const SCALARS: readonly [string, Kind][] = [
  ['id', 'string'],
  ['country', 'string'],
  ['demo', 'bool'],
  ['functions', 'json'],
  ['address', 'string'],
  ['phones', 'json'],
  ['direct_lines', 'json'],
  ['emails', 'json'],
  ['website', 'string'],
  ['contacts', 'json'],
  ['hours', 'json'],
  ['languages', 'list'],
  ['channels', 'list'],
  ['electronic_requests', 'string'],
  ['untoc_extradition_basis', 'json'],
  ['requirements', 'json'],
  ['e_evidence', 'json'],
  ['laws', 'list'],
  ['visibility', 'json'],
  ['verified_on', 'string'],
  ['verified_by', 'string'],
  ['created_at', 'string'],
  ['updated_at', 'string'],
];
const MULTILINGUAL = ['names', 'urgent_procedure', 'notes'] as const;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The header for documents holding texts in these languages. */
export function csvHeader(langs: readonly string[]): string[] {
  const out: string[] = [];
  for (const [name] of SCALARS) {
    out.push(name);
    if (name === 'country') for (const l of langs) out.push(`names_${l}`);
  }
  for (const f of ['urgent_procedure', 'notes']) for (const l of langs) out.push(`${f}_${l}`);
  return out;
}

export function documentToRow(doc: AuthorityDocument, header: readonly string[]): string[] {
  const rec = doc as unknown as Record<string, unknown>;
  return header.map((col) => {
    if (col === 'verified_on') return doc.verified?.on ?? '';
    if (col === 'verified_by') return doc.verified?.by ?? '';
    const ml = MULTILINGUAL.find((f) => col.startsWith(`${f}_`) && LANG.test(col.slice(f.length + 1)));
    if (ml) return (rec[ml] as Record<string, string> | undefined)?.[col.slice(ml.length + 1)] ?? '';
    const kind = SCALARS.find(([n]) => n === col)?.[1];
    const v = rec[col];
    if (v === undefined || v === null) return '';
    if (kind === 'bool') return v ? 'true' : '';
    if (kind === 'list') return (v as string[]).join('|');
    if (kind === 'json') return JSON.stringify(v);
    return String(v);
  });
}

export interface CsvColumns {
  columns: { name: string; field: string; kind: Kind | 'ml'; lang?: string }[];
  issues: FieldIssue[];
}

export function parseCsvHeader(names: readonly string[]): CsvColumns {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const columns = names.map((raw, i) => {
    const name = raw.trim();
    if (seen.has(name)) issues.push({ field: name || `column ${i + 1}`, message: 'appears twice in the header' });
    seen.add(name);
    const scalar = SCALARS.find(([n]) => n === name);
    if (scalar) return { name, field: name, kind: scalar[1] };
    const ml = MULTILINGUAL.find((f) => name.startsWith(`${f}_`) && LANG.test(name.slice(f.length + 1)));
    if (ml) return { name, field: ml, kind: 'ml' as const, lang: name.slice(ml.length + 1) };
    issues.push({ field: name || `column ${i + 1}`, message: 'is not a column of directory CSV files (see docs/DIRECTORY.md)' });
    return { name, field: '', kind: 'string' as const };
  });
  for (const required of ['id', 'country', 'functions']) if (!seen.has(required)) issues.push({ field: required, message: 'required column is missing' });
  if (!columns.some((c) => c.field === 'names')) issues.push({ field: 'names_<lang>', message: 'at least one name column (e.g. names_en) is required' });
  return { columns, issues };
}

/** A row as a candidate document (checked later), or the issues naming the columns. */
export function rowToDocument(cols: CsvColumns['columns'], cells: readonly string[]): { value: Record<string, unknown>; issues: FieldIssue[] } {
  const value: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  cols.forEach((c, i) => {
    const cell = (cells[i] ?? '').trim();
    if (!cell || !c.field) return;
    switch (c.kind) {
      case 'ml':
        ((value[c.field] ??= {}) as Record<string, string>)[c.lang!] = cell;
        break;
      case 'bool':
        if (!['true', 'false', '1', '0', 'yes', 'no'].includes(cell.toLowerCase())) issues.push({ field: c.name, message: 'must be true or false' });
        else value[c.field] = ['true', '1', 'yes'].includes(cell.toLowerCase());
        break;
      case 'list':
        value[c.field] = cell.split('|').map((s) => s.trim()).filter(Boolean);
        break;
      case 'json':
        try {
          value[c.field] = JSON.parse(cell);
        } catch {
          issues.push({ field: c.name, message: 'must be JSON (see docs/DIRECTORY.md)' });
        }
        break;
      default:
        value[c.field] = cell;
    }
  });
  if (value.verified_on !== undefined || value.verified_by !== undefined) {
    value.verified = { on: value.verified_on, ...(value.verified_by ? { by: value.verified_by } : {}) };
    delete value.verified_on;
    delete value.verified_by;
  }
  return { value, issues };
}
