/**
 * The forum's SQL for edits, moderation, member changes, unread markers and search (the services in
 * moderation-service.ts and reading-service.ts decide who may; these only read and write).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Keep the text being replaced in the history, then change the post. */
export async function editPost(db: Kysely<DB>, postId: string, body: string, editedBy: string | null): Promise<void> {
  const old = await db.selectFrom('forum_posts').select('body').where('id', '=', postId).forUpdate().executeTakeFirstOrThrow();
  await db.insertInto('forum_post_edits').values({ post_id: postId, previous_body: old.body, edited_by: editedBy }).execute();
  await db.updateTable('forum_posts').set({ body, edited_at: sql<Date>`now()` }).where('id', '=', postId).execute();
}

export interface EditRow {
  post_id: string;
  previous_body: string;
  edited_at: Date;
}

export async function selectEdits(db: Kysely<DB>, postIds: readonly string[]): Promise<EditRow[]> {
  if (!postIds.length) return [];
  return db.selectFrom('forum_post_edits').select(['post_id', 'previous_body', 'edited_at']).where('post_id', 'in', postIds).orderBy('id').execute();
}

export async function hidePost(db: Kysely<DB>, postId: string, by: string | null, reason: string): Promise<void> {
  await db.updateTable('forum_posts').set({ hidden_at: sql<Date>`now()`, hidden_by: by, hidden_reason: reason }).where('id', '=', postId).execute();
}

export async function selectSpaceOwner(db: Kysely<DB>, spaceId: string): Promise<string | null> {
  return (await db.selectFrom('forum_spaces').select('created_for_authority').where('id', '=', spaceId).executeTakeFirst())?.created_for_authority ?? null;
}

export async function insertMember(db: Kysely<DB>, spaceId: string, authorityId: string): Promise<boolean> {
  const r = await db.insertInto('forum_space_members').values({ space_id: spaceId, authority_id: authorityId }).onConflict((oc) => oc.columns(['space_id', 'authority_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMember(db: Kysely<DB>, spaceId: string, authorityId: string): Promise<boolean> {
  const r = await db.deleteFrom('forum_space_members').where('space_id', '=', spaceId).where('authority_id', '=', authorityId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The reader has seen the thread up to its newest post (in SQL: timestamps keep their microseconds). */
export async function markRead(db: Kysely<DB>, userId: string, threadId: string): Promise<void> {
  await sql`
    INSERT INTO forum_thread_reads (user_id, thread_id, read_until)
    SELECT ${userId}::uuid, ${threadId}::uuid, max(created_at) FROM forum_posts WHERE thread_id = ${threadId}::uuid HAVING max(created_at) IS NOT NULL
    ON CONFLICT (user_id, thread_id) DO UPDATE SET read_until = greatest(forum_thread_reads.read_until, excluded.read_until)`.execute(db);
}

/** Per thread of the space: how many posts by others the reader has not seen, and the first of them. */
export async function selectUnread(db: Kysely<DB>, userId: string, spaceIds: readonly string[]): Promise<{ space_id: string; thread_id: string; unread: number; first_unread: string | null }[]> {
  if (!spaceIds.length) return [];
  const rows = await sql<{ space_id: string; thread_id: string; unread: string; first_unread: string | null }>`
    SELECT t.space_id, t.id AS thread_id, count(*) AS unread,
           (array_agg(p.id ORDER BY p.created_at, p.id))[1] AS first_unread
      FROM forum_threads t
      JOIN forum_posts p ON p.thread_id = t.id
      LEFT JOIN forum_thread_reads r ON r.thread_id = t.id AND r.user_id = ${userId}
     WHERE t.space_id IN (${sql.join(spaceIds.map((id) => sql`${id}::uuid`))})
       AND p.author_id IS DISTINCT FROM ${userId}::uuid
       AND (r.read_until IS NULL OR p.created_at > r.read_until)
     GROUP BY t.space_id, t.id`.execute(db);
  return rows.rows.map((r) => ({ ...r, unread: Number(r.unread) }));
}

export interface SearchHit {
  post_id: string;
  thread_id: string;
  thread_title: string;
  space_id: string;
  space_title: string;
  space_kind: 'topic' | 'private';
  body: string;
  author_name: string;
  created_at: Date;
}

/**
 * Posts matching the words (full text, simple configuration; a substring match as well, for scripts
 * written without spaces such as Chinese), only in topic spaces (when `topics`) and in private spaces
 * one of `authorities` is a member of; hidden posts are never found.
 */
export async function searchPosts(db: Kysely<DB>, q: string, topics: boolean, authorities: readonly string[], limit = 50): Promise<SearchHit[]> {
  if (!topics && !authorities.length) return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const visible = [
    ...(topics ? [sql`s.kind = 'topic'`] : []),
    ...(authorities.length ? [sql`(s.kind = 'private' AND EXISTS (SELECT 1 FROM forum_space_members m WHERE m.space_id = s.id AND m.authority_id IN (${sql.join(authorities.map((a) => sql`${a}`))})))`] : []),
  ];
  const rows = await sql<SearchHit>`
    SELECT p.id AS post_id, t.id AS thread_id, t.title AS thread_title, s.id AS space_id, s.title AS space_title, s.kind AS space_kind,
           p.body, p.author_name, p.created_at
      FROM forum_posts p
      JOIN forum_threads t ON t.id = p.thread_id
      JOIN forum_spaces s ON s.id = t.space_id
     WHERE (${sql.join(visible, sql` OR `)})
       AND p.hidden_at IS NULL
       AND (to_tsvector('simple', p.body) @@ websearch_to_tsquery('simple', ${q}) OR p.body ILIKE ${like} OR t.title ILIKE ${like})
     ORDER BY p.created_at DESC, p.id
     LIMIT ${limit}`.execute(db);
  return rows.rows;
}
