/** Every SQL statement of the forum (its own tables only). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { SpaceKind } from './tables.js';

export interface SpaceRow {
  id: string;
  kind: SpaceKind;
  title: string;
  description: string;
  created_for_authority: string | null;
  created_at: Date;
}

/** What the policy needs of a space, and nothing else (read before the permission check). */
export async function selectSpaceAccess(db: Kysely<DB>, id: string): Promise<{ kind: SpaceKind; members: string[]; owner: string | null } | undefined> {
  const space = await db.selectFrom('forum_spaces').select(['kind', 'created_for_authority']).where('id', '=', id).executeTakeFirst();
  if (!space) return undefined;
  const members = await db.selectFrom('forum_space_members').select('authority_id').where('space_id', '=', id).orderBy('authority_id').execute();
  return { kind: space.kind, members: members.map((m) => m.authority_id), owner: space.created_for_authority };
}

export async function selectSpace(db: Kysely<DB>, id: string): Promise<SpaceRow | undefined> {
  return db.selectFrom('forum_spaces').select(['id', 'kind', 'title', 'description', 'created_for_authority', 'created_at']).where('id', '=', id).executeTakeFirst();
}

/** Topic spaces (when `topics`) and private spaces with one of the authorities as a member. */
export async function selectSpaces(db: Kysely<DB>, topics: boolean, authorities: readonly string[]): Promise<(SpaceRow & { threads: number })[]> {
  if (!topics && !authorities.length) return [];
  return db
    .selectFrom('forum_spaces as s')
    .select(['s.id', 's.kind', 's.title', 's.description', 's.created_for_authority', 's.created_at'])
    .select((eb) => eb.selectFrom('forum_threads as t').whereRef('t.space_id', '=', 's.id').select((e) => e.fn.countAll<string>().as('n')).as('threads'))
    .where((eb) => {
      const ors = [];
      if (topics) ors.push(eb('s.kind', '=', 'topic'));
      if (authorities.length) ors.push(eb.and([eb('s.kind', '=', 'private'), eb.exists(eb.selectFrom('forum_space_members as m').whereRef('m.space_id', '=', 's.id').where('m.authority_id', 'in', authorities).select('m.space_id'))]));
      return eb.or(ors);
    })
    .orderBy('s.kind', 'desc')
    .orderBy('s.title')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, threads: Number(r.threads ?? 0) })));
}

export async function insertSpace(db: Kysely<DB>, row: { kind: SpaceKind; title: string; description: string; created_by: string | null; created_for_authority: string | null }, members: readonly string[]): Promise<SpaceRow> {
  const space = await db.insertInto('forum_spaces').values(row).returning(['id', 'kind', 'title', 'description', 'created_for_authority', 'created_at']).executeTakeFirstOrThrow();
  if (members.length) await db.insertInto('forum_space_members').values(members.map((authority_id) => ({ space_id: space.id, authority_id }))).execute();
  return space;
}

export interface ThreadRow {
  id: string;
  space_id: string;
  title: string;
  created_at: Date;
  last_post_at: Date;
}

