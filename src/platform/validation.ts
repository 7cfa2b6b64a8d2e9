import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { FieldIssue } from './http/errors.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

interface RawError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** A key as a segment of a field path: the empty key (valid JSON) is named `""` so that no field is nameless. */
function segment(key: string): string {
  return key === '' ? '""' : key;
}

function fieldOf(instancePath: string): string {
  if (!instancePath) return '';
  return instancePath.replace(/^\//, '').split('/').map((p) => segment(p.replace(/~1/g, '/').replace(/~0/g, '~'))).join('.');
}

/** Readable issues from TypeBox errors: one per field, naming the field. */
export function issuesFromErrors(errors: Iterable<RawError>, prefix = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  const all = [...errors];
  // A key refused by `additionalProperties: false` gives a "boolean" error ("schema is false"), mostly
  // beside an "additionalProperties" error naming the same key; records with key patterns give only the
  // "boolean" one. Read them last, so each such key is named once either way.
  for (const e of [...all.filter((x) => x.keyword !== 'boolean'), ...all.filter((x) => x.keyword === 'boolean')]) {
    if (e.keyword === 'boolean') {
      const f = [prefix, fieldOf(e.instancePath)].filter(Boolean).join('.') || prefix || '(value)';
      if (!seen.has(f)) {
        seen.add(f);
        out.push({ field: f, message: 'is not a known field' });
      }
      continue;
    }
    let field = fieldOf(e.instancePath);
    let message = e.message;
    if (e.keyword === 'required') {
      const missing = e.params.requiredProperties ?? e.params.missingProperty;
      const names = Array.isArray(missing) ? missing : [missing];
      for (const name of names) {
        const f = [prefix, field, segment(String(name))].filter(Boolean).join('.');
        if (!seen.has(f)) {
          seen.add(f);
          out.push({ field: f, message: 'is required' });
        }
      }
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const extra = e.params.additionalProperties;
      for (const name of Array.isArray(extra) ? extra : [extra]) {
        const f = [prefix, field, segment(String(name))].filter(Boolean).join('.');
        if (!seen.has(f)) {
          seen.add(f);
          out.push({ field: f, message: 'is not a known field' });
        }
      }
      continue;
    }
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) message = `must be one of: ${e.params.allowedValues.join(', ')}`;
    if (e.keyword === 'const' && 'allowedValue' in e.params) message = `must be ${JSON.stringify(e.params.allowedValue)}`;
    if (e.keyword === 'pattern') message = `has an invalid format (expected ${String(e.params.pattern)})`;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') message = 'does not match any allowed form';
    field = [prefix, field].filter(Boolean).join('.') || prefix || '(value)';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message });
  }
  return out;
}

/**
 * The fields of a JSON-like value whose text contains U+0000, which PostgreSQL cannot store in
 * text or jsonb: refused as bad input (a 400 naming the field) rather than failing in the database.
 */
export function nulCharacterIssues(value: unknown, prefix = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out.push({ field: path || 'value', message: 'must not contain the NUL character (U+0000)' });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i)));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) out.push({ field: path || 'value', message: 'must not contain the NUL character (U+0000)' });
        else walk(x, path ? `${path}.${segment(k)}` : segment(k));
      }
    }
  };
  walk(value, prefix);
  return out;
}

/** A compiled validator for a TypeBox schema (text containing U+0000 is refused too). */
export function validator<S extends TSchema>(schema: S): (value: unknown, prefix?: string) => Validated<Static<S>> {
  const compiled = Compile(schema);
  return (value, prefix) => {
    if (!compiled.Check(value)) return { ok: false, issues: issuesFromErrors(compiled.Errors(value) as Iterable<RawError>, prefix) };
    const nul = nulCharacterIssues(value, prefix);
    return nul.length ? { ok: false, issues: nul } : { ok: true, value: value as Static<S> };
  };
}

/** Texts trimmed (line ends normalised), empty strings, nulls and empty results dropped, deeply: the normal form of a submitted document. */
export function trimDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (Array.isArray(value)) return value.map(trimDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = trimDeep(v);
      if (t === '' || t === undefined || t === null) continue;
      out[k] = t;
    }
    return out;
  }
  return value;
}
