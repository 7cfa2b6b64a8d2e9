/**
 * Whether saving a record would change what is stored. Compared as the table rows the record would
 * become, without bookkeeping (timestamps, origin, hash), so that an exported document — which states
 * derived values such as the primary date, "status": "published" and empty lists — re-imports as
 * "unchanged". Provisions or parties a treaty record leaves out are kept as they are, so they are not
 * compared. Pure.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../domain/canonical.js';
import type { EntryDocument, LawDocument } from '../domain/schemas.js';
import { entryToRows, lawToRows } from './rows.js';

const EPOCH = new Date(0);
const byKey = (key: (x: Record<string, unknown>) => string) => (a: Record<string, unknown>, b: Record<string, unknown>) => key(a).localeCompare(key(b));

function entryRows(doc: EntryDocument, derivedDate: string | null, keep: { provisions: boolean; parties: boolean }) {
  const r = entryToRows(doc, { origin: 'import', hash: '', lawDate: derivedDate, now: EPOCH });
  const { content_hash: _h, origin: _o, created_at: _c, updated_at: _u, ...entry } = r.entry;
  return {
    entry,
    texts: r.texts.map(({ updated_at: _t, ...t }) => t as Record<string, unknown>).sort(byKey((t) => String(t.lang))),
    detail: r.legislation ?? r.case ?? r.treaty ?? r.strategy,
    articles: r.articles.map((a) => `${a.treaty_id}:${a.number}`).sort(),
    terms: r.terms.map((t) => `${t.taxonomy}:${t.code}`).sort(),
    countries: r.countries.map((c) => c.country).sort(),
    provisions: keep.provisions ? r.provisions : undefined,
    parties: keep.parties ? r.parties?.map(({ updated_at: _t, ...p }) => p as Record<string, unknown>).sort(byKey((p) => String(p.country))) : undefined,
  };
}

export function sameEntry(record: EntryDocument, stored: EntryDocument): boolean {
  if (record.type !== stored.type) return false;
  const keep = { provisions: record.type === 'treaty' && !!record.provisions, parties: record.type === 'treaty' && !!record.parties };
  // A record without a date takes the one derived from its law (legislation): the stored one.
  return canonicalJson(entryRows(record, stored.date ?? null, keep)) === canonicalJson(entryRows(stored, stored.date ?? null, keep));
}

function attachmentId(doc: LawDocument): string | null {
  const a = doc.attachment;
  if (!a) return null;
  if (a.content_base64) return crypto.createHash('sha256').update(Buffer.from(a.content_base64, 'base64')).digest('hex');
  return a.id ?? null;
}

export function sameLaw(record: LawDocument, stored: LawDocument): boolean {
  const rows = (doc: LawDocument) => {
    const r = lawToRows(doc, { origin: 'import', hash: '', attachmentId: attachmentId(doc), now: EPOCH });
    const { content_hash: _h, origin: _o, created_at: _c, updated_at: _u, ...law } = r.law;
    return { law, texts: [...r.texts].sort((a, b) => String(a.lang).localeCompare(String(b.lang))) };
  };
  return canonicalJson(rows(record)) === canonicalJson(rows(stored));
}

/**
 * The record with the stored language versions that are not published (drafts, versions in review,
 * archived ones) and that the record does not mention: an import never deletes editorial work in
 * progress. Published versions missing from the record are removed, as the record says.
 */
export function keepUnpublished(record: EntryDocument, stored: EntryDocument): EntryDocument {
  const kept = Object.entries(stored.texts).filter(([lang, t]) => t.status && t.status !== 'published' && !(lang in record.texts));
  return kept.length ? ({ ...record, texts: { ...record.texts, ...Object.fromEntries(kept) } } as EntryDocument) : record;
}
