/**
 * What every casework service does first: permission somewhere (403 before anything is read), the
 * authorities the actor acts for, the case as the scope shows it (404 when it is not visible), and
 * the reference data the input checks need.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError, ForbiddenError } from '../../platform/http/errors.js';
import { allow, assertAllowedSomewhere, type Action, type Actor } from '../access/index.js';
import { isRequestable, listCountries, listTerms } from '../reference/index.js';
import { getAuthority } from '../directory/index.js';
import type { CaseRefs } from './domain/case-input.js';
import { selectCase, settingsOf, type CaseRow } from './repository/cases.js';
import { withCaseScope } from './repository/scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** The authorities the actor may take the action for; 401/403 when none (nothing read yet). */
export function authoritiesFor(actor: Actor, action: Action): string[] {
  return assertAllowedSomewhere(actor, action).authorities;
}

/** The one authority a new case is for: the one named, or the actor's only one. */
export function chooseAuthority(actor: Actor, action: Action, named: unknown): string {
  const authorities = authoritiesFor(actor, action);
  if (named !== undefined && named !== null && named !== '') {
    if (typeof named !== 'string' || !authorities.includes(named)) throw new ValidationError([{ field: 'authority_id', message: 'is not an authority you act for in casework' }]);
    return named;
  }
  if (authorities.length === 1) return authorities[0]!;
  throw new ValidationError([{ field: 'authority_id', message: `is required: you act for several authorities (${authorities.join(', ')})` }]);
}

/** The case, if the scope shows it; NotFoundError otherwise (another authority's case "does not exist"). */
export async function caseOr404(trx: Transaction<DB>, id: string, forUpdate = false): Promise<CaseRow> {
  const row = isUuid(id) ? await selectCase(trx, id, forUpdate) : undefined;
  if (!row) throw new NotFoundError('No such case');
  return row;
}

/** How the actor stands towards a case they can see: the owner's staff, or an executing authority's. */
export function standing(actor: Actor, row: CaseRow): { owner: boolean; actingAuthorityId: string } | null {
  if (allow(actor, 'casework.read', { authorityId: row.authority_id })) return { owner: true, actingAuthorityId: row.authority_id };
  const exec = row.executing_authority_ids.find((a) => allow(actor, 'casework.read', { authorityId: a }));
  return exec ? { owner: false, actingAuthorityId: exec } : null;
}

/** Refuse a change by someone who may see the case but not take the action on it. */
export function assertOwnerMay(actor: Actor, action: Action, row: CaseRow): void {
  if (!allow(actor, action, { authorityId: row.authority_id, authorId: row.author_id })) throw new ForbiddenError(`You are not allowed to do this (${action})`);
}

/** An edit based on an older version is refused rather than overwriting. */
export function assertVersion(row: CaseRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new ConflictError(`The case was changed by someone else since you opened it (your version ${expected}, now ${row.version}); reload it and apply your change again`);
  }
}

export async function loadCaseRefs(db: Kysely<DB>): Promise<CaseRefs> {
  const [measures, crimes, countries] = await Promise.all([listTerms(db, 'measure'), listTerms(db, 'crime'), listCountries(db)]);
  return { measures: new Set(measures.map((t) => t.code)), crimes: new Set(crimes.map((t) => t.code)), countries: new Set(countries.map((c) => c.iso3)), partners: new Set(countries.filter(isRequestable).map((c) => c.iso3)) };
}

/** The State of an authority: its casework settings, else its directory entry (before the case's transaction). */
export async function countryOf(db: Kysely<DB>, actor: Actor, authorityId: string): Promise<string> {
  const settings = await withCaseScope(db, [authorityId], (trx) => settingsOf(trx, authorityId));
  if (settings) return settings.country;
  try {
    return (await getAuthority(db, actor, authorityId)).doc.country;
  } catch {
    throw new ValidationError([{ field: 'authority_id', message: `authority ${authorityId} has neither casework settings nor a directory entry giving its State` }]);
  }
}

export function actorName(actor: Actor): string | null {
  return actor.name ?? actor.email ?? (actor.via === 'cli' ? 'command line' : null);
}

export const today = (): string => new Date().toISOString().slice(0, 10);
