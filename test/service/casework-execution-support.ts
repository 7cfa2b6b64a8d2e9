/**
 * The world of the casework execution tests: a central authority and two executing authorities of
 * one State in the directory, another central authority, their officers and supervisors, and cases
 * inserted directly (as in casework-scope.test.ts; the case services are built elsewhere).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { appendEvent } from '../../src/modules/casework/repository/history.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import type { CaseState } from '../../src/modules/casework/domain/vocabulary.js';
import { anAuthority } from '../factories/directory.js';
import { aUser, type TestUser } from '../factories/users.js';

export interface ExecutionWorld {
  central: string;
  exec1: string;
  exec2: string;
  other: string;
  officer: TestUser;
  officer2: TestUser;
  supervisor: TestUser;
  exec1Officer: TestUser;
  exec2Officer: TestUser;
  otherOfficer: TestUser;
  practitioner: TestUser;
}

export async function executionWorld(db: Kysely<DB>): Promise<ExecutionWorld> {
  const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'FRA' }), anAuthority({ country: 'FRA' }), anAuthority({ country: 'FRA' })];
  const bytes = async function* () {
    yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'), 'utf8');
  };
  await importAuthorities(db, { actor: CLI_ACTOR }, 'jsonl', bytes);
  const [central, exec1, exec2, other] = docs.map((d) => d.id) as [string, string, string, string];
  return {
    central,
    exec1,
    exec2,
    other,
    officer: await aUser(db, [{ role: 'authority_officer', authority_id: central }], 'Olga Officer'),
    officer2: await aUser(db, [{ role: 'authority_officer', authority_id: central }], 'Otto Deputy'),
    supervisor: await aUser(db, [{ role: 'authority_supervisor', authority_id: central }], 'Sara Supervisor'),
    exec1Officer: await aUser(db, [{ role: 'authority_officer', authority_id: exec1 }], 'Eve Executor'),
    exec2Officer: await aUser(db, [{ role: 'authority_officer', authority_id: exec2 }], 'Emil Executor'),
    otherOfficer: await aUser(db, [{ role: 'authority_officer', authority_id: other }], 'Oscar Other'),
    practitioner: await aUser(db, [{ role: 'practitioner' }], 'Pia Practitioner'),
  };
}

/** An incoming case of the authority, inserted directly with its 'created' event. */
export async function insertCase(db: Kysely<DB>, authority: string, over: { title?: string; state?: CaseState; assignedTo?: string | null; kind?: 'mla' | 'provisional_arrest'; partnerDeadline?: string | null } = {}): Promise<string> {
  return withCaseScope(db, [authority], async (trx) => {
    const title = over.title ?? 'Bank records of a suspect';
    const row = await trx
      .insertInto('casework_cases')
      .values({
        authority_id: authority,
        country: 'FRA',
        direction: 'incoming',
        kind: over.kind ?? 'mla',
        state: over.state ?? 'registered',
        partner_country: 'ITA',
        title,
        reference: `MLI/2026/${Math.floor(Math.random() * 1e9)}`,
        assigned_to: over.assignedTo ?? null,
        partner_deadline: over.partnerDeadline ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { caseId: row.id, type: 'created', data: { title }, actorId: null, actorName: 'test', actingAuthorityId: authority });
    return row.id;
  });
}
