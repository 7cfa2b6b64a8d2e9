/** All SQL of the jit module: teams, members, agreements, tasks, shared documents and the evidence log. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AgreementKind, EvidenceAction, TaskStatus } from './domain/vocabulary.js';

type Db = Kysely<DB>;

const DATE = (col: string) => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

export interface TeamRow {
  id: string;
  title: string;
  purpose: string;
  lead_authority_id: string;
  starts_on: string;
  ends_on: string;
  created_at: Date;
}

const TEAM_COLUMNS = ['jit_teams.id', 'jit_teams.title', 'jit_teams.purpose', 'jit_teams.lead_authority_id', 'jit_teams.created_at'] as const;

export async function selectTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('jit_teams').select([...TEAM_COLUMNS, DATE('jit_teams.starts_on').as('starts_on'), DATE('jit_teams.ends_on').as('ends_on')]).where('id', '=', id).executeTakeFirst();
}

/** Teams one of the authorities is a member of, latest end first. */
export async function selectTeamsOf(db: Db, authorityIds: readonly string[]): Promise<(TeamRow & { members: number })[]> {
  if (!authorityIds.length) return [];
  const rows = await db
    .selectFrom('jit_teams')
    .select([...TEAM_COLUMNS, DATE('jit_teams.starts_on').as('starts_on'), DATE('jit_teams.ends_on').as('ends_on')])
    .select((eb) => eb.selectFrom('jit_members as m').whereRef('m.team_id', '=', 'jit_teams.id').select(eb.fn.countAll<string>().as('n')).as('members'))
    .where((eb) => eb.exists(eb.selectFrom('jit_members as m').whereRef('m.team_id', '=', 'jit_teams.id').where('m.authority_id', 'in', [...authorityIds]).select('m.team_id')))
    .orderBy('jit_teams.ends_on', 'desc')
    .orderBy('jit_teams.id')
    .execute();
  return rows.map((r) => ({ ...r, members: Number(r.members ?? 0) }));
}

