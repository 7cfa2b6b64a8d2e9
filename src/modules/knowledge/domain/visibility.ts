/**
 * The rule "published and visible to this reader", for knowledge content, defined once. Pure.
 *
 * Public read paths (portal pages, the JSON API, search, exports, instrument and country pages,
 * the directory's links to entries) serve every reader the same content, signed in or not:
 * - a language version is visible when its status is "published" (drafts, versions in review and
 *   archived versions are seen only in the editor, through the workflow);
 * - an entry is visible when at least one of its language versions is visible; an entry without
 *   one does not exist for the reader (404, absent from lists, counts, search and exports).
 * Demonstration content (demo: true) is visible and labelled as such by the pages.
 * The SQL form of the same rule is repository/visibility.ts; both are exported by the module's index.
 */
import type { EntryDocument, EntryText } from './schemas.js';

/** The status of a language version the public sees. */
export const PUBLIC_STATUS = 'published' as const;

/** A stored language version without a status (older records) counts as published, as on import. */
export function isVisibleText(text: Pick<EntryText, 'status'>): boolean {
  return (text.status ?? PUBLIC_STATUS) === PUBLIC_STATUS;
}

/** The entry as the public sees it (visible language versions only), or undefined when none is visible. */
export function visibleDocument<T extends EntryDocument>(doc: T): T | undefined {
  const texts = Object.fromEntries(Object.entries(doc.texts).filter(([, t]) => isVisibleText(t)));
  return Object.keys(texts).length ? { ...doc, texts } : undefined;
}
