import crypto from 'node:crypto';

/** JSON with sorted keys and without undefined/null members: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || v === null) continue;
      out[key] = sortDeep(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 of a document's content, ignoring bookkeeping timestamps. */
export function contentHash(doc: object): string {
  const { created_at: _c, updated_at: _u, ...content } = doc as Record<string, unknown>;
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}
