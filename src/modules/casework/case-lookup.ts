/**
 * For modules that refer to casework cases without holding their data (joint investigation team
 * workspaces): which cases a reader may see, read under the reader's row-level security scope, and a
 * case of the reader's own authorities found by its id or its reference. Nothing here logs a case
 * access: only the reference and title are given, to the readers casework already shows them to.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { allow, scopeOf, type Actor } from '../access/index.js';
import type { CaseKind, CaseState, Direction } from './domain/vocabulary.js';
import { selectCaseGlimpses, selectCaseIdByReference } from './repository/cases.js';
import { withCaseScope } from './repository/scope.js';
import { isUuid } from './service-context.js';

export interface CaseGlimpse {
  id: string;
  /** The authority that owns the case. */
  authorityId: string;
  direction: Direction;
  kind: CaseKind;
  state: CaseState;
  reference: string | null;
  title: string;
  /** The reader works for the owner (else for an executing authority). */
  owner: boolean;
}

/** The cases among `ids` the actor may see in casework (as its owner or as an executing authority), by id. */
export async function visibleCases(db: Kysely<DB>, actor: Actor, ids: readonly string[]): Promise<Map<string, CaseGlimpse>> {
  const authorities = scopeOf(actor, 'casework.read').authorities;
  const wanted = [...new Set(ids.filter(isUuid))];
  const out = new Map<string, CaseGlimpse>();
  if (!authorities.length || !wanted.length) return out;
  const rows = await withCaseScope(db, authorities, (trx) => selectCaseGlimpses(trx, wanted));
  for (const r of rows) {
    const owner = allow(actor, 'casework.read', { authorityId: r.authority_id });
    if (!owner && !r.executing_authority_ids.some((a) => allow(actor, 'casework.read', { authorityId: a }))) continue;
    out.set(r.id, { id: r.id, authorityId: r.authority_id, direction: r.direction, kind: r.kind, state: r.state, reference: r.reference, title: r.title, owner });
  }
  return out;
}

/**
 * A case owned by one of `authorityIds` (those the actor acts for in casework), named by its id or its
 * reference; undefined when there is none the actor may read as owner (another authority's case is
 * not told apart from no case).
 */
export async function ownCase(db: Kysely<DB>, actor: Actor, idOrReference: string, authorityIds: readonly string[]): Promise<CaseGlimpse | undefined> {
  const own = scopeOf(actor, 'casework.read').authorities.filter((a) => authorityIds.includes(a));
  if (!own.length || !idOrReference) return undefined;
  const id = isUuid(idOrReference) ? idOrReference : await withCaseScope(db, own, (trx) => selectCaseIdByReference(trx, own, idOrReference));
  if (!id) return undefined;
  const found = (await visibleCases(db, actor, [id])).get(id);
  return found && found.owner && own.includes(found.authorityId) ? found : undefined;
}
