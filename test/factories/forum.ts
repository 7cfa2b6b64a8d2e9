/** A forum world for tests: three published authorities, their officers, a practitioner and a curator. */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { anAuthority } from './directory.js';
import { aUser, type TestUser } from './users.js';

export interface ForumWorld {
  /** Authorities: a (France), b (Italy) are members of the private space; c (Germany) is not. */
  a: string;
  b: string;
  c: string;
  officerA: TestUser;
  supervisorA: TestUser;
  officerB: TestUser;
  officerC: TestUser;
  practitioner: TestUser;
  curator: TestUser;
  registered: TestUser;
}

export async function forumWorld(db: Kysely<DB>): Promise<ForumWorld> {
  const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'ITA' }), anAuthority({ country: 'DEU' })];
  const bytes = async function* () {
    yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'), 'utf8');
  };
  await importAuthorities(db, { actor: CLI_ACTOR }, 'jsonl', bytes);
  const [a, b, c] = docs.map((d) => d.id) as [string, string, string];
  return {
    a,
    b,
    c,
    officerA: await aUser(db, [{ role: 'authority_officer', authority_id: a }], 'Anne Officer'),
    supervisorA: await aUser(db, [{ role: 'authority_supervisor', authority_id: a }], 'Sami Supervisor'),
    officerB: await aUser(db, [{ role: 'authority_officer', authority_id: b }], 'Bruno Ufficiale'),
    officerC: await aUser(db, [{ role: 'authority_officer', authority_id: c }], 'Clara Beamtin'),
    practitioner: await aUser(db, [{ role: 'practitioner' }], 'Pat Practitioner'),
    curator: await aUser(db, [{ role: 'curator' }], 'Cora Curator'),
    registered: await aUser(db, [], 'Reggie Registered'),
  };
}
