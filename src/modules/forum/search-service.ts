/**
 * Search of posts (docs/FORUM.md): only within the spaces the reader may see, asked of the policy
 * (topic spaces for practitioners and above, private spaces of the reader's member authorities);
 * hidden posts are never found. Finding posts of a private space is a read of it: one audit entry
 * per private space in the results, in the transaction of the search.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../../platform/http/errors.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { checkQuery } from './domain/input.js';
import { searchPosts as search } from './repository-moderation.js';
import { forumAbilities } from './service.js';

export interface SearchResult {
  postId: string;
  threadId: string;
  threadTitle: string;
  spaceId: string;
  spaceTitle: string;
  spaceKind: 'topic' | 'private';
  /** The start of the post (plain text). */
  excerpt: string;
  authorName: string;
  createdAt: string;
}

const EXCERPT = 240;

export async function searchPosts(db: Kysely<DB>, ctx: AuditContext, rawQuery: unknown): Promise<{ q: string; results: SearchResult[] }> {
  const actor = ctx.actor;
  if (actor.userId === null) throw new UnauthorizedError();
  const can = forumAbilities(actor);
  if (!can.any) throw new ForbiddenError('You are not allowed to read the forum (forum.read)');
  const { value: q, issues } = checkQuery(rawQuery);
  if (q === undefined) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const hits = await search(trx, q, can.topics, can.authorities);
    for (const spaceId of new Set(hits.filter((h) => h.space_kind === 'private').map((h) => h.space_id))) {
      await recordAudit(trx, ctx, { action: 'forum.read', targetType: 'forum_search', targetId: spaceId, changes: { space: spaceId, query: q } });
    }
    return {
      q,
      results: hits.map((h) => ({
        postId: h.post_id,
        threadId: h.thread_id,
        threadTitle: h.thread_title,
        spaceId: h.space_id,
        spaceTitle: h.space_title,
        spaceKind: h.space_kind,
        excerpt: [...h.body].length > EXCERPT ? `${[...h.body].slice(0, EXCERPT).join('')}…` : h.body,
        authorName: h.author_name,
        createdAt: new Date(h.created_at).toISOString(),
      })),
    };
  });
}
