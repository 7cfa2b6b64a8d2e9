/**
 * The forum pages' parts for the later features (usable without JavaScript): "N new" markers with
 * a link to the first unread post, a post's "edited" mark with its earlier texts, the hidden notice,
 * the edit and hide forms (in disclosure elements), the members form of a private space's owner, and
 * the search form and results.
 */
import { CsrfField } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { LIMITS } from '../domain/input.js';
import type { SearchResult } from '../search-service.js';
import type { PostView, SpaceView } from '../service.js';
import { ft } from './forum.js';

const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/** "3 new", linking to the first unread post when known. */
export function Unread({ ctx, count, threadId, postId }: { ctx: PageContext; count: number; threadId?: string; postId?: string | null }) {
  if (!count) return null;
  const t = ft(ctx);
  const label = t('unread_count', { count });
  return (
    <>
      {' '}
      {threadId && postId ? (
        <a class="forum-unread" href={`${href(ctx, `/forum/threads/${threadId}`)}#post-${postId}`} title={t('jump_to_unread')}>
          {label}
        </a>
      ) : (
        <strong class="forum-unread">{label}</strong>
      )}
    </>
  );
}

/** Hidden notice, or the "edited" mark with the earlier texts. */
export function PostState({ ctx, post }: { ctx: PageContext; post: PostView }) {
  const t = ft(ctx);
  if (post.hidden) {
    return (
      <p class="notice forum-hidden" role="note">
        {t('post_hidden')} <span dir="auto">{post.hidden.reason}</span>
      </p>
    );
  }
  if (!post.editedAt) return null;
  return (
    <details class="forum-history">
      <summary>{t('edited', { when: when(post.editedAt) })}</summary>
      <ol>
        {post.history.map((h) => (
          <li>
            <p class="muted">{t('version_until', { when: when(h.editedAt) })}</p>
            <pre class="forum-earlier-text" dir="auto">
              {h.body}
            </pre>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The author's edit form and the moderator's hide form of a post. */
export function PostTools({ ctx, post, mayModerate }: { ctx: PageContext; post: PostView; mayModerate: boolean }) {
  const t = ft(ctx);
  const base = `/forum/threads/${post.threadId}/posts/${post.id}`;
  return (
    <>
      {post.mayEdit ? (
        <details class="forum-tool">
          <summary>{t('edit_post')}</summary>
          <form method="post" action={href(ctx, `${base}/edit`)} class="dir-form">
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for={`edit-${post.id}`}>{t('field_body')}</label>
              <textarea id={`edit-${post.id}`} name="body" required rows={6} maxLength={LIMITS.body} dir="auto">
                {post.body}
              </textarea>
            </div>
            <button type="submit">{t('save_edit')}</button>
          </form>
        </details>
      ) : null}
      {mayModerate && !post.hidden ? (
        <details class="forum-tool">
          <summary>{t('hide_post')}</summary>
          <form method="post" action={href(ctx, `${base}/hide`)} class="dir-form">
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for={`hide-${post.id}`}>{t('field_reason')}</label>
              <input type="text" id={`hide-${post.id}`} name="reason" required maxLength={LIMITS.reason} dir="auto" />
            </div>
            <button type="submit">{t('hide_submit')}</button>
          </form>
        </details>
      ) : null}
    </>
  );
}

/** The owner authority's forms: add a member, remove one (never the owner). */
export function MembersForm({ ctx, space, owner }: { ctx: PageContext; space: SpaceView; owner: string | null }) {
  const t = ft(ctx);
  return (
    <section aria-labelledby="members-heading" class="forum-members">
      <h2 id="members-heading">{t('manage_members')}</h2>
      <ul>
        {space.members.map((m) => (
          <li>
            <span dir="auto">{m.name}</span>{' '}
            {m.id === owner ? (
              <span class="muted">{t('owner')}</span>
            ) : (
              <form method="post" action={href(ctx, `/forum/spaces/${space.id}/members/remove`)} class="inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="authority_id" value={m.id} />
                <button type="submit">{t('remove_member')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form method="post" action={href(ctx, `/forum/spaces/${space.id}/members`)} class="dir-form">
        <CsrfField ctx={ctx} />
        <div class="form-row">
          <label for="member-authority">{t('field_member_authority')}</label>
          <input type="text" id="member-authority" name="authority_id" required maxLength={LIMITS.authorityId} dir="ltr" />
        </div>
        <button type="submit">{t('add_member')}</button>
      </form>
    </section>
  );
}

export function SearchForm({ ctx, q }: { ctx: PageContext; q?: string }) {
  const t = ft(ctx);
  return (
    <form method="get" action={href(ctx, '/forum/search')} role="search" class="inline-form">
      <label for="forum-q">{t('search_label')}</label> <input type="search" id="forum-q" name="q" value={q ?? ''} required minLength={2} maxLength={LIMITS.query} dir="auto" />{' '}
      <button type="submit">{t('search_submit')}</button>
    </form>
  );
}

export function SearchBody({ ctx, q, results }: { ctx: PageContext; q: string; results: SearchResult[] }) {
  const t = ft(ctx);
  return (
    <>
      <nav class="breadcrumbs" aria-label={t('back_to_forum')}>
        <a href={href(ctx, '/forum')}>← {t('back_to_forum')}</a>
      </nav>
      <h1>{t('search_title')}</h1>
      <SearchForm ctx={ctx} q={q} />
      <p role="status">{t('search_results', { count: results.length })}</p>
      <ol class="forum-search-results">
        {results.map((r) => (
          <li>
            <a href={`${href(ctx, `/forum/threads/${r.threadId}`)}#post-${r.postId}`} dir="auto">
              {r.threadTitle}
            </a>{' '}
            <span class="muted">
              <span dir="auto">{r.spaceTitle}</span> · <span dir="auto">{t('posted_by', { name: r.authorName, when: when(r.createdAt) })}</span>
            </span>
            <p dir="auto">{r.excerpt}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
