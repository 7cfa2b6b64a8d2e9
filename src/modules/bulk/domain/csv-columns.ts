/**
 * The CSV formats: one file per record type, one record per row. Language versions are suffixed
 * columns (title_en, body_fr, machine_translated_ar…), lists are separated by "|". Treaty provisions
 * and parties have their own files keyed by treaty_id. Pure: header → columns, row ↔ record.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { KnowledgeRecord, Provision, TreatyParty } from '../../knowledge/index.js';

export const CSV_TYPES = ['law', 'legislation', 'case', 'treaty', 'strategy', 'treaty-provision', 'treaty-party'] as const;
export type CsvType = (typeof CSV_TYPES)[number];

export function isCsvType(value: unknown): value is CsvType {
  return typeof value === 'string' && (CSV_TYPES as readonly string[]).includes(value);
}

type Kind = 'string' | 'bool' | 'int' | 'list' | 'json';
interface Column {
  name: string;
  kind: Kind;
}

const col = (name: string, kind: Kind = 'string'): Column => ({ name, kind });
const ENTRY_HEAD = [col('id'), col('country'), col('date'), col('original_lang')];
const ENTRY_TAIL = [
  col('articles', 'list'),
  col('crime_types', 'list'),
  col('cooperation_types', 'list'),
  col('issues', 'list'),
  col('measures', 'list'),
  col('demo', 'bool'),
  col('created_at'),
  col('updated_at'),
];

/** Columns that are not per language, in file order. */
export const SCALAR_COLUMNS: Record<CsvType, readonly Column[]> = {
  law: [col('id'), col('country'), col('citation'), col('adopted_on'), col('amended_on'), col('source_url'), col('original_lang'), col('demo', 'bool'), col('created_at'), col('updated_at')],
  legislation: [...ENTRY_HEAD, col('law_id'), col('article_ref'), col('position', 'int'), ...ENTRY_TAIL],
  case: [
    ...ENTRY_HEAD,
    col('court'),
    col('case_number'),
    col('ecli'),
    col('decision_date'),
    col('untoc_legal_basis', 'bool'),
    col('cooperating_states', 'list'),
    col('sources', 'json'),
    col('neutral_citation'),
    col('parties', 'json'),
    col('judges', 'json'),
    ...ENTRY_TAIL,
  ],
  treaty: [
    ...ENTRY_HEAD,
    col('kind'),
    col('short_name'),
    col('organization'),
    col('adopted_on'),
    col('adopted_at'),
    col('entry_into_force_on'),
    col('depositary'),
    col('parent_id'),
    col('source_url'),
    ...ENTRY_TAIL,
  ],
  strategy: [...ENTRY_HEAD, col('period_start', 'int'), col('period_end', 'int'), col('adopted_by'), col('source_url'), ...ENTRY_TAIL],
  'treaty-provision': [col('treaty_id'), col('number'), col('terms', 'list')],
  'treaty-party': [
    col('treaty_id'),
    col('country'),
    col('signed_on'),
    col('consent_kind'),
    col('consent_on'),
    col('entry_into_force_on'),
    col('reservations'),
    col('declarations'),
    col('notes'),
    col('demo', 'bool'),
  ],
};

const ENTRY_TEXT = [col('title'), col('summary'), col('body'), col('facts'), col('decision'), col('commentary'), col('status'), col('machine_translated', 'bool'), col('translated_from')];

/** Per-language columns: "<field>_<language tag>". */
export const LANG_COLUMNS: Record<CsvType, readonly Column[]> = {
  law: [col('title'), col('full_text'), col('machine_translated', 'bool'), col('translated_from')],
  legislation: ENTRY_TEXT,
  case: ENTRY_TEXT,
  treaty: ENTRY_TEXT,
  strategy: ENTRY_TEXT,
  'treaty-provision': [col('title'), col('text')],
  'treaty-party': [],
};

