/**
 * THE rule of what a reader sees of an authority. Every read path (pages, API, lookup, exports,
 * book, search snippets) passes documents through visibleAuthority before using them.
 */
import { type Actor, allow } from '../../access/index.js';
import { visibilityOf } from './checks.js';
import { VISIBILITY_FIELDS, type AuthorityDocument } from './schema.js';

/** What the reader may see: practitioners-only fields or not. */
export interface DirectoryViewer {
  restricted: boolean;
}

export const PUBLIC_VIEWER: DirectoryViewer = Object.freeze({ restricted: false });

/** The viewer of an actor: registered practitioners (and roles above) read practitioners-only fields; API tokens need the scope. */
export function viewerOf(actor: Actor): DirectoryViewer {
  return { restricted: allow(actor, 'directory.read_restricted') };
}

/** The document as this viewer may see it: practitioners-only fields (and the verifier's name) removed for others. */
export function visibleAuthority(doc: AuthorityDocument, viewer: DirectoryViewer): AuthorityDocument {
  if (viewer.restricted) return doc;
  const out: Record<string, unknown> = { ...doc };
  for (const field of VISIBILITY_FIELDS) if (visibilityOf(doc, field) === 'practitioners') delete out[field];
  if (doc.verified) out.verified = { on: doc.verified.on };
  return out as AuthorityDocument;
}
