/**
 * Rules over a provider document beyond its schema (pure): a known country, one entry per data
 * category, a retention for each category held. checkProvider trims texts, drops empty values and
 * fills the visibility of every field.
 */
import type { FieldIssue } from '../../../platform/http/errors.js';
import { trimDeep, validator } from '../../../platform/validation.js';
import { DEFAULT_RESTRICTED, ProviderDocumentSchema, VISIBILITY_FIELDS, type ProviderDocument, type Visibility, type VisibilityField } from './schema.js';

const checkSchema = validator(ProviderDocumentSchema);

/** The visibility of a field of a document (the default when not set). */
export function visibilityOf(doc: Pick<ProviderDocument, 'visibility'>, field: VisibilityField): Visibility {
  return doc.visibility?.[field] ?? (DEFAULT_RESTRICTED.has(field) ? 'practitioners' : 'public');
}

/**
 * Check an untrusted value as a provider document. Returns the normalised document, or the issues
 * (each naming its field with a dotted path, e.g. "data.1.category").
 */
export function checkProvider(value: unknown, countries: ReadonlySet<string>): { ok: true; doc: ProviderDocument } | { ok: false; issues: FieldIssue[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, issues: [{ field: '(record)', message: 'must be a JSON object' }] };
  const shape = checkSchema(trimDeep(value));
  if (!shape.ok) return { ok: false, issues: shape.issues };
  const doc = shape.value;
  const issues: FieldIssue[] = [];
  if (!countries.has(doc.country)) issues.push({ field: 'country', message: `unknown country code ${doc.country}` });
  const seen = new Set<string>();
  (doc.data ?? []).forEach((d, i) => {
    if (seen.has(d.category)) issues.push({ field: `data.${i}.category`, message: `${d.category} is listed twice` });
    seen.add(d.category);
    if (d.retention_days === undefined && !d.retention) issues.push({ field: `data.${i}.retention_days`, message: 'say how long this data is kept (retention_days or retention)' });
  });
  if (issues.length) return { ok: false, issues };
  const visibility = Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, visibilityOf(doc, f)])) as Record<VisibilityField, Visibility>;
  return { ok: true, doc: { ...doc, visibility } };
}
