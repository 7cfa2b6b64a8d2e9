/**
 * How editorial subjects are cut into parts, and put back together. Pure.
 *
 * - entry (legislation extract, case, treaty, strategy) and law: part "*" holds the language-neutral
 *   fields and tags (the canonical document without `texts`), and one part per language holds that
 *   language version (its text fields, `machine_translated`, `translated_from`; never `status`, which
 *   the workflow owns).
 * - taxonomy_term (subject id "taxonomy:code"): one part "*" with `labels` and `descriptions` by language.
 */
import { LANGS } from '../../../platform/i18n/languages.js';
import type { FieldIssue } from '../../../platform/http/errors.js';
import type { RecordType } from '../../knowledge/index.js';

export type EditorialType = 'entry' | 'law' | 'taxonomy_term';
export const EDITORIAL_TYPES: readonly EditorialType[] = ['entry', 'law', 'taxonomy_term'];
export const META_PART = '*';
/** The six official UN languages every entry should be available in. */
export const UN_LANGS = LANGS;

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const isLangPart = (part: string): boolean => part !== META_PART && LANG_TAG.test(part) && part.length <= 35;

/** URL segment of each subject type in the editor: /{lang}/editor/{segment}/{id}. */
export const SEGMENT: Record<EditorialType, string> = { entry: 'entries', law: 'laws', taxonomy_term: 'terms' };
export function typeOfSegment(segment: string): EditorialType | undefined {
  return EDITORIAL_TYPES.find((t) => SEGMENT[t] === segment);
}

/** Text fields of a language version, by record type (the order of the form). */
export const TEXT_FIELDS: Record<RecordType, readonly string[]> = {
  legislation: ['title', 'summary', 'body'],
  case: ['title', 'summary', 'facts', 'decision', 'commentary'],
  treaty: ['title', 'summary', 'body'],
  strategy: ['title', 'summary', 'body'],
  law: ['title', 'full_text'],
};

/** Fields of a stored record that are not edited through the "*" part. */
const NOT_META = new Set(['texts', 'created_at', 'updated_at', 'demo', 'provisions', 'parties', 'attachment']);

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The language-neutral part of a record: everything but its texts and stored-only fields. */
export function metaOf(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k, v]) => !NOT_META.has(k) && v !== undefined));
}

/** A language version as the workflow stores it (no status). */
export function textOf(text: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(text).filter(([k, v]) => k !== 'status' && v !== undefined && v !== false));
}

/**
 * The live form of a language version being published: published, and no longer marked as a machine
 * translation once a person has reviewed it.
 */
export function publishedText(text: Record<string, unknown>, reviewed: boolean, withStatus: boolean): Record<string, unknown> {
  const out = textOf(text);
  if (reviewed) delete out.machine_translated;
  return withStatus ? { ...out, status: 'published' } : out;
}

/** Issues of a whole record that concern one language version, with the prefix removed ("texts.fr.title" → "title"). */
export function issuesOfText(issues: readonly FieldIssue[], lang: string): FieldIssue[] {
  const prefix = `texts.${lang}`;
  return issues.flatMap((i) => (i.field === prefix ? [{ ...i, field: 'text' }] : i.field.startsWith(`${prefix}.`) ? [{ ...i, field: i.field.slice(prefix.length + 1) }] : []));
}

/** Issues of a whole record that concern its language-neutral fields. */
export function issuesOfMeta(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.filter((i) => i.field !== 'texts' && !i.field.startsWith('texts.'));
}

/** "crime:drug-trafficking" → { taxonomy, code }. */
export function parseTermId(id: string): { taxonomy: string; code: string } | undefined {
  const m = /^(crime|cooperation|issue|measure):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
  return m ? { taxonomy: m[1]!, code: m[2]! } : undefined;
}

export interface TermDocument {
  labels: Record<string, string>;
  descriptions?: Record<string, string>;
}

/** Check a taxonomy term's texts: a label in each of the six languages, optional scope notes. */
export function checkTermDocument(value: unknown): { ok: true; doc: TermDocument } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!isObject(value)) return { ok: false, issues: [{ field: '(document)', message: 'must be a JSON object' }] };
  for (const k of Object.keys(value)) if (k !== 'labels' && k !== 'descriptions') issues.push({ field: k, message: 'is not a known field' });
  const labels: Record<string, string> = {};
  const rawLabels = isObject(value.labels) ? value.labels : {};
  if (!isObject(value.labels)) issues.push({ field: 'labels', message: 'is required' });
  for (const l of UN_LANGS) {
    const v = rawLabels[l];
    if (typeof v !== 'string' || !v.trim()) issues.push({ field: `labels.${l}`, message: 'is required' });
    else if (v.length > 300) issues.push({ field: `labels.${l}`, message: 'must be at most 300 characters' });
    else labels[l] = v.trim();
  }
  for (const k of Object.keys(rawLabels)) if (!(UN_LANGS as readonly string[]).includes(k)) issues.push({ field: `labels.${k}`, message: 'is not one of the six languages' });
  const descriptions: Record<string, string> = {};
  if (value.descriptions !== undefined) {
    if (!isObject(value.descriptions)) issues.push({ field: 'descriptions', message: 'must be an object' });
    else
      for (const [k, v] of Object.entries(value.descriptions)) {
        if (!(UN_LANGS as readonly string[]).includes(k)) issues.push({ field: `descriptions.${k}`, message: 'is not one of the six languages' });
        else if (typeof v !== 'string') issues.push({ field: `descriptions.${k}`, message: 'must be a text' });
        else if (v.length > 4000) issues.push({ field: `descriptions.${k}`, message: 'must be at most 4000 characters' });
        else if (v.trim()) descriptions[k] = v.trim();
      }
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, doc: Object.keys(descriptions).length ? { labels, descriptions } : { labels } };
}

/** The UN languages a set of language versions lacks. */
export function missingLanguages(held: readonly string[]): string[] {
  return UN_LANGS.filter((l) => !held.includes(l));
}
