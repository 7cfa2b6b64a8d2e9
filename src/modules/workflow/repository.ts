/** SQL of the workflow: revisions and their events. */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { chunks } from '../../platform/db/batch.js';
import { json } from '../../platform/db/types.js';
import type { RevisionState } from './domain/transitions.js';
import type { RevisionEvent, RevisionsTable, SubjectType } from './tables.js';

export type RevisionRow = Selectable<RevisionsTable>;

export interface SubjectPart {
  type: SubjectType;
  id: string;
  part: string;
}

export async function selectRevision(db: Kysely<DB>, id: number, forUpdate = false): Promise<RevisionRow | undefined> {
  let q = db.selectFrom('revisions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function selectOpenRevision(db: Kysely<DB>, s: SubjectPart, forUpdate = false): Promise<RevisionRow | undefined> {
  let q = db
    .selectFrom('revisions')
    .selectAll()
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('part', '=', s.part)
    .where('state', 'in', ['draft', 'in_review']);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The revision currently live (published) or archived for a part, if any. */
export async function selectLiveRevision(db: Kysely<DB>, s: SubjectPart): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('part', '=', s.part)
    .where('state', 'in', ['published', 'archived'])
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function selectRevisions(db: Kysely<DB>, type: SubjectType, id: string, part?: string): Promise<RevisionRow[]> {
  let q = db.selectFrom('revisions').selectAll().where('subject_type', '=', type).where('subject_id', '=', id);
  if (part !== undefined) q = q.where('part', '=', part);
  return q.orderBy('part').orderBy('number', 'desc').execute();
}

export async function nextNumber(db: Kysely<DB>, s: SubjectPart): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('part', '=', s.part)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRevision(
  db: Kysely<DB>,
  r: SubjectPart & { number: number; state: RevisionState; document: unknown; baseNumber: number | null; authorId: string | null; note: string | null },
): Promise<RevisionRow> {
  return db
    .insertInto('revisions')
    .values({
      subject_type: r.type,
      subject_id: r.id,
      part: r.part,
      number: r.number,
      state: r.state,
      document: json(r.document),
      base_number: r.baseNumber,
      author_id: r.authorId,
      editor_ids: r.authorId ? [r.authorId] : [],
      note: r.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateDraftContent(db: Kysely<DB>, id: number, document: unknown, editorId: string | null, note: string | null): Promise<RevisionRow> {
  return db
    .updateTable('revisions')
    .set((eb) => ({
      document: json(document),
      note,
      updated_at: sql`now()`,
      editor_ids: editorId ? sql<string[]>`CASE WHEN ${editorId}::uuid = ANY(editor_ids) THEN editor_ids ELSE array_append(editor_ids, ${editorId}::uuid) END` : eb.ref('editor_ids'),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRevisionState(
  db: Kysely<DB>,
  id: number,
  state: RevisionState,
  fields: { submitted?: boolean; decidedBy?: string | null; comment?: string | null } = {},
): Promise<RevisionRow> {
  return db
    .updateTable('revisions')
    .set({
      state,
      updated_at: sql`now()`,
      ...(fields.submitted ? { submitted_at: sql`now()` } : {}),
      ...(fields.decidedBy !== undefined ? { decided_at: sql`now()`, decided_by: fields.decidedBy, decision_comment: fields.comment ?? null } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The highest revision number and the live (published or archived) revision of each part of some subjects. */
export async function selectLatestOfSubjects(db: Kysely<DB>, type: SubjectType, ids: readonly string[]): Promise<Map<string, { maxNumber: number; live: { id: number; number: number } | null }>> {
  const out = new Map<string, { maxNumber: number; live: { id: number; number: number } | null }>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('revisions')
    .select(['subject_id', 'part', 'number', 'state', 'id'])
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [...ids])
    .where((eb) => eb.or([eb('state', 'in', ['published', 'archived']), eb('number', '=', eb.selectFrom('revisions as r2').select(sql<number>`max(r2.number)`.as('m')).whereRef('r2.subject_type', '=', 'revisions.subject_type').whereRef('r2.subject_id', '=', 'revisions.subject_id').whereRef('r2.part', '=', 'revisions.part'))]))
    .execute();
  for (const r of rows) {
    const key = `${r.subject_id}\u0000${r.part}`;
    const cur = out.get(key) ?? { maxNumber: 0, live: null };
    cur.maxNumber = Math.max(cur.maxNumber, r.number);
    if ((r.state === 'published' || r.state === 'archived') && (!cur.live || cur.live.number < r.number)) cur.live = { id: Number(r.id), number: r.number };
    out.set(key, cur);
  }
  return out;
}

/** Insert several revisions in one statement; returns them in the order given. */
export async function insertRevisions(
  db: Kysely<DB>,
  list: readonly (SubjectPart & { number: number; state: RevisionState; document: unknown; baseNumber: number | null; authorId: string | null; note: string | null })[],
): Promise<RevisionRow[]> {
  if (!list.length) return [];
  const rows = await db
    .insertInto('revisions')
    .values(list.map((r) => ({ subject_type: r.type, subject_id: r.id, part: r.part, number: r.number, state: r.state, document: json(r.document), base_number: r.baseNumber, author_id: r.authorId, editor_ids: r.authorId ? [r.authorId] : [], note: r.note })))
    .returningAll()
    .execute();
  const byKey = new Map(rows.map((r) => [`${r.subject_id}\u0000${r.part}\u0000${r.number}`, r]));
  return list.map((r) => byKey.get(`${r.id}\u0000${r.part}\u0000${r.number}`)!);
}

/** Mark the published/archived revisions of some subjects' parts as superseded; returns their ids. */
export async function supersedeLive(db: Kysely<DB>, type: SubjectType, ids: readonly string[], part: string): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db
    .updateTable('revisions')
    .set({ state: 'superseded', updated_at: sql`now()` })
    .where('subject_type', '=', type)
    .where('subject_id', 'in', [...ids])
    .where('part', '=', part)
    .where('state', 'in', ['published', 'archived'])
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Mark the earlier published/archived revisions of a part as superseded; returns their ids. */
export async function supersedeOthers(db: Kysely<DB>, s: SubjectPart, keepId: number): Promise<number[]> {
  const rows = await db
    .updateTable('revisions')
    .set({ state: 'superseded', updated_at: sql`now()` })
    .where('subject_type', '=', s.type)
    .where('subject_id', '=', s.id)
    .where('part', '=', s.part)
    .where('state', 'in', ['published', 'archived'])
    .where('id', '<>', keepId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertEvents(
  db: Kysely<DB>,
  events: { revisionId: number; event: RevisionEvent; from: RevisionState | null; to: RevisionState; actorId: string | null; comment?: string | null }[],
): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('revision_events')
    .values(events.map((e) => ({ revision_id: e.revisionId, event: e.event, from_state: e.from, to_state: e.to, actor_id: e.actorId, comment: e.comment ?? null })))
    .execute();
}

export async function selectEvents(db: Kysely<DB>, revisionIds: readonly number[]) {
  if (!revisionIds.length) return [];
  return db
    .selectFrom('revision_events as e')
    .select(['e.id', 'e.revision_id', 'e.event', 'e.from_state', 'e.to_state', 'e.actor_id', 'e.comment', 'e.at'])
    .where('e.revision_id', 'in', [...revisionIds])
    .orderBy('e.id')
    .execute();
}

export interface OpenRevisionFilter {
  types: readonly SubjectType[];
  state?: 'draft' | 'in_review';
  authorId?: string;
  /** Only revisions whose document has one of `values` at `documentKey`, or whose subject is one of `subjectIds`. */
  scope?: { documentKey: string; values: readonly string[]; subjectIds: readonly string[] };
  /** Top-level fields of the document to return (in `fields`), not the whole document. */
  documentFields?: readonly string[];
  limit: number;
}

/** Open revisions (drafts and reviews) of some subject types, newest first, for work queues. */
export async function selectOpenRevisions(db: Kysely<DB>, filter: OpenRevisionFilter) {
  const fields = filter.documentFields ?? [];
  let q = db
    .selectFrom('revisions as r')
    .select(['r.id', 'r.subject_type', 'r.subject_id', 'r.part', 'r.number', 'r.state', 'r.author_id', 'r.editor_ids', 'r.note', 'r.updated_at', 'r.submitted_at'])
    .select(
      fields.length
        ? sql<Record<string, unknown>>`jsonb_build_object(${sql.join(fields.flatMap((f) => [sql.lit(f), sql`r.document->(${f}::text)`]))})`.as('fields')
        : sql<Record<string, unknown>>`'{}'::jsonb`.as('fields'),
    )
    .where('r.subject_type', 'in', [...filter.types])
    .where('r.state', 'in', filter.state ? [filter.state] : ['draft', 'in_review'])
    .orderBy('r.updated_at', 'desc')
    .limit(filter.limit);
  if (filter.authorId) q = q.where('r.author_id', '=', filter.authorId);
  if (filter.scope) {
    const { documentKey, values, subjectIds } = filter.scope;
    q = q.where((eb) =>
      eb.or([
        ...(values.length ? [eb(sql<string>`r.document->>(${documentKey}::text)`, 'in', [...values])] : []),
        ...(subjectIds.length ? [eb('r.subject_id', 'in', [...subjectIds])] : []),
        sql<SqlBool>`false`,
      ]),
    );
  }
  return q.execute();
}

/** Number of revisions waiting for review of some subject types. */
export async function countRevisionsInReview(db: Kysely<DB>, types: readonly SubjectType[]): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'in_review')
    .where('subject_type', 'in', [...types])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When each subject's latest published revision was decided (subjects never published through the workflow are absent). */
export async function selectLastPublished(db: Kysely<DB>, type: SubjectType, ids: readonly string[]): Promise<Map<string, Date>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db
    .selectFrom('revisions')
    .select(['subject_id', sql<Date>`max(decided_at)`.as('at')])
    .where('subject_type', '=', type)
    .where('subject_id', 'in', list)
    .where('state', '=', 'published')
    .where('decided_at', 'is not', null)
    .groupBy('subject_id')
    .execute();
  return new Map(rows.map((r) => [r.subject_id, new Date(r.at)]));
}

/** Subjects with a revision published (decided) at or after `since`. */
export async function selectPublishedSince(db: Kysely<DB>, type: SubjectType, since: Date): Promise<string[]> {
  const rows = await db.selectFrom('revisions').select('subject_id').distinct().where('subject_type', '=', type).where('state', '=', 'published').where('decided_at', '>=', since).execute();
  return rows.map((r) => r.subject_id);
}

/** Which of some subjects have an open (draft or in-review) revision of any part. */
export async function selectSubjectsWithOpenRevision(db: Kysely<DB>, type: SubjectType, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(ids)], 5000)) {
    const rows = await db.selectFrom('revisions').select('subject_id').distinct().where('subject_type', '=', type).where('subject_id', 'in', part).where('state', 'in', ['draft', 'in_review']).execute();
    for (const r of rows) out.add(r.subject_id);
  }
  return out;
}

/** The latest revision (highest number, any part and state) of a subject. */
export async function selectLatestRevision(db: Kysely<DB>, type: SubjectType, id: string): Promise<RevisionRow | undefined> {
  return db.selectFrom('revisions').selectAll().where('subject_type', '=', type).where('subject_id', '=', id).orderBy('number', 'desc').limit(1).executeTakeFirst();
}
