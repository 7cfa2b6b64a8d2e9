/**
 * Joint investigation team workspaces: open a team, add members, record the agreement and its
 * extensions, tasks, and read the whole workspace. Every change in one transaction with its audit
 * event; every check through the access policy (access.ts); a closed workspace refuses changes.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { ConflictError, UnauthorizedError, ValidationError, type FieldIssue } from '../../platform/http/errors.js';
import { allow, assertAllowed, assertAllowedSomewhere, type Actor } from '../access/index.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getCountry, isState } from '../reference/index.js';
import { actingAuthority, isUuid, openTeamFor, teamFor, type Clock, type TeamAccess } from './access.js';
import { todayIso } from './domain/dates.js';
import { parseAgreement, parseMember, parseTask, parseTaskStatus, parseTeam } from './domain/inputs.js';
import { canMoveTask } from './domain/tasks.js';
import type { TaskStatus } from './domain/vocabulary.js';
import { caseLinksFor, linkingAuthorities, type CaseLinkView } from './links-service.js';
import { notifyMembers } from './notifications.js';
import * as repo from './repository.js';

function parsed<T>(r: { ok: true; value: T } | { ok: false; issues: FieldIssue[] }): T {
  if (!r.ok) throw new ValidationError(r.issues);
  return r.value;
}

async function stateIssue(db: Kysely<DB>, field: string, iso3: string): Promise<FieldIssue | null> {
  const country = await getCountry(db, iso3);
  return country && isState(country) ? null : { field, message: `"${iso3}" is not a State of the UN lists` };
}

export interface TeamSummary {
  id: string;
  title: string;
  leadAuthorityId: string;
  startsOn: string;
  endsOn: string;
  closed: boolean;
  members: number;
}

/** The teams of the actor's authorities (403 for anyone who is in no authority). */
export async function listTeams(db: Kysely<DB>, actor: Actor, clock: Clock = {}): Promise<{ teams: TeamSummary[]; mayCreateFor: string[] }> {
  const scope = assertAllowedSomewhere(actor, 'jit.read');
  const today = clock.today ?? todayIso();
  const rows = await repo.selectTeamsOf(db, scope.authorities);
  const teams = rows.map((r) => ({ id: r.id, title: r.title, leadAuthorityId: r.lead_authority_id, startsOn: r.starts_on, endsOn: r.ends_on, closed: today > r.ends_on, members: r.members }));
  return { teams, mayCreateFor: scopeAuthorities(actor) };
}

/** The authorities the actor may open a team for. */
function scopeAuthorities(actor: Actor): string[] {
  return [...new Set(actor.grants.flatMap((g) => (g.authorityId && allow(actor, 'jit.create', { authorityId: g.authorityId }) ? [g.authorityId] : [])))];
}

/** Open a workspace: the team and its lead authority as first member. */
export async function createTeam(db: Kysely<DB>, ctx: AuditContext, input: unknown, clock: Clock = {}): Promise<string> {
  assertAllowedSomewhere(ctx.actor, 'jit.create');
  const v = parsed(parseTeam(input));
  assertAllowed(ctx.actor, 'jit.create', { authorityId: v.lead_authority_id });
  const issues: FieldIssue[] = [];
  const stateProblem = await stateIssue(db, 'lead_country', v.lead_country.toUpperCase());
  if (stateProblem) issues.push(stateProblem);
  if (v.ends_on < v.starts_on) issues.push({ field: 'ends_on', message: 'must not be before starts_on' });
  if (v.ends_on < (clock.today ?? todayIso())) issues.push({ field: 'ends_on', message: 'must not be in the past (the workspace would be closed at once)' });
  if (issues.length) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertTeam(trx, { title: v.title, purpose: v.purpose ?? '', lead_authority_id: v.lead_authority_id, starts_on: v.starts_on, ends_on: v.ends_on, created_by: ctx.actor.userId });
    await repo.insertMember(trx, { team_id: id, authority_id: v.lead_authority_id, country: v.lead_country.toUpperCase(), name: v.lead_name, added_by: ctx.actor.userId });
    await recordAudit(trx, ctx, { action: 'jit.create', targetType: 'jit_team', targetId: id, changes: { title: v.title, lead_authority_id: v.lead_authority_id, starts_on: v.starts_on, ends_on: v.ends_on } });
    return id;
  });
}

