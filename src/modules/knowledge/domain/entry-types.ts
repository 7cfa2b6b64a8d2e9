import type { EntryType } from '../tables.js';

export const ENTRY_TYPES: readonly EntryType[] = ['legislation', 'case', 'treaty', 'strategy'];

/** URL segment of each database, for pages (/{lang}/{segment}/{id}) and the API (/api/v1/{segment}/{id}). */
export const ENTRY_PATH: Record<EntryType, string> = {
  legislation: 'legislation',
  case: 'cases',
  treaty: 'treaties',
  strategy: 'strategies',
};

export function isEntryType(value: unknown): value is EntryType {
  return typeof value === 'string' && (ENTRY_TYPES as readonly string[]).includes(value);
}

/** Path of an entry page under a language prefix: entryPath('case', 'x') = "/cases/x". */
export function entryPath(type: EntryType, id: string): string {
  return `/${ENTRY_PATH[type]}/${encodeURIComponent(id)}`;
}

export function lawPath(id: string): string {
  return `/laws/${encodeURIComponent(id)}`;
}

/** Split "untoc:18" into its instrument and article number. */
export function parseArticleRef(ref: string): { treatyId: string; number: string } {
  const i = ref.lastIndexOf(':');
  return { treatyId: ref.slice(0, i), number: ref.slice(i + 1) };
}

export function articleRef(treatyId: string, number: string): string {
  return `${treatyId}:${number}`;
}
