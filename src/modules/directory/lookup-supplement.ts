/**
 * The "which authority" lookup may show more than the directory knows: the legal basis between the
 * requesting and the requested State. The legalbasis module (which reads the directory, so the
 * directory cannot import it) supplies it when the modules are wired (its subscribe hook), as
 * reference supplies knowledge's codes.
 */
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { DB } from '../../platform/db/schema.js';
import type { FieldIssue } from '../../platform/http/errors.js';
import type { PageContext } from '../../platform/web/page.js';
import type { Actor } from '../access/index.js';

export interface LookupSupplementInput {
  /** Requesting State as typed (checked by the supplier). */
  from: string;
  /** Requested State (already checked by the lookup). */
  to: string;
  /** The lookup's request: a function code or a measure code. */
  request: string;
  /** The day asked (YYYY-MM-DD, checked by the lookup); today when absent. */
  on?: string | undefined;
}

export type LookupSupplement = (db: Kysely<DB>, actor: Actor, ctx: PageContext, input: LookupSupplementInput) => Promise<{ node: VNode } | { issues: FieldIssue[] }>;

let supplier: LookupSupplement | undefined;

export function provideLookupSupplement(fn: LookupSupplement): void {
  supplier = fn;
}

export function lookupSupplement(): LookupSupplement | undefined {
  return supplier;
}