/** Add a member authority (a supervisor of a member, while the workspace is open). */
export async function addMember(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, input: unknown, clock: Clock = {}): Promise<void> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.manage', clock);
  const v = parsed(parseMember(input));
  const country = v.country.toUpperCase();
  const problem = await stateIssue(db, 'country', country);
  if (problem) throw new ValidationError([problem]);
  await db.transaction().execute(async (trx) => {
    const added = await repo.insertMember(trx, { team_id: access.team.id, authority_id: v.authority_id, country, name: v.name, added_by: ctx.actor.userId });
    if (!added) throw new ConflictError(`"${v.authority_id}" is already a member`, [{ field: 'authority_id', message: 'is already a member' }]);
    await recordAudit(trx, ctx, { action: 'jit.member_add', targetType: 'jit_team', targetId: access.team.id, changes: { authority_id: v.authority_id, country } });
  });
}

/**
 * Record the agreement (once) or an extension: an extension must move the end date later; the team's
 * end date becomes the instrument's.
 */
export async function recordAgreement(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, input: unknown, clock: Clock = {}): Promise<string> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.manage', clock);
  const v = parsed(parseAgreement(input));
  const issues: FieldIssue[] = [];
  if (v.ends_on < v.signed_on) issues.push({ field: 'ends_on', message: 'must not be before signed_on' });
  if (v.kind === 'extension' && v.ends_on <= access.team.ends_on) issues.push({ field: 'ends_on', message: `an extension must end after the current end date (${access.team.ends_on})` });
  if (v.ends_on < access.team.starts_on) issues.push({ field: 'ends_on', message: 'must not be before the team starts' });
  if (v.document_id) {
    const doc = await repo.selectDocument(db, v.document_id);
    if (!doc || doc.team_id !== access.team.id) issues.push({ field: 'document_id', message: "is not one of this team's documents" });
  }
  if (issues.length) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    await repo.lockTeam(trx, access.team.id);
    const current = await repo.selectTeam(trx, access.team.id);
    if (v.kind === 'extension' && current && v.ends_on <= current.ends_on) throw new ConflictError('The end date changed meanwhile: reload and try again', [{ field: 'ends_on', message: `must be after ${current.ends_on}` }]);
    let id: string;
    try {
      id = await repo.insertAgreement(trx, { team_id: access.team.id, kind: v.kind, title: v.title, signed_on: v.signed_on, ends_on: v.ends_on, document_id: v.document_id ?? null, recorded_by: ctx.actor.userId });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new ConflictError('The agreement is already recorded: record an extension', [{ field: 'kind', message: 'the agreement is already recorded' }]);
      throw err;
    }
    if (current && current.ends_on !== v.ends_on) await repo.updateTeamEnd(trx, access.team.id, v.ends_on);
    await recordAudit(trx, ctx, { action: `jit.${v.kind}`, targetType: 'jit_team', targetId: access.team.id, changes: { title: v.title, signed_on: v.signed_on, ends_on: { from: current?.ends_on ?? null, to: v.ends_on } } });
    return id;
  });
}

/** A task for a member authority. */
export async function addTask(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, input: unknown, clock: Clock = {}, config?: Config): Promise<string> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.contribute', clock);
  const v = parsed(parseTask(input));
  if (!access.memberIds.includes(v.assignee_authority_id)) throw new ValidationError([{ field: 'assignee_authority_id', message: 'must be a member authority of the team' }]);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertTask(trx, { team_id: access.team.id, title: v.title, assignee_authority_id: v.assignee_authority_id, due_on: v.due_on ?? null, created_by: ctx.actor.userId });
    await recordAudit(trx, ctx, { action: 'jit.task_add', targetType: 'jit_task', targetId: id, changes: { team_id: access.team.id, title: v.title, assignee_authority_id: v.assignee_authority_id, due_on: v.due_on ?? null } });
    if (config) await notifyMembers(trx, config, { teamId: access.team.id, members: access.memberIds, authorId: ctx.actor.userId, event: 'task' });
    return id;
  });
}

