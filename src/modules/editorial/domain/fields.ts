/**
 * The editor's forms (application/x-www-form-urlencoded, work without JavaScript) to part documents.
 * Pure. Form field names are the document's field names, so the issues of validation name the form
 * field they belong to ("sources.1.url" → field "sources").
 */
import { type RecordType, TREATY_KINDS } from '../../knowledge/index.js';
import { TEXT_FIELDS, UN_LANGS } from './parts.js';

export type FieldKind = 'text' | 'textarea' | 'date' | 'int' | 'yesno' | 'list' | 'codes' | 'enum' | 'terms' | 'sources';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  /** For kind "terms": the taxonomy offered as checkboxes. */
  taxonomy?: 'crime' | 'cooperation' | 'issue' | 'measure';
}

const TAGS: FieldSpec[] = [
  { name: 'articles', kind: 'list' },
  { name: 'crime_types', kind: 'terms', taxonomy: 'crime' },
  { name: 'cooperation_types', kind: 'terms', taxonomy: 'cooperation' },
  { name: 'issues', kind: 'terms', taxonomy: 'issue' },
  { name: 'measures', kind: 'terms', taxonomy: 'measure' },
];
const COUNTRY: FieldSpec = { name: 'country', kind: 'codes', required: true };
const LANG: FieldSpec = { name: 'original_lang', kind: 'text' };
const DATE: FieldSpec = { name: 'date', kind: 'date' };
const URL: FieldSpec = { name: 'source_url', kind: 'text' };

/** The fields of the "*" form of each record type, in order. */
export const META_FIELDS: Record<RecordType, readonly FieldSpec[]> = {
  legislation: [COUNTRY, { name: 'law_id', kind: 'text', required: true }, { name: 'article_ref', kind: 'text' }, { name: 'position', kind: 'int' }, DATE, LANG, ...TAGS],
  case: [
    COUNTRY,
    { name: 'court', kind: 'text' },
    { name: 'case_number', kind: 'text' },
    { name: 'ecli', kind: 'text' },
    { name: 'decision_date', kind: 'date' },
    { name: 'untoc_legal_basis', kind: 'yesno' },
    { name: 'cooperating_states', kind: 'codes' },
    { name: 'sources', kind: 'sources' },
    LANG,
    ...TAGS,
  ],
  treaty: [
    { name: 'kind', kind: 'enum', options: TREATY_KINDS, required: true },
    { name: 'short_name', kind: 'text' },
    { name: 'organization', kind: 'text' },
    { name: 'adopted_on', kind: 'date' },
    { name: 'adopted_at', kind: 'text' },
    { name: 'entry_into_force_on', kind: 'date' },
    { name: 'depositary', kind: 'text' },
    { name: 'parent_id', kind: 'text' },
    URL,
    { ...COUNTRY, required: false },
    LANG,
    ...TAGS,
  ],
  strategy: [COUNTRY, { name: 'period_start', kind: 'int' }, { name: 'period_end', kind: 'int' }, { name: 'adopted_by', kind: 'text' }, URL, DATE, LANG, ...TAGS],
  law: [COUNTRY, { name: 'citation', kind: 'text' }, { name: 'adopted_on', kind: 'date' }, { name: 'amended_on', kind: 'date' }, URL, LANG],
};

/** The fields of a language version's form. */
export function textFields(type: RecordType): FieldSpec[] {
  return TEXT_FIELDS[type].map((name) => ({ name, kind: name === 'title' ? 'text' : 'textarea', required: name === 'title' }) as FieldSpec);
}

export type FormBody = Record<string, string | string[] | undefined>;

const MAX_FIELD = 2_500_000;

export function one(body: FormBody, key: string): string {
  const v = body[key];
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return String(s).slice(0, MAX_FIELD).replace(/\r\n?/g, '\n').trim();
}

export function many(body: FormBody, key: string): string[] {
  const v = body[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => String(s).trim()).filter(Boolean).slice(0, 500);
}

const list = (s: string) => [...new Set(s.split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean))].slice(0, 500);

/** "Title | https://…" lines to case sources. */
function sources(text: string): { title: string; url?: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 60)
    .map((line) => {
      const i = line.lastIndexOf('|');
      const title = (i === -1 ? line : line.slice(0, i)).trim();
      const url = i === -1 ? '' : line.slice(i + 1).trim();
      return url ? { title, url } : { title };
    });
}

function valueOf(spec: FieldSpec, body: FormBody): unknown {
  const raw = one(body, spec.name);
  switch (spec.kind) {
    case 'int':
      return raw === '' ? undefined : /^-?\d{1,9}$/.test(raw) ? Number(raw) : raw;
    case 'yesno':
      return raw === 'yes' ? true : raw === 'no' ? false : undefined;
    case 'list':
      return list(raw);
    case 'codes':
      return spec.name === 'country' ? raw.toUpperCase() || undefined : list(raw.toUpperCase());
    case 'terms':
      return [...new Set(many(body, spec.name))];
    case 'sources':
      return sources(raw);
    default:
      return raw || undefined;
  }
}

/** The "*" document a submitted form describes (unchecked). */
export function formToMeta(type: RecordType, body: FormBody): Record<string, unknown> {
  const doc: Record<string, unknown> = { type };
  for (const spec of META_FIELDS[type]) {
    const v = valueOf(spec, body);
    if (v !== undefined && !(Array.isArray(v) && !v.length)) doc[spec.name] = v;
  }
  return doc;
}

/** The language-version document a submitted form describes (unchecked). */
export function formToText(type: RecordType, body: FormBody): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS[type]) {
    const v = one(body, name);
    if (v) doc[name] = v;
  }
  if (one(body, 'machine_translated')) doc.machine_translated = true;
  const from = one(body, 'translated_from');
  if (from) doc.translated_from = from;
  return doc;
}

/** The taxonomy term document a submitted form describes (unchecked). */
export function formToTerm(body: FormBody): Record<string, unknown> {
  const labels = Object.fromEntries(UN_LANGS.map((l) => [l, one(body, `labels.${l}`)]));
  const descriptions = Object.fromEntries(UN_LANGS.map((l) => [l, one(body, `descriptions.${l}`)]).filter(([, v]) => v));
  return Object.keys(descriptions).length ? { labels, descriptions } : { labels };
}

/** How a document value is shown back in its form field. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'yesno') return value === true ? 'yes' : value === false ? 'no' : '';
  if (spec.kind === 'sources' && Array.isArray(value)) return value.map((s: { title?: string; url?: string }) => (s.url ? `${s.title ?? ''} | ${s.url}` : (s.title ?? ''))).join('\n');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The form field an issue belongs to: "sources.1.url" → "sources"; "labels.fr" stays (one field per language). */
export function fieldOfIssue(field: string): string {
  if (/^(labels|descriptions)\.[a-z]{2}$/.test(field)) return field;
  return field.split('.')[0] ?? field;
}

/** A kind of problem, for a message in the reader's language. */
export type IssueKind = 'required' | 'format' | 'unknown' | 'too_long' | 'not_allowed' | 'invalid';
export function issueKind(message: string): IssueKind {
  if (/required|must not be blank|expected required/i.test(message)) return 'required';
  if (/not a known field|not one of/i.test(message)) return 'not_allowed';
  if (/unknown|no law|no taxonomy|already used/i.test(message)) return 'unknown';
  if (/at most|more than/i.test(message)) return 'too_long';
  if (/format|pattern|date|must be|match/i.test(message)) return 'format';
  return 'invalid';
}
