/**
 * The parts of a case: persons concerned, legal bases, links to other requests. Each change needs
 * casework.edit on the case's authority, bumps the case's version and appends an event.
 */
import type { Kysely, Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.js';
import { validator } from '../../platform/validation.js';
import type { Actor } from '../access/index.js';
import { checkPersonInput, LegalBasisInput, LinkInput } from './domain/case-input.js';
import type { EventType } from './domain/vocabulary.js';
import { appendEvent } from './repository/history.js';
import { deleteLink, deletePerson, insertLink, insertPerson, listLegalBases, replaceLegalBases, updateCase, type CaseRow } from './repository/cases.js';
import { withCaseScope } from './repository/scope.js';
import { actorName, assertOwnerMay, assertVersion, authoritiesFor, caseOr404, isUuid, loadCaseRefs } from './service-context.js';

/** Run a change of a case's parts: scope, permission, version, event. */
async function changeParts(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  fn: (trx: Transaction<DB>, row: CaseRow) => Promise<{ type: EventType; data: Record<string, unknown> } | null>,
): Promise<CaseRow> {
  const authorities = authoritiesFor(actor, 'casework.edit');
  return withCaseScope(db, authorities, async (trx) => {
    const row = await caseOr404(trx, id, true);
    assertOwnerMay(actor, 'casework.edit', row);
    assertVersion(row, expectedVersion);
    if (row.state === 'closed') throw new ConflictError('The case is closed: reopen it before changing it');
    const event = await fn(trx, row);
    if (!event) return row;
    const updated = await updateCase(trx, row.id, row.version, {});
    if (!updated) throw new ConflictError('The case was changed by someone else meanwhile; reload it');
    await appendEvent(trx, { caseId: row.id, ...event, actorId: actor.userId, actorName: actorName(actor), actingAuthorityId: row.authority_id });
    return updated;
  });
}

export async function addPerson(db: Kysely<DB>, actor: Actor, id: string, body: unknown, expectedVersion?: number): Promise<CaseRow> {
  authoritiesFor(actor, 'casework.edit');
  const checked = checkPersonInput(body, await loadCaseRefs(db));
  if (!checked.ok) throw new ValidationError(checked.issues);
  return changeParts(db, actor, id, expectedVersion, async (trx, row) => {
    const personId = await insertPerson(trx, row.id, checked.value);
    return { type: 'person_added', data: { person_id: personId, role: checked.value.role, family_name: checked.value.family_name.trim() } };
  });
}

export async function removePerson(db: Kysely<DB>, actor: Actor, id: string, personId: string, expectedVersion?: number): Promise<CaseRow> {
  return changeParts(db, actor, id, expectedVersion, async (trx, row) => {
    const removed = isUuid(personId) ? await deletePerson(trx, row.id, personId) : undefined;
    if (!removed) throw new NotFoundError('No such person on this case');
    return { type: 'person_removed', data: { person_id: personId, role: removed.role, family_name: removed.family_name } };
  });
}

const checkBases = validator(Type.Array(LegalBasisInput, { maxItems: 20 }));

/** Replace the legal bases (the order given is kept). */
export async function setLegalBases(db: Kysely<DB>, actor: Actor, id: string, body: unknown, expectedVersion?: number): Promise<CaseRow> {
  authoritiesFor(actor, 'casework.edit');
  const checked = checkBases(body, 'legal_bases');
  if (!checked.ok) throw new ValidationError(checked.issues);
  return changeParts(db, actor, id, expectedVersion, async (trx, row) => {
    const before = await listLegalBases(trx, row.id);
    await replaceLegalBases(trx, row.id, checked.value);
    return { type: 'legal_basis_set', data: { before, after: checked.value } };
  });
}

const checkLink = validator(LinkInput);

export async function addLink(db: Kysely<DB>, actor: Actor, id: string, body: unknown, expectedVersion?: number): Promise<CaseRow> {
  authoritiesFor(actor, 'casework.edit');
  const checked = checkLink(body, 'link');
  if (!checked.ok) throw new ValidationError(checked.issues);
  return changeParts(db, actor, id, expectedVersion, async (trx, row) => {
    if (checked.value.other_case_id === row.id) throw new ValidationError([{ field: 'link.other_case_id', message: 'a case is not linked to itself' }]);
    if (!(await insertLink(trx, row.id, checked.value))) throw new ValidationError([{ field: 'link.other_case_id', message: 'no such case of your authority (or already linked)' }]);
    return { type: 'link_added', data: { other_case_id: checked.value.other_case_id, kind: checked.value.kind } };
  });
}

export async function removeLink(db: Kysely<DB>, actor: Actor, id: string, otherCaseId: string, expectedVersion?: number): Promise<CaseRow> {
  return changeParts(db, actor, id, expectedVersion, async (trx, row) => {
    if (!isUuid(otherCaseId) || !(await deleteLink(trx, row.id, otherCaseId))) throw new NotFoundError('No such link on this case');
    return { type: 'link_removed', data: { other_case_id: otherCaseId } };
  });
}