/** Move a task along its transition table (domain/tasks.ts). */
export async function moveTask(db: Kysely<DB>, ctx: AuditContext, teamId: unknown, taskId: unknown, input: unknown, clock: Clock = {}): Promise<TaskStatus> {
  const access = await openTeamFor(db, ctx.actor, teamId, 'jit.contribute', clock);
  const v = parsed(parseTaskStatus(input));
  if (!isUuid(taskId)) throw new ValidationError([{ field: 'task_id', message: 'must be a task id (UUID)' }]);
  return db.transaction().execute(async (trx) => {
    const task = await repo.selectTaskForUpdate(trx, access.team.id, taskId);
    if (!task) throw new ValidationError([{ field: 'task_id', message: 'is not a task of this team' }]);
    if (task.status === v.status) return task.status;
    if (!canMoveTask(task.status, v.status)) throw new ConflictError(`A task cannot go from ${task.status} to ${v.status}`, [{ field: 'status', message: `cannot go from ${task.status} to ${v.status}` }]);
    await repo.updateTaskStatus(trx, task.id, v.status);
    await recordAudit(trx, ctx, { action: 'jit.task_status', targetType: 'jit_task', targetId: task.id, changes: { status: { from: task.status, to: v.status } } });
    return v.status;
  });
}

export interface Workspace extends TeamAccess {
  agreements: repo.AgreementRow[];
  tasks: repo.TaskRow[];
  documents: repo.DocumentRow[];
  evidence: repo.EvidenceRow[];
  /** Casework cases linked to the team, as the reader may see them. */
  caseLinks: CaseLinkView[];
  /** The reader may link cases of their authority (open workspace, a member authority they work for). */
  mayLinkCases: boolean;
  mayManage: boolean;
  mayContribute: boolean;
  /** The member authority the reader acts for. */
  actingFor: string | null;
}

/** Everything a member sees of the team (reads are allowed after the end date too). */
export async function getWorkspace(db: Kysely<DB>, actor: Actor, teamId: unknown, clock: Clock = {}): Promise<Workspace> {
  const access = await teamFor(db, actor, teamId, 'jit.read', clock);
  const id = access.team.id;
  const [agreements, tasks, documents, evidence, caseLinks] = [await repo.selectAgreements(db, id), await repo.selectTasks(db, id), await repo.selectDocuments(db, id), await repo.selectEvidence(db, id), await caseLinksFor(db, actor, access)];
  const resource = { memberAuthorityIds: access.memberIds };
  return {
    ...access,
    agreements,
    tasks,
    documents,
    evidence,
    caseLinks,
    mayLinkCases: !access.closed && linkingAuthorities(actor, access.memberIds).length > 0,
    mayManage: !access.closed && allow(actor, 'jit.manage', resource),
    mayContribute: !access.closed && allow(actor, 'jit.contribute', resource),
    actingFor: actingAuthority(actor, access.memberIds, 'jit.read'),
  };
}

/** Workspace mail on or off for the signed-in user (any user who may read a workspace). */
export async function setJitMail(db: Kysely<DB>, actor: Actor, on: boolean): Promise<void> {
  if (actor.userId === null) throw new UnauthorizedError();
  assertAllowedSomewhere(actor, 'jit.read');
  await repo.setOptOut(db, actor.userId, !on);
}

export async function jitMailOn(db: Kysely<DB>, actor: Actor): Promise<boolean> {
  if (actor.userId === null) return false;
  return !(await repo.isOptedOut(db, actor.userId));
}