export async function selectThreads(db: Kysely<DB>, spaceId: string): Promise<(ThreadRow & { posts: number })[]> {
  const rows = await db
    .selectFrom('forum_threads as t')
    .select(['t.id', 't.space_id', 't.title', 't.created_at', 't.last_post_at'])
    .select((eb) => eb.selectFrom('forum_posts as p').whereRef('p.thread_id', '=', 't.id').select((e) => e.fn.countAll<string>().as('n')).as('posts'))
    .where('t.space_id', '=', spaceId)
    .orderBy('t.last_post_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, posts: Number(r.posts ?? 0) }));
}

export async function selectThreadSpace(db: Kysely<DB>, threadId: string): Promise<string | undefined> {
  return (await db.selectFrom('forum_threads').select('space_id').where('id', '=', threadId).executeTakeFirst())?.space_id;
}

export async function selectThread(db: Kysely<DB>, threadId: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('forum_threads').select(['id', 'space_id', 'title', 'created_at', 'last_post_at']).where('id', '=', threadId).executeTakeFirst();
}

export async function insertThread(db: Kysely<DB>, row: { space_id: string; title: string; created_by: string | null }): Promise<ThreadRow> {
  return db.insertInto('forum_threads').values(row).returning(['id', 'space_id', 'title', 'created_at', 'last_post_at']).executeTakeFirstOrThrow();
}

export interface PostRow {
  id: string;
  thread_id: string;
  body: string;
  author_id: string | null;
  author_name: string;
  acting_authority_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export async function insertPost(db: Kysely<DB>, row: Omit<PostRow, 'id' | 'created_at' | 'edited_at' | 'hidden_at' | 'hidden_by' | 'hidden_reason'>): Promise<PostRow> {
  const post = await db.insertInto('forum_posts').values(row).returningAll().executeTakeFirstOrThrow();
  await db.updateTable('forum_threads').set({ last_post_at: post.created_at }).where('id', '=', row.thread_id).execute();
  return post;
}

export async function selectPosts(db: Kysely<DB>, threadId: string): Promise<PostRow[]> {
  return db.selectFrom('forum_posts').selectAll().where('thread_id', '=', threadId).orderBy('created_at').orderBy('id').limit(1000).execute();
}

/** What the policy needs about a post: its space, its author, whether it is hidden. */
export async function selectPostThread(db: Kysely<DB>, postId: string): Promise<{ thread_id: string; space_id: string; author_id: string | null; hidden: boolean } | undefined> {
  const row = await db.selectFrom('forum_posts as p').innerJoin('forum_threads as t', 't.id', 'p.thread_id').select(['p.thread_id', 't.space_id', 'p.author_id', 'p.hidden_at']).where('p.id', '=', postId).executeTakeFirst();
  return row ? { thread_id: row.thread_id, space_id: row.space_id, author_id: row.author_id, hidden: row.hidden_at !== null } : undefined;
}

export interface AttachmentMeta {
  id: string;
  post_id: string;
  filename: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  created_at: Date;
}

const META = ['id', 'post_id', 'filename', 'media_type', 'byte_size', 'sha256', 'created_at'] as const;

export async function insertAttachment(db: Kysely<DB>, row: Omit<AttachmentMeta, 'id' | 'created_at'> & { content: Buffer }): Promise<AttachmentMeta> {
  return db.insertInto('forum_attachments').values(row).returning([...META]).executeTakeFirstOrThrow();
}

export async function selectAttachments(db: Kysely<DB>, postIds: readonly string[]): Promise<AttachmentMeta[]> {
  if (!postIds.length) return [];
  return db.selectFrom('forum_attachments').select([...META]).where('post_id', 'in', postIds).orderBy('created_at').execute();
}

/** The space an attachment belongs to (for the permission check, before its content is read). */
export async function selectAttachmentSpace(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('forum_attachments as a')
      .innerJoin('forum_posts as p', 'p.id', 'a.post_id')
      .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
      .select('t.space_id')
      .where('a.id', '=', id)
      .executeTakeFirst()
  )?.space_id;
}

export async function selectAttachment(db: Kysely<DB>, id: string): Promise<(AttachmentMeta & { content: Buffer }) | undefined> {
  return db.selectFrom('forum_attachments').select([...META, 'content']).where('id', '=', id).executeTakeFirst();
}

export async function selectOptedOut(db: Kysely<DB>, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  return new Set((await db.selectFrom('forum_mail_opt_outs').select('user_id').where('user_id', 'in', userIds).execute()).map((r) => r.user_id));
}

export async function setOptOut(db: Kysely<DB>, userId: string, off: boolean): Promise<void> {
  if (off) await db.insertInto('forum_mail_opt_outs').values({ user_id: userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  else await db.deleteFrom('forum_mail_opt_outs').where('user_id', '=', userId).execute();
}

export async function isOptedOut(db: Kysely<DB>, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('forum_mail_opt_outs').select('user_id').where('user_id', '=', userId).executeTakeFirst());
}