export async function insertTeam(db: Db, row: { title: string; purpose: string; lead_authority_id: string; starts_on: string; ends_on: string; created_by: string | null }): Promise<string> {
  return (await db.insertInto('jit_teams').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTeamEnd(db: Db, id: string, endsOn: string): Promise<void> {
  await db.updateTable('jit_teams').set({ ends_on: endsOn, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Lock the team row for a change (two extensions at once are serialised). */
export async function lockTeam(db: Db, id: string): Promise<void> {
  await db.selectFrom('jit_teams').select('id').where('id', '=', id).forUpdate().execute();
}

export interface MemberRow {
  authority_id: string;
  country: string;
  name: string;
  added_at: Date;
}

export async function selectMembers(db: Db, teamId: string): Promise<MemberRow[]> {
  return db.selectFrom('jit_members').select(['authority_id', 'country', 'name', 'added_at']).where('team_id', '=', teamId).orderBy('added_at').orderBy('authority_id').execute();
}

export async function insertMember(db: Db, row: { team_id: string; authority_id: string; country: string; name: string; added_by: string | null }): Promise<boolean> {
  const r = await db.insertInto('jit_members').values(row).onConflict((oc) => oc.columns(['team_id', 'authority_id']).doNothing()).returning('authority_id').executeTakeFirst();
  return !!r;
}

export interface AgreementRow {
  id: string;
  kind: AgreementKind;
  title: string;
  signed_on: string;
  ends_on: string;
  document_id: string | null;
  recorded_at: Date;
}

export async function selectAgreements(db: Db, teamId: string): Promise<AgreementRow[]> {
  return db
    .selectFrom('jit_agreements')
    .select(['id', 'kind', 'title', DATE('signed_on').as('signed_on'), DATE('ends_on').as('ends_on'), 'document_id', 'recorded_at'])
    .where('team_id', '=', teamId)
    .orderBy('signed_on')
    .orderBy('recorded_at')
    .execute();
}

export async function insertAgreement(db: Db, row: { team_id: string; kind: AgreementKind; title: string; signed_on: string; ends_on: string; document_id: string | null; recorded_by: string | null }): Promise<string> {
  return (await db.insertInto('jit_agreements').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export interface TaskRow {
  id: string;
  title: string;
  assignee_authority_id: string;
  due_on: string | null;
  status: TaskStatus;
  created_at: Date;
  updated_at: Date;
}

export async function selectTasks(db: Db, teamId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('jit_tasks')
    .select(['id', 'title', 'assignee_authority_id', sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'), 'status', 'created_at', 'updated_at'])
    .where('team_id', '=', teamId)
    .orderBy(sql`due_on nulls last`)
    .orderBy('created_at')
    .execute();
}

export async function selectTaskForUpdate(db: Db, teamId: string, taskId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('jit_tasks')
    .select(['id', 'title', 'assignee_authority_id', sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'), 'status', 'created_at', 'updated_at'])
    .where('team_id', '=', teamId)
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertTask(db: Db, row: { team_id: string; title: string; assignee_authority_id: string; due_on: string | null; created_by: string | null }): Promise<string> {
  return (await db.insertInto('jit_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTaskStatus(db: Db, taskId: string, status: TaskStatus): Promise<void> {
  await db.updateTable('jit_tasks').set({ status, updated_at: sql<Date>`now()` }).where('id', '=', taskId).execute();
}

export interface DocumentRow {
  id: string;
  team_id: string;
  title: string;
  filename: string;
  byte_size: number;
  sha256: string;
  uploaded_by_name: string | null;
  authority_id: string;
  uploaded_at: Date;
  version: number;
  previous_id: string | null;
  /** The version that replaced this one (null for a current version). */
  replaced_by: string | null;
}

const DOC_COLUMNS = ['d.id', 'd.team_id', 'd.title', 'd.filename', 'd.byte_size', 'd.sha256', 'd.uploaded_by_name', 'd.authority_id', 'd.uploaded_at', 'd.version', 'd.previous_id'] as const;
const docOut = (r: Omit<DocumentRow, 'byte_size'> & { byte_size: number | string }): DocumentRow => ({ ...r, byte_size: Number(r.byte_size) });
const documents = (db: Db) =>
  db
    .selectFrom('jit_documents as d')
    .select([...DOC_COLUMNS])
    .select((eb) => eb.selectFrom('jit_documents as n').whereRef('n.previous_id', '=', 'd.id').select('n.id').as('replaced_by'));

export async function selectDocuments(db: Db, teamId: string): Promise<DocumentRow[]> {
  return (await documents(db).where('d.team_id', '=', teamId).orderBy('d.uploaded_at').orderBy('d.id').execute()).map(docOut);
}

export async function selectDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const r = await documents(db).where('d.id', '=', id).executeTakeFirst();
  return r && docOut(r);
}

/** Every version of the document `id` belongs to, oldest first (following previous_id both ways). */
export async function selectVersions(db: Db, id: string): Promise<DocumentRow[]> {
  const ids = await sql<{ id: string }>`
    WITH RECURSIVE back(id, previous_id) AS (
      SELECT id, previous_id FROM jit_documents WHERE id = ${id}::uuid
      UNION ALL SELECT d.id, d.previous_id FROM jit_documents d JOIN back b ON d.id = b.previous_id
    ), fwd(id) AS (
      SELECT id FROM jit_documents WHERE id = ${id}::uuid
      UNION ALL SELECT d.id FROM jit_documents d JOIN fwd f ON d.previous_id = f.id
    )
    SELECT id FROM back UNION SELECT id FROM fwd`.execute(db);
  if (!ids.rows.length) return [];
  return (await documents(db).where('d.id', 'in', ids.rows.map((r) => r.id)).orderBy('d.version').execute()).map(docOut);
}

export async function selectOptedOut(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  return new Set((await db.selectFrom('jit_mail_opt_outs').select('user_id').where('user_id', 'in', userIds).execute()).map((r) => r.user_id));
}

export async function setOptOut(db: Db, userId: string, off: boolean): Promise<void> {
  if (off) await db.insertInto('jit_mail_opt_outs').values({ user_id: userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  else await db.deleteFrom('jit_mail_opt_outs').where('user_id', '=', userId).execute();
}

export async function isOptedOut(db: Db, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('jit_mail_opt_outs').select('user_id').where('user_id', '=', userId).executeTakeFirst());
}

export async function selectDocumentContent(db: Db, id: string): Promise<Buffer> {
  return (await db.selectFrom('jit_documents').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content;
}

export async function insertDocument(
  db: Db,
  row: { team_id: string; title: string; filename: string; byte_size: number; sha256: string; content: Buffer; uploaded_by: string | null; uploaded_by_name: string | null; authority_id: string; version: number; previous_id: string | null; media_type: string },
): Promise<string> {
  return (await db.insertInto('jit_documents').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export interface EvidenceRow {
  id: string;
  document_id: string;
  action: EvidenceAction;
  sha256: string;
  user_name: string | null;
  authority_id: string | null;
  at: Date;
}

export async function insertEvidence(db: Db, row: { team_id: string; document_id: string; action: EvidenceAction; sha256: string; user_id: string | null; user_name: string | null; authority_id: string | null }): Promise<void> {
  await db.insertInto('jit_evidence_log').values(row).execute();
}

/** The evidence log of a team (or of one of its documents), newest first. */
export async function selectEvidence(db: Db, teamId: string, documentId?: string, limit = 500): Promise<EvidenceRow[]> {
  let q = db.selectFrom('jit_evidence_log').select(['id', 'document_id', 'action', 'sha256', 'user_name', 'authority_id', 'at']).where('team_id', '=', teamId);
  if (documentId) q = q.where('document_id', '=', documentId);
  return (await q.orderBy('id', 'desc').limit(limit).execute()).map((r) => ({ ...r, id: String(r.id) }));
}

export interface CaseLinkRow {
  id: string;
  case_id: string;
  authority_id: string;
  note: string;
  linked_by_name: string | null;
  linked_at: Date;
}

export async function selectCaseLinks(db: Db, teamId: string): Promise<CaseLinkRow[]> {
  return db.selectFrom('jit_case_links').select(['id', 'case_id', 'authority_id', 'note', 'linked_by_name', 'linked_at']).where('team_id', '=', teamId).orderBy('linked_at').orderBy('id').execute();
}

export async function selectCaseLink(db: Db, teamId: string, linkId: string): Promise<CaseLinkRow | undefined> {
  return db.selectFrom('jit_case_links').select(['id', 'case_id', 'authority_id', 'note', 'linked_by_name', 'linked_at']).where('team_id', '=', teamId).where('id', '=', linkId).forUpdate().executeTakeFirst();
}

/** false when the case is already linked to the team. */
export async function insertCaseLink(db: Db, row: { team_id: string; case_id: string; authority_id: string; note: string; linked_by: string | null; linked_by_name: string | null }): Promise<string | undefined> {
  return (await db.insertInto('jit_case_links').values(row).onConflict((oc) => oc.columns(['team_id', 'case_id']).doNothing()).returning('id').executeTakeFirst())?.id;
}

export async function deleteCaseLink(db: Db, linkId: string): Promise<void> {
  await db.deleteFrom('jit_case_links').where('id', '=', linkId).execute();
}

/** The teams a case is linked to, with their member authorities (the case page shows those the reader is in). */
export async function selectTeamsLinkedTo(db: Db, caseId: string): Promise<{ id: string; title: string; members: string[] }[]> {
  const rows = await db
    .selectFrom('jit_case_links as l')
    .innerJoin('jit_teams as t', 't.id', 'l.team_id')
    .select(['t.id', 't.title'])
    .select((eb) => eb.selectFrom('jit_members as m').whereRef('m.team_id', '=', 't.id').select(sql<string[]>`array_agg(m.authority_id)`.as('ids')).as('members'))
    .where('l.case_id', '=', caseId)
    .orderBy('t.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, members: r.members ?? [] }));
}
