/**
 * Writing the live (published) providers: the row and its search texts from a checked document, and
 * the documents as read back (with their verification date).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { contentHash } from '../knowledge/index.js';
import { listCountries } from '../reference/index.js';
import { visibilityOf } from './domain/checks.js';
import type { ProviderDocument } from './domain/schema.js';
import { announceProviderChanges } from './changes.js';
import { upsertProvider, type LiveProvider } from './repository.js';

/** The known country codes documents are checked against. */
export async function countryCodes(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await listCountries(db)).map((c) => c.iso3));
}

/** The content of a document that the workflow and the content hash see (no verification). */
export function contentOf(doc: ProviderDocument): ProviderDocument {
  const { verified: _v, ...content } = doc;
  return content;
}

export function providerHash(doc: ProviderDocument): string {
  return contentHash(contentOf(doc));
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Lower-cased search texts: names, services and public fields; and with every field. */
function searchTexts(doc: ProviderDocument): { search_public: string; search_full: string } {
  const always = [...Object.values(doc.names), doc.id, ...doc.services, doc.website ?? ''];
  const fields = ['legal_entity', 'languages', 'notes'] as const;
  const pub = fields.filter((f) => visibilityOf(doc, f) === 'public').flatMap((f) => texts(doc[f]));
  const all = fields.flatMap((f) => texts(doc[f]));
  const norm = (parts: string[]) => parts.filter(Boolean).join(' | ').toLocaleLowerCase('en').slice(0, 100_000);
  return { search_public: norm([...always, ...pub]), search_full: norm([...always, ...all]) };
}

/** Write one checked document as the live provider (insert or replace); `verifiedOn` records a curator's publication. */
export async function writeLiveProvider(db: Kysely<DB>, doc: ProviderDocument, options: { demo: boolean; verifiedOn?: string }): Promise<void> {
  const content = { ...contentOf(doc), ...(options.demo ? { demo: true } : {}) };
  if (!options.demo) delete content.demo;
  await upsertProvider(db, {
    document: content,
    name_sort: (content.names.en ?? Object.values(content.names)[0] ?? content.id).toLocaleLowerCase('en').slice(0, 300),
    data_categories_public: visibilityOf(content, 'data') === 'public' ? (content.data ?? []).map((d) => d.category) : [],
    ...searchTexts(content),
    demo: options.demo,
    content_hash: providerHash(content),
    ...(options.verifiedOn ? { verified_on: options.verifiedOn } : {}),
  });
  await announceProviderChanges(db, [content.id]);
}

/** The full document of a live provider as stored, with its verification date. */
export function documentOf(row: LiveProvider): ProviderDocument {
  return { ...row.document, ...(row.verified_on ? { verified: { on: row.verified_on } } : {}) };
}