/** Columns a file of the type must have (besides at least one title_<lang> where there are titles). */
export const REQUIRED_COLUMNS: Record<CsvType, readonly string[]> = {
  law: ['id', 'country'],
  legislation: ['id', 'country', 'law_id'],
  case: ['id', 'country'],
  treaty: ['id', 'kind'],
  strategy: ['id', 'country'],
  'treaty-provision': ['treaty_id', 'number'],
  'treaty-party': ['treaty_id', 'country'],
};

const LANG = '[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*';

export interface HeaderColumn {
  name: string;
  kind: Kind;
  /** The record field (without the language). */
  field: string;
  lang?: string;
}

/** Interpret a header row; issues name the bad columns. */
export function parseHeader(type: CsvType, names: readonly string[]): { columns: HeaderColumn[]; issues: FieldIssue[] } {
  const scalars = new Map(SCALAR_COLUMNS[type].map((c) => [c.name, c]));
  const langFields = LANG_COLUMNS[type];
  const langPattern = langFields.length ? new RegExp(`^(${langFields.map((c) => c.name).join('|')})_(${LANG})$`) : undefined;
  const issues: FieldIssue[] = [];
  const columns: HeaderColumn[] = [];
  const seen = new Set<string>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (!name) {
      issues.push({ field: `column ${i + 1}`, message: 'has no name' });
      columns.push({ name, kind: 'string', field: '' });
      return;
    }
    if (seen.has(name)) issues.push({ field: name, message: 'appears twice in the header' });
    seen.add(name);
    const scalar = scalars.get(name);
    if (scalar) {
      columns.push({ name, kind: scalar.kind, field: name });
      return;
    }
    const m = langPattern?.exec(name);
    if (m) {
      const field = langFields.find((c) => c.name === m[1])!;
      columns.push({ name, kind: field.kind, field: field.name, lang: m[2]! });
      return;
    }
    issues.push({ field: name, message: `is not a column of ${type} CSV files (see docs/IMPORT-FORMATS.md)` });
    columns.push({ name, kind: 'string', field: '' });
  });
  for (const required of REQUIRED_COLUMNS[type]) {
    if (!seen.has(required)) issues.push({ field: required, message: 'required column is missing' });
  }
  if (langFields.some((c) => c.name === 'title') && type !== 'treaty-provision' && !columns.some((c) => c.field === 'title' && c.lang)) {
    issues.push({ field: 'title_<lang>', message: 'at least one title column (e.g. title_en) is required' });
  }
  return { columns, issues };
}

const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Spreadsheets run cells starting with = + - @ as formulas: such cells are written with a leading
 * apostrophe (and one more apostrophe for a cell that already starts with apostrophes before such a
 * character, so that reading reverses writing exactly).
 */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function convert(kind: Kind, raw: string): { value?: unknown; error?: string } {
  switch (kind) {
    case 'string':
      return { value: raw };
    case 'bool':
      if (/^(true|1|yes)$/i.test(raw.trim())) return { value: true };
      if (/^(false|0|no)$/i.test(raw.trim())) return { value: false };
      return { error: 'must be true or false' };
    case 'int':
      return /^-?\d{1,15}$/.test(raw.trim()) ? { value: Number(raw.trim()) } : { error: 'must be a whole number' };
    case 'list':
      return { value: raw.split('|').map((s) => s.trim()).filter(Boolean) };
    case 'json':
      try {
        return { value: JSON.parse(raw) };
      } catch {
        return { error: 'must be JSON (e.g. [{"title": "Court website", "url": "https://…"}])' };
      }
  }
}

/** The fields of one row: scalars, and per-language objects under texts/titles. Empty cells are absent. */
export function rowToFields(columns: readonly HeaderColumn[], cells: readonly string[]): { fields: Record<string, unknown>; langs: Record<string, Record<string, unknown>>; issues: FieldIssue[] } {
  const fields: Record<string, unknown> = {};
  const langs: Record<string, Record<string, unknown>> = {};
  const issues: FieldIssue[] = [];
  columns.forEach((c, i) => {
    const cell = cells[i];
    if (cell === undefined || cell === '' || !c.field) return;
    const { value, error } = convert(c.kind, unescapeCell(cell));
    if (error) {
      issues.push({ field: c.name, message: error });
      return;
    }
    if (c.lang) (langs[c.lang] ??= {})[c.field] = value;
    else fields[c.field] = value;
  });
  return { fields, langs, issues };
}

