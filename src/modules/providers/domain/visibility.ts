/**
 * THE rule of what a reader sees of a service provider. Every read path (pages, API, the hub)
 * passes documents through visibleProvider before using them.
 */
import { type Actor, allow } from '../../access/index.js';
import { visibilityOf } from './checks.js';
import { VISIBILITY_FIELDS, type ProviderDocument } from './schema.js';

/** What the reader may see: practitioners-only fields or not. */
export interface ProviderViewer {
  restricted: boolean;
}

export const PUBLIC_VIEWER: ProviderViewer = Object.freeze({ restricted: false });

/** Registered practitioners (and roles above) read practitioners-only fields; API tokens need the scope. */
export function viewerOf(actor: Actor): ProviderViewer {
  return { restricted: allow(actor, 'providers.read_restricted') };
}

/** The document as this viewer may see it: practitioners-only fields and the emergency contact removed for others. */
export function visibleProvider(doc: ProviderDocument, viewer: ProviderViewer): ProviderDocument {
  if (viewer.restricted) return doc;
  const out: Record<string, unknown> = { ...doc };
  delete out.emergency_contact;
  for (const field of VISIBILITY_FIELDS) if (visibilityOf(doc, field) === 'practitioners') delete out[field];
  return out as ProviderDocument;
}

/** Does the full document hold anything this viewer does not see? */
export function hasRestricted(doc: ProviderDocument): boolean {
  return doc.emergency_contact !== undefined || VISIBILITY_FIELDS.some((f) => doc[f] !== undefined && visibilityOf(doc, f) === 'practitioners');
}
