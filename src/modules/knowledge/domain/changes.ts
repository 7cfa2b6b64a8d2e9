/**
 * What the knowledge module announces when entries change (topic ENTRIES_CHANGED, changes.ts): the
 * canonical documents as the public sees them, with what describes them from elsewhere in the
 * module (the law of an extract, the instrument articles an entry is tagged with). Modules that keep
 * data derived from entries (search) build it from this, never from the knowledge tables. Pure types.
 */
import type { EntryDocument } from './schemas.js';

/** An instrument article an entry is tagged with, as stored now. */
export interface TaggedArticle {
  /** "treaty:number", e.g. "untoc:18". */
  ref: string;
  treatyId: string;
  number: string;
  /** The article's heading by language. */
  titles: Record<string, string>;
  /** "taxonomy:code" of the article's terms. */
  terms: string[];
  /** The short name of the article's instrument (e.g. "UNTOC"), if any. */
  instrument: string | null;
}

/** One visible entry (domain/visibility.ts). */
export interface PublishedEntry {
  /** The canonical document with its visible language versions only. */
  document: EntryDocument;
  /** Legislation: the law it is an extract of. */
  law?: { citation: string | null; titles: Record<string, string> };
  /** The instrument articles the entry is tagged with (those that exist), in ref order. */
  articles: TaggedArticle[];
}

export interface EntriesChanged {
  /** Entries that were created or changed and are visible. */
  changed: PublishedEntry[];
  /** Ids of entries that were deleted or are no longer visible. */
  removed: string[];
}