/** A record from the fields of a row of a law or entry file. */
export function rowToRecord(type: Exclude<CsvType, 'treaty-provision' | 'treaty-party'>, row: ReturnType<typeof rowToFields>): Record<string, unknown> {
  const record: Record<string, unknown> = { type, ...row.fields };
  if (Object.keys(row.langs).length) record.texts = row.langs;
  return record;
}

export function rowToProvision(row: ReturnType<typeof rowToFields>): { treatyId: string; provision: Record<string, unknown> } {
  const { treaty_id, ...rest } = row.fields;
  const provision: Record<string, unknown> = { ...rest };
  const titles: Record<string, unknown> = {};
  const texts: Record<string, unknown> = {};
  for (const [lang, v] of Object.entries(row.langs)) {
    if (v.title !== undefined) titles[lang] = v.title;
    if (v.text !== undefined) texts[lang] = v.text;
  }
  if (Object.keys(titles).length) provision.titles = titles;
  if (Object.keys(texts).length) provision.texts = texts;
  return { treatyId: String(treaty_id ?? ''), provision };
}

export function rowToParty(row: ReturnType<typeof rowToFields>): { treatyId: string; party: Record<string, unknown> } {
  const { treaty_id, ...party } = row.fields;
  return { treatyId: String(treaty_id ?? ''), party };
}

/** The column a record field belongs to, e.g. "texts.fr.title" → "title_fr", "articles.2" → "articles[3]". */
export function columnOfField(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'texts' || parts[0] === 'titles') {
    if (parts.length >= 3) return `${parts[2]}_${parts[1]}`;
    if (parts.length === 2) return parts[0] === 'titles' ? `title_${parts[1]}` : `${parts[1]} columns`;
    return 'title_<lang>';
  }
  if (parts.length >= 2 && /^\d+$/.test(parts[1]!)) return `${parts[0]}[${Number(parts[1]) + 1}]`;
  return parts[0]!;
}

// ---- export: record -> cells ----

function cellOf(kind: Kind, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return String(value);
    case 'list':
      return (value as unknown[]).join('|');
    case 'json':
      return Array.isArray(value) && !value.length ? '' : JSON.stringify(value);
    case 'string':
      return escapeCell(String(value));
  }
}

/** The header of an export file for the given languages. */
export function exportHeader(type: CsvType, langs: readonly string[]): string[] {
  return [...SCALAR_COLUMNS[type].map((c) => c.name), ...langs.flatMap((lang) => LANG_COLUMNS[type].map((c) => `${c.name}_${lang}`))];
}

/** One row of an export file (law or entry). */
export function recordToRow(record: KnowledgeRecord, langs: readonly string[]): string[] {
  const type = record.type;
  const r = record as unknown as Record<string, unknown>;
  const texts = record.texts as Record<string, Record<string, unknown> | undefined>;
  return [
    ...SCALAR_COLUMNS[type].map((c) => cellOf(c.kind, r[c.name])),
    ...langs.flatMap((lang) => LANG_COLUMNS[type].map((c) => cellOf(c.kind, texts[lang]?.[c.name]))),
  ];
}

export function provisionToRow(treatyId: string, p: Provision, langs: readonly string[]): string[] {
  return [
    cellOf('string', treatyId),
    cellOf('string', p.number),
    cellOf('list', p.terms),
    ...langs.flatMap((lang) => [cellOf('string', p.titles?.[lang]), cellOf('string', p.texts?.[lang])]),
  ];
}

export function partyToRow(treatyId: string, p: TreatyParty): string[] {
  const r = { treaty_id: treatyId, ...p } as Record<string, unknown>;
  return SCALAR_COLUMNS['treaty-party'].map((c) => cellOf(c.kind, r[c.name]));
}
