/**
 * Writer test data: answers that complete a draft of any kind (every shown question answered as the
 * rules want), built from the definitions themselves so that a new question is covered at once.
 */
import { shown } from '../../src/modules/writer/domain/completeness.js';
import type { WriterKind } from '../../src/modules/writer/domain/kinds.js';
import { STEPS, type Answers, type Question, type RequestedState } from '../../src/modules/writer/domain/model.js';
import { questionsOf } from '../../src/modules/writer/domain/steps.js';

function valueFor(q: Question, text: (id: string) => string): string | string[] {
  switch (q.type) {
    case 'yesno':
      return 'yes';
    case 'date':
      return q.id === 'period_to' ? '2025-12-31' : '2025-01-01';
    case 'choice':
      return q.options![0]!;
    case 'multi':
      return q.options!.slice(0, 3);
    default:
      return text(q.id);
  }
}

/** Complete answers for a kind (the requested State's entry decides some questions). */
export function completeAnswers(kind: WriterKind, requested: RequestedState, text: (id: string) => string = (id) => `Answer to ${id}`, over: Answers = {}): Answers {
  const a: Answers = { ...over };
  for (let round = 0; round < 5; round++) {
    for (const step of STEPS) for (const q of questionsOf(kind, step, a, requested)) if (shown(q, a) && a[q.id] === undefined) a[q.id] = valueFor(q, text);
  }
  return a;
}

/** The answers of one step only. */
export function stepAnswers(kind: WriterKind, step: (typeof STEPS)[number], all: Answers, requested: RequestedState): Answers {
  const ids = new Set(questionsOf(kind, step, all, requested).map((q) => q.id));
  return Object.fromEntries(Object.entries(all).filter(([k]) => ids.has(k)));
}

import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { anAuthority } from './directory.js';
import { aCaseworkAuthority, anOfficer, aSupervisor } from './casework.js';
import type { TestUser } from './users.js';
import { publishAuthorities } from '../http/directory-support.js';

export interface WriterWorld {
  authorityId: string;
  authorityName: string;
  officer: TestUser;
  supervisor: TestUser;
  /** An officer of another authority. */
  stranger: TestUser;
  requestedCountry: string;
  requestedAuthorityId: string;
}

let worldSeq = 0;

/**
 * A requesting authority of France (casework settings and a directory entry) with an officer and a
 * supervisor, and a central authority of the requested State in the directory accepting English,
 * French, Arabic, Chinese and German, with conditions (and assurances) for taking evidence.
 */
export async function aWriterDirectory(db: Kysely<DB>, requested = 'DEU'): Promise<Pick<WriterWorld, 'authorityId' | 'authorityName' | 'requestedCountry' | 'requestedAuthorityId'> & { otherAuthorityId: string }> {
  worldSeq++;
  const mine = anAuthority({ country: 'FRA', names: { en: `Ministry of Justice, Mutual Assistance Office ${worldSeq}`, fr: `Ministère de la Justice, bureau de l’entraide ${worldSeq}` } });
  const theirs = anAuthority({
    country: requested,
    languages: ['en', 'fr', 'ar', 'zh', 'de'],
    channels: ['direct', 'electronic'],
    requirements: [
      { measure: 'taking-evidence', status: 'conditions', conditions: { en: 'Statements are taken by a judge; assurances of speciality are required.' } },
      { measure: 'search-seizure-freezing', status: 'applicable' },
    ],
  });
  await publishAuthorities(db, [mine, theirs]);
  await aCaseworkAuthority(db, { id: mine.id, country: 'FRA' });
  const other = await aCaseworkAuthority(db, { country: 'ITA' });
  return { authorityId: mine.id, authorityName: mine.names.en!, requestedCountry: requested, requestedAuthorityId: theirs.id, otherAuthorityId: other.id };
}

export async function aWriterWorld(db: Kysely<DB>, requested = 'DEU'): Promise<WriterWorld> {
  const d = await aWriterDirectory(db, requested);
  return {
    ...d,
    officer: await anOfficer(db, d.authorityId, 'Olga Officer'),
    supervisor: await aSupervisor(db, d.authorityId, 'Sam Supervisor'),
    stranger: await anOfficer(db, d.otherAuthorityId, 'Ivo Other'),
  };
}
