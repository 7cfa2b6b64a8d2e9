/**
 * Rules over an authority document beyond its schema (pure): references to countries, articles and
 * measures that exist, one designation per function, coherent hours and channels. normalizeAuthority
 * trims texts, drops empty values and fills the visibility of every field.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { trimDeep, validator } from '../../../platform/validation.js';
import { AuthorityDocumentSchema, DEFAULT_RESTRICTED, VISIBILITY_FIELDS, type AuthorityDocument, type Visibility, type VisibilityField } from './schema.js';

export interface DirectoryRefs {
  countries: ReadonlySet<string>;
  /** "instrument:article" refs held in the database. */
  articles: ReadonlySet<string>;
  /** Codes of the taxonomy "measure". */
  measures: ReadonlySet<string>;
}

const checkSchema = validator(AuthorityDocumentSchema);

const knownZones = new Map<string, boolean>();

/** Is this an IANA time zone? (Answers are remembered: building a DateTimeFormat is slow, and imports check thousands.) */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  let ok = knownZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (knownZones.size < 10_000) knownZones.set(tz, ok);
  }
  return ok;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The visibility of a field of a document (the default when not set). */
export function visibilityOf(doc: Pick<AuthorityDocument, 'visibility'>, field: VisibilityField): Visibility {
  return doc.visibility?.[field] ?? (DEFAULT_RESTRICTED.has(field) ? 'practitioners' : 'public');
}

/** Every field's visibility, defaults filled in. */
export function fullVisibility(doc: Pick<AuthorityDocument, 'visibility'>): Record<VisibilityField, Visibility> {
  return Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, visibilityOf(doc, f)])) as Record<VisibilityField, Visibility>;
}

/**
 * Check an untrusted value as an authority document. Returns the normalised document, or the issues
 * (each naming its field with a dotted path, e.g. "contacts.0.email").
 */
export function checkAuthority(value: unknown, refs: DirectoryRefs): { ok: true; doc: AuthorityDocument } | { ok: false; issues: FieldIssue[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, issues: [{ field: '(record)', message: 'must be a JSON object' }] };
  // Output-only fields are accepted (an export re-imports) and dropped.
  const { created_at: _c, updated_at: _u, ...rest } = value as Record<string, unknown>;
  const trimmed = trimDeep(rest);
  const shape = checkSchema(trimmed);
  if (!shape.ok) return { ok: false, issues: shape.issues };
  const doc = shape.value;
  const issues: FieldIssue[] = [];
  if (!refs.countries.has(doc.country)) issues.push({ field: 'country', message: `unknown country code ${doc.country}` });
  const codes = new Set<string>();
  doc.functions.forEach((f, i) => {
    if (codes.has(f.code)) issues.push({ field: `functions.${i}.code`, message: `${f.code} is listed twice` });
    codes.add(f.code);
    (f.articles ?? []).forEach((a, j) => {
      if (!refs.articles.has(a)) issues.push({ field: `functions.${i}.articles.${j}`, message: `no article ${a} in the instruments held` });
    });
  });
  if (doc.hours) {
    if (!isTimeZone(doc.hours.time_zone)) issues.push({ field: 'hours.time_zone', message: 'is not an IANA time zone (e.g. Europe/Paris)' });
    doc.hours.weekly.forEach((s, i) => {
      if (s.open === s.close || s.open === '24:00') issues.push({ field: `hours.weekly.${i}.close`, message: 'must differ from the opening time' });
    });
    const days = new Set<string>();
    (doc.hours.exceptions ?? []).forEach((e, i) => {
      if (days.has(e.date)) issues.push({ field: `hours.exceptions.${i}.date`, message: 'is listed twice' });
      days.add(e.date);
      if (!e.closed && (!e.open || !e.close)) issues.push({ field: `hours.exceptions.${i}.open`, message: 'give opening and closing times, or mark the day closed' });
      if (!e.closed && e.open && e.close && minutes(e.open) >= minutes(e.close)) issues.push({ field: `hours.exceptions.${i}.close`, message: 'must be after the opening time' });
    });
  }
  const measures = new Set<string>();
  (doc.requirements ?? []).forEach((r, i) => {
    if (!refs.measures.has(r.measure)) issues.push({ field: `requirements.${i}.measure`, message: `unknown measure code ${r.measure}` });
    if (measures.has(r.measure)) issues.push({ field: `requirements.${i}.measure`, message: `${r.measure} is listed twice` });
    measures.add(r.measure);
    if (r.status === 'conditions' && !r.conditions) issues.push({ field: `requirements.${i}.conditions`, message: 'is required when the status is "conditions"' });
  });
  if (doc.electronic_requests === 'never' && doc.channels?.includes('electronic')) {
    issues.push({ field: 'electronic_requests', message: 'is "never" but channels include electronic' });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, doc: { ...doc, visibility: fullVisibility(doc) } };
}
