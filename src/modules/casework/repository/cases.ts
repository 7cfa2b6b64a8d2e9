/**
 * SQL of cases and their parts (persons, legal bases, links), reference counters and the access log.
 * Every function takes the caller's scoped transaction (withCaseScope): row-level security applies.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { json } from '../../../platform/db/types.js';
import type { CasePersonsTable, CasesTable } from '../tables.js';
import type { Direction } from '../domain/vocabulary.js';
import type { LegalBasisInput, LinkInput, PersonInput } from '../domain/case-input.js';

export type CaseRow = Selectable<CasesTable>;
export type PersonRow = Selectable<CasePersonsTable>;

/** Dates as ISO strings and timestamps as Date, whatever the driver gives. */
const DATE_COLS = ['partner_deadline', 'received_on', 'sent_on', 'executed_on', 'closed_on', 'postponed_until'] as const;
function isoDate(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
function normalise(row: CaseRow): CaseRow {
  const out = { ...row } as Record<string, unknown>;
  for (const c of DATE_COLS) out[c] = isoDate(out[c]);
  return out as CaseRow;
}

export async function insertCase(trx: Transaction<DB>, values: Insertable<CasesTable>): Promise<string> {
  const row = await trx.insertInto('casework_cases').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function selectCase(trx: Transaction<DB>, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  let q = trx.selectFrom('casework_cases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** Apply changes and bump the version (updated_at: now unless the changes give it); undefined when the version is no longer `expectedVersion`. */
export async function updateCase(trx: Transaction<DB>, id: string, expectedVersion: number, changes: Updateable<CasesTable>): Promise<CaseRow | undefined> {
  const row = await trx
    .updateTable('casework_cases')
    .set({ updated_at: new Date(), ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function settingsOf(trx: Transaction<DB>, authorityId: string) {
  return trx.selectFrom('casework_settings').select(['country', 'incoming_pattern', 'outgoing_pattern']).where('authority_id', '=', authorityId).executeTakeFirst();
}

/**
 * The next number of the authority's sequence for the direction and year. INSERT ... ON CONFLICT DO
 * UPDATE takes the counter row's lock until the transaction ends: concurrent registrations queue, and
 * a rolled-back registration gives its number back (unique and gap-free).
 */
export async function nextReferenceNumber(trx: Transaction<DB>, authorityId: string, direction: Direction, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_reference_counters')
    .values({ authority_id: authorityId, direction, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['authority_id', 'direction', 'year']).doUpdateSet({ last_number: sql<number>`case_reference_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function referenceTaken(trx: Transaction<DB>, authorityId: string, reference: string): Promise<boolean> {
  return !!(await trx.selectFrom('casework_cases').select('id').where('authority_id', '=', authorityId).where('reference', '=', reference).executeTakeFirst());
}

export async function insertPerson(trx: Transaction<DB>, caseId: string, p: PersonInput): Promise<string> {
  const row = await trx
    .insertInto('case_persons')
    .values({
      case_id: caseId,
      role: p.role,
      family_name: p.family_name.trim(),
      given_names: (p.given_names ?? '').trim(),
      birth_date: p.birth_date ?? null,
      nationalities: p.nationalities ?? [],
      identity_documents: json(p.identity_documents ?? []),
      note: p.note ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePerson(trx: Transaction<DB>, caseId: string, personId: string): Promise<PersonRow | undefined> {
  const row = await trx.deleteFrom('case_persons').where('case_id', '=', caseId).where('id', '=', personId).returningAll().executeTakeFirst();
  return row ? { ...row, birth_date: isoDate(row.birth_date) } : undefined;
}

export async function listPersons(trx: Transaction<DB>, caseId: string): Promise<PersonRow[]> {
  const rows = await trx.selectFrom('case_persons').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, birth_date: isoDate(r.birth_date) }));
}

/** Replace the legal bases of a case with the given list (positions in order). */
export async function replaceLegalBases(trx: Transaction<DB>, caseId: string, bases: readonly LegalBasisInput[]): Promise<void> {
  await trx.deleteFrom('case_legal_bases').where('case_id', '=', caseId).execute();
  if (!bases.length) return;
  await trx
    .insertInto('case_legal_bases')
    .values(bases.map((b, position) => ({ case_id: caseId, position, basis: b.basis, instrument_id: b.instrument_id ?? null, article: b.article ?? null, note: b.note ?? '' })))
    .execute();
}

export async function listLegalBases(trx: Transaction<DB>, caseId: string) {
  return trx.selectFrom('case_legal_bases').select(['position', 'basis', 'instrument_id', 'article', 'note']).where('case_id', '=', caseId).orderBy('position').execute();
}

/** Insert a link; false when the other case is not visible (another authority's) or the link exists. */
export async function insertLink(trx: Transaction<DB>, caseId: string, link: LinkInput): Promise<boolean> {
  const other = await trx.selectFrom('casework_cases').select('id').where('id', '=', link.other_case_id).executeTakeFirst();
  if (!other) return false;
  const row = await trx
    .insertInto('case_links')
    .values({ case_id: caseId, other_case_id: link.other_case_id, kind: link.kind })
    .onConflict((oc) => oc.columns(['case_id', 'other_case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return !!row;
}

export async function deleteLink(trx: Transaction<DB>, caseId: string, otherCaseId: string): Promise<boolean> {
  const row = await trx.deleteFrom('case_links').where('case_id', '=', caseId).where('other_case_id', '=', otherCaseId).returning('kind').executeTakeFirst();
  return !!row;
}

/** Links of a case in both directions, with the other case's reference and title (visible ones only). */
export async function listLinks(trx: Transaction<DB>, caseId: string) {
  const out = await trx
    .selectFrom('case_links as l')
    .innerJoin('casework_cases as c', 'c.id', 'l.other_case_id')
    .select(['l.other_case_id', 'l.kind', 'c.reference', 'c.title', 'c.direction', sql<boolean>`false`.as('inverse')])
    .where('l.case_id', '=', caseId)
    .execute();
  const back = await trx
    .selectFrom('case_links as l')
    .innerJoin('casework_cases as c', 'c.id', 'l.case_id')
    .select(['l.case_id as other_case_id', 'l.kind', 'c.reference', 'c.title', 'c.direction', sql<boolean>`true`.as('inverse')])
    .where('l.other_case_id', '=', caseId)
    .execute();
  return [...out, ...back];
}

/** Executing authorities' tracks visible in the scope (an executing authority sees only its own). */
export async function listTracks(trx: Transaction<DB>, caseId: string) {
  return trx
    .selectFrom('case_executions')
    .select(['id', 'executing_authority_id', 'executing_name', 'state', 'their_reference', 'due_on'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function logAccess(trx: Transaction<DB>, caseId: string, userId: string | null, authorityId: string | null, action: 'open' | 'download' | 'export'): Promise<void> {
  await trx.insertInto('case_access_log').values({ case_id: caseId, user_id: userId, acting_authority_id: authorityId, action }).execute();
}

/**
 * The authorities that own cases, for `palermo casework verify` without --authority. The one casework
 * statement outside withCaseScope: it runs as the installation's own role (the command line acts for
 * the whole installation) and reads only owner ids, never case data.
 */
export async function caseOwnerAuthorities(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('casework_cases').select('authority_id').distinct().orderBy('authority_id').execute()).map((r) => r.authority_id);
}

/** What other modules may show of cases the scope lets the reader see (their links to a case). */
export async function selectCaseGlimpses(trx: Transaction<DB>, ids: readonly string[]) {
  if (!ids.length) return [];
  return trx.selectFrom('casework_cases').select(['id', 'authority_id', 'executing_authority_ids', 'direction', 'kind', 'state', 'reference', 'title']).where('id', 'in', [...ids]).execute();
}

/** A case of one of the authorities by its reference (unique per authority). */
export async function selectCaseIdByReference(trx: Transaction<DB>, authorityIds: readonly string[], reference: string): Promise<string | undefined> {
  if (!authorityIds.length) return undefined;
  return (await trx.selectFrom('casework_cases').select('id').where('authority_id', 'in', [...authorityIds]).where('reference', '=', reference).executeTakeFirst())?.id;
}
