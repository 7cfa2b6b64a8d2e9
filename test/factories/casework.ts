/**
 * Casework test data: authorities with casework settings, their officers and supervisors (second
 * factor enrolled, so their roles are in effect), and cases created through the real services.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { aUser, type TestUser } from './users.js';
import { createIncoming, createOutgoing } from '../../src/modules/casework/service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import type { Actor } from '../../src/modules/access/actor.js';

let seq = 0;

export interface CaseworkAuthority {
  id: string;
  country: string;
}

/** A new authority id with casework settings (its State, default reference patterns unless given). */
export async function aCaseworkAuthority(db: Kysely<DB>, over: { id?: string; country?: string; incoming_pattern?: string; outgoing_pattern?: string } = {}): Promise<CaseworkAuthority> {
  const id = over.id ?? `cw-auth-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 7)}`;
  const country = over.country ?? 'FRA';
  await db
    .insertInto('casework_settings')
    .values({ authority_id: id, country, ...(over.incoming_pattern ? { incoming_pattern: over.incoming_pattern } : {}), ...(over.outgoing_pattern ? { outgoing_pattern: over.outgoing_pattern } : {}), updated_at: new Date() })
    .execute();
  return { id, country };
}

export function anOfficer(db: Kysely<DB>, authorityId: string, name = 'Officer'): Promise<TestUser> {
  return aUser(db, [{ role: 'authority_officer', authority_id: authorityId }], name);
}

export function aSupervisor(db: Kysely<DB>, authorityId: string, name = 'Supervisor'): Promise<TestUser> {
  return aUser(db, [{ role: 'authority_supervisor', authority_id: authorityId }], name);
}

/** A valid body for POST /cases (an MLA request from Italy unless told otherwise). */
export function aCaseBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    kind: 'mla',
    partner_country: 'ITA',
    partner_reference: `PROC-${seq}/2026`,
    title: `Bank records of a shell company ${seq}`,
    summary: 'Laundering of proceeds through shell companies.',
    measures: ['taking-evidence'],
    crime_types: ['money-laundering'],
    offence_text: 'Money laundering (art. 648-bis c.p.)',
    persons: [{ role: 'suspect', family_name: `Rossi${seq}`, given_names: 'Mario', nationalities: ['ITA'] }],
    legal_bases: [{ basis: 'untoc', instrument_id: 'untoc', article: '18' }],
    ...over,
  };
}

export async function anIncomingCase(db: Kysely<DB>, actor: Actor, over: Record<string, unknown> = {}): Promise<string> {
  return (await createIncoming(db, actor, aCaseBody(over))).id;
}

export async function anOutgoingCase(db: Kysely<DB>, actor: Actor, over: Record<string, unknown> = {}): Promise<string> {
  return (await createOutgoing(db, actor, aCaseBody({ partner_country: 'DEU', ...over }))).id;
}

/** An incoming case taken through the formal check to registered (it has its reference). */
export async function aRegisteredCase(db: Kysely<DB>, actor: Actor, over: Record<string, unknown> = {}): Promise<string> {
  const id = await anIncomingCase(db, actor, over);
  await applyTransition(db, actor, id, { transition: 'start_check' });
  await applyTransition(db, actor, id, { transition: 'register' });
  return id;
}
