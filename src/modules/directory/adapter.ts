/**
 * The workflow adapter for directory authorities (subject type "authority").
 *
 * Parts: one part "*" holds the whole authority document. An authority is mostly language-neutral
 * contact data whose multilingual texts (names, urgent procedure, conditions per measure) are short
 * and spread over many fields; a change (a new phone number, its label, the conditions in two
 * languages) is reviewed and published as one decision, and per-field visibility applies to the field
 * in every language at once. One part keeps four-eyes and the history (dotted-path diffs) simple.
 *
 * The authority's country is fixed by its live row, or by its first revision: a focal point of another
 * country can neither take over a draft nor move an authority (validate refuses a country change).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { resolveId } from '../knowledge/index.js';
import { latestRevision, type WorkflowAdapter } from '../workflow/index.js';
import { checkAuthority } from './domain/checks.js';
import type { AuthorityDocument } from './domain/schema.js';
import { contentOf, loadDirectoryRefs, writeLive } from './live.js';
import { selectAuthorities, updateState } from './repository.js';

export const AUTHORITY_PART = '*';

async function liveRow(db: Kysely<DB>, id: string) {
  return (await selectAuthorities(db, [id], { publishedOnly: false }))[0];
}

/** The country named by a revision's document, if any. */
function draftCountry(document: unknown): string | undefined {
  const country = document && typeof document === 'object' ? (document as { country?: unknown }).country : undefined;
  return typeof country === 'string' ? country : undefined;
}

/** The country an authority belongs to: its live row, else its revisions; undefined for a new one. */
export async function authorityCountry(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await liveRow(db, id))?.country ?? draftCountry((await latestRevision(db, 'authority', id))?.document);
}

/** Ids of laws or legislation entries that do not exist in the portal. */
export async function unknownLaws(db: Kysely<DB>, doc: AuthorityDocument): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const laws = doc.laws ?? [];
  const kinds = await Promise.all(laws.map((id) => resolveId(db, id)));
  laws.forEach((id, i) => {
    const kind = kinds[i];
    if (kind !== 'law' && kind !== 'legislation') issues.push({ field: `laws.${i}`, message: `no law or legislation extract "${id}" in the portal` });
  });
  return issues;
}

export const authorityAdapter: WorkflowAdapter = {
  type: 'authority',
  actions: { create: 'directory.create', edit: 'directory.edit', review: 'directory.review', publish: 'directory.publish', archive: 'directory.archive' },

  async resource(db, subjectId, _part, document) {
    const fixed = await authorityCountry(db, subjectId);
    const proposed = (document as { country?: unknown } | undefined)?.country;
    return { country: fixed ?? (typeof proposed === 'string' ? proposed : null), authorityId: subjectId };
  },

  async validate(db, subjectId, part, document) {
    if (part !== AUTHORITY_PART) throw new ValidationError([{ field: 'part', message: 'authorities have one part, "*"' }]);
    const input = document && typeof document === 'object' && !Array.isArray(document) ? { ...(document as Record<string, unknown>) } : document;
    if (input && typeof input === 'object') {
      const rec = input as Record<string, unknown>;
      rec.id ??= subjectId;
      // Verification and demo status are not edited through drafts.
      delete rec.verified;
      delete rec.demo;
    }
    const checked = checkAuthority(input, await loadDirectoryRefs(db));
    if (!checked.ok) throw new ValidationError(checked.issues);
    const doc = checked.doc;
    const issues: FieldIssue[] = [];
    if (doc.id !== subjectId) issues.push({ field: 'id', message: `must be ${subjectId}` });
    const fixed = await authorityCountry(db, subjectId);
    if (fixed && fixed !== doc.country) issues.push({ field: 'country', message: `the authority belongs to ${fixed}; it cannot move to another State (create a new authority)` });
    issues.push(...(await unknownLaws(db, doc)));
    if (issues.length) throw new ValidationError(issues);
    return doc;
  },

  async live(db, subjectId) {
    const row = await liveRow(db, subjectId);
    return row ? contentOf(row.document) : undefined;
  },

  async publish(trx, subjectId, _part, document) {
    const row = await liveRow(trx, subjectId);
    // Who published is recorded as the verification by the caller (publishRevision), which knows the actor.
    await writeLive(trx, document as AuthorityDocument, { origin: 'editor', demo: row?.demo ?? false });
  },

  async archive(trx, subjectId) {
    await updateState(trx, subjectId, 'archived');
  },
};
