/**
 * Casework cases linked to a team: each member authority links only its own cases (checked through
 * casework's public entry, under the reader's row-level security), and unlinks only those; both are
 * audited. What the workspace shows of a link depends on the reader: the case's reference and title
 * when casework lets the reader see the case, otherwise only "a case of <authority>".
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/http/errors.js';
import { allow, type Actor } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { ownCase, visibleCases, type CaseGlimpse } from '../casework/index.js';
import { actorName, isUuid, openTeamFor, type Clock, type TeamAccess } from './access.js';
import { parseCaseLink } from './domain/inputs.js';
import * as repo from './repository.js';

export interface CaseLinkView {
  id: string;
  /** The member authority that owns the case and linked it. */
  authorityId: string;
  /** What the reader may see of the case (null: only "a case of <authority>"). */
  case: CaseGlimpse | null;
  /** Shown with the case only. */
  note: string | null;
  linkedByName: string | null;
  linkedAt: Date;
  mayUnlink: boolean;
}

/** The member authorities whose cases the actor may link to this team. */
export function linkingAuthorities(actor: Actor, memberIds: readonly string[]): string[] {
  return memberIds.filter((a) => allow(actor, 'jit.link_case', { authorityId: a, memberAuthorityIds: [...memberIds] }));
}

/** The team's case links as the reader may see them. */
export async function caseLinksFor(db: Kysely<DB>, actor: Actor, access: TeamAccess): Promise<CaseLinkView[]> {
  const links = await repo.selectCaseLinks(db, access.team.id);
  const visible = await visibleCases(db, actor, links.map((l) => l.case_id));
  const mine = new Set(access.closed ? [] : linkingAuthorities(actor, access.memberIds));
  return links.map((l) => {
    const seen = visible.get(l.case_id) ?? null;
    return { id: l.id, authorityId: l.authority_id, case: seen, note: seen ? l.note : null, linkedByName: seen ? l.linked_by_name : null, linkedAt: l.linked_at, mayUnlink: mine.has(l.authority_id) };
  });
}

/** Link a case of one of the actor's member authorities (by its reference or id); 400 naming `case` for anything else. */
export async function linkCase(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, input: unknown, clock: Clock = {}): Promise<string> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.contribute', clock);
  const own = linkingAuthorities(ctx.actor, access.memberIds);
  if (!own.length) throw new ForbiddenError('You are not allowed to do this (jit.link_case)');
  const r = parseCaseLink(input);
  if (!r.ok) throw new ValidationError(r.issues);
  const found = await ownCase(db, ctx.actor, r.value.case, own);
  if (!found) throw new ValidationError([{ field: 'case', message: "is not a case of your authority's casework (give its reference or identifier)" }]);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertCaseLink(trx, { team_id: access.team.id, case_id: found.id, authority_id: found.authorityId, note: r.value.note ?? '', linked_by: ctx.actor.userId, linked_by_name: actorName(ctx.actor) });
    if (!id) throw new ConflictError('The case is already linked to this team', [{ field: 'case', message: 'is already linked to this team' }]);
    await recordAudit(trx, ctx, { action: 'jit.case_link', targetType: 'jit_team', targetId: access.team.id, changes: { link_id: id, case_id: found.id, authority_id: found.authorityId, note: r.value.note ?? '' } });
    return id;
  });
}

/** Unlink a case: only the authority that linked it (its officers and supervisors), while the workspace is open. */
export async function unlinkCase(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, linkId: unknown, clock: Clock = {}): Promise<void> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.contribute', clock);
  if (!isUuid(linkId)) throw new ValidationError([{ field: 'link_id', message: 'must be a case link id (UUID)' }]);
  await db.transaction().execute(async (trx) => {
    const link = await repo.selectCaseLink(trx, access.team.id, linkId);
    if (!link) throw new ValidationError([{ field: 'link_id', message: 'is not a case link of this team' }]);
    if (!allow(ctx.actor, 'jit.link_case', { authorityId: link.authority_id, memberAuthorityIds: access.memberIds })) throw new ForbiddenError('Only the authority that linked a case may unlink it');
    await repo.deleteCaseLink(trx, link.id);
    await recordAudit(trx, ctx, { action: 'jit.case_unlink', targetType: 'jit_team', targetId: access.team.id, changes: { link_id: link.id, case_id: link.case_id, authority_id: link.authority_id } });
  });
}

/** The teams a case is linked to that the reader is a member of (for the case page in casework). */
export async function workspacesOfCase(db: Kysely<DB>, actor: Actor, caseId: string): Promise<{ id: string; title: string }[]> {
  if (!isUuid(caseId)) return [];
  return (await repo.selectTeamsLinkedTo(db, caseId)).filter((team) => allow(actor, 'jit.read', { memberAuthorityIds: team.members })).map(({ id, title }) => ({ id, title }));
}
