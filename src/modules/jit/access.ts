/**
 * Who may see and change a team: every check goes through the access policy with the team's member
 * authorities. Anyone who is not a member gets the same 403 whether or not the team exists, before
 * anything about it is revealed; a closed workspace (after its end date) refuses every change (409).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError } from '../../platform/http/errors.js';
import { allow, assertAllowedSomewhere, type Action, type Actor } from '../access/index.js';
import { isClosed, todayIso } from './domain/dates.js';
import { selectMembers, selectTeam, type MemberRow, type TeamRow } from './repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export class NotMemberError extends ForbiddenError {
  constructor() {
    super('Only member authorities of this joint investigation team may see its workspace');
  }
}

export class WorkspaceClosedError extends ConflictError {
  constructor(readonly endsOn: string) {
    super(`The team's workspace closed after its end date (${endsOn}): it is read-only`);
  }
}

export interface TeamAccess {
  team: TeamRow;
  members: MemberRow[];
  memberIds: string[];
  closed: boolean;
  today: string;
}

/** Options of every service call: the date taken as today (tests; UTC today by default). */
export interface Clock {
  today?: string;
}

/**
 * The team for an actor allowed `action` on it: 401/403 for an actor who is a member of no team at
 * all before any read, then the same 403 for an unknown team and for a team the actor is not in.
 */
export async function teamFor(db: Kysely<DB>, actor: Actor, teamId: unknown, action: Action, clock: Clock = {}): Promise<TeamAccess> {
  assertAllowedSomewhere(actor, 'jit.read');
  if (!isUuid(teamId)) throw new NotMemberError();
  const team = await selectTeam(db, teamId);
  if (!team) throw new NotMemberError();
  const members = await selectMembers(db, teamId);
  const memberIds = members.map((m) => m.authority_id);
  if (!allow(actor, 'jit.read', { memberAuthorityIds: memberIds })) throw new NotMemberError();
  if (!allow(actor, action, { memberAuthorityIds: memberIds })) throw new ForbiddenError(`You are not allowed to do this (${action})`);
  const today = clock.today ?? todayIso();
  return { team, members, memberIds, closed: isClosed(team.ends_on, today), today };
}

/** As teamFor, and the workspace must still be open (changes). */
export async function openTeamFor(db: Kysely<DB>, actor: Actor, teamId: unknown, action: Action, clock: Clock = {}): Promise<TeamAccess> {
  const access = await teamFor(db, actor, teamId, action, clock);
  if (access.closed) throw new WorkspaceClosedError(access.team.ends_on);
  return access;
}

/** The member authority the actor acts for in this team (for `action`): the first of their grants that allows it. */
export function actingAuthority(actor: Actor, memberIds: readonly string[], action: Action): string | null {
  for (const g of actor.grants) if (g.authorityId && memberIds.includes(g.authorityId) && allow(actor, action, { memberAuthorityIds: [g.authorityId] })) return g.authorityId;
  return null;
}

export function actorName(actor: Actor): string | null {
  return actor.name?.slice(0, 300) ?? null;
}
