/**
 * The forum's pages (server-rendered, usable without JavaScript): the list of spaces with the forms
 * to open a space and to turn forum mail on or off, a space with its threads and the form to start
 * one, a thread with its posts and the reply form. User text is plain text in dir="auto" elements.
 */
import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../../../platform/http/errors.js';
import { translator, type Translate } from '../../../platform/i18n/messages.js';
import { CsrfField, Layout } from '../../../platform/web/layout.js';
import { href, type PageContext } from '../../../platform/web/page.js';
import { LIMITS, paragraphs } from '../domain/input.js';
import { forumMessages, type ForumMessageKey } from '../forum.messages.js';
import type { PostView, SpaceView, ThreadView } from '../service.js';
import { MembersForm, PostState, PostTools, SearchForm, Unread } from './changes.js';

export type FT = Translate<ForumMessageKey>;
export const ft = (ctx: { lang: PageContext['lang'] }): FT => translator(forumMessages, ctx.lang);
const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;
const ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.tif,.tiff,.txt,.eml,.msg';

export function ForumPage(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} section="forum">
      <div class="forum">{props.children}</div>
    </Layout>
  );
}

export function Problems({ ctx, issues }: { ctx: PageContext; issues: FieldIssue[] }) {
  const t = ft(ctx);
  return (
    <div class="error-summary" role="alert" aria-labelledby="forum-errors" tabIndex={-1}>
      <h2 id="forum-errors">{t('error_title')}</h2>
      <ul>
        {issues.map((i) => (
          <li dir="auto">{i.field ? `${i.field}: ${i.message}` : i.message}</li>
        ))}
      </ul>
    </div>
  );
}

export interface SpacesModel {
  spaces: { id: string; kind: 'topic' | 'private'; title: string; description: string; threads: number; unread: number }[];
  createTopic: boolean;
  createFor: { id: string; name: string }[];
  mailOn: boolean;
}

export function SpacesBody({ ctx, model, issues }: { ctx: PageContext; model: SpacesModel; issues?: FieldIssue[] }) {
  const t = ft(ctx);
  const list = (kind: 'topic' | 'private') => {
    const items = model.spaces.filter((s) => s.kind === kind);
    return items.length ? (
      <ul class="forum-spaces">
        {items.map((s) => (
          <li>
            <a href={href(ctx, `/forum/spaces/${s.id}`)} dir="auto">
              {s.title}
            </a>{' '}
            <span class="muted">{t('threads_count', { count: s.threads })}</span>
            <Unread ctx={ctx} count={s.unread} />
            {s.description ? <p dir="auto">{s.description}</p> : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">{t('no_spaces')}</p>
    );
  };
  return (
    <>
      <h1>{t('forum_title')}</h1>
      <p>{t('forum_intro')}</p>
      <SearchForm ctx={ctx} />
      {issues?.length ? <Problems ctx={ctx} issues={issues} /> : null}
      <section aria-labelledby="topic-heading">
        <h2 id="topic-heading">{t('topic_spaces')}</h2>
        {list('topic')}
      </section>
      <section aria-labelledby="private-heading">
        <h2 id="private-heading">{t('private_spaces')}</h2>
        {list('private')}
      </section>
      {model.createTopic || model.createFor.length ? (
        <form method="post" action={href(ctx, '/forum/spaces')} class="dir-form">
          <h2>{t('new_space')}</h2>
          <CsrfField ctx={ctx} />
          <div class="form-row">
            <label for="space-kind">{t('field_kind')}</label>
            <select id="space-kind" name="kind">
              {model.createFor.length ? <option value="private">{t('kind_private_option')}</option> : null}
              {model.createTopic ? <option value="topic">{t('kind_topic_option')}</option> : null}
            </select>
          </div>
          <div class="form-row">
            <label for="space-title">{t('field_title')}</label>
            <input type="text" id="space-title" name="title" required maxLength={LIMITS.title} dir="auto" />
          </div>
          <div class="form-row">
            <label for="space-description">{t('field_description')}</label>
            <textarea id="space-description" name="description" rows={3} maxLength={LIMITS.description} dir="auto" />
          </div>
          {model.createFor.length ? (
            <>
              <div class="form-row">
                <label for="space-authority">{t('field_authority')}</label>
                <select id="space-authority" name="authority_id">
                  {model.createFor.map((a) => (
                    <option value={a.id} dir="auto">
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="form-row">
                <label for="space-members">{t('field_members')}</label>
                <input type="text" id="space-members" name="members" dir="ltr" />
              </div>
            </>
          ) : null}
          <button type="submit">{t('create_space')}</button>
        </form>
      ) : null}
      <form method="post" action={href(ctx, '/forum/mail')} class="inline-form">
        <h2>{t('mail_settings')}</h2>
        <CsrfField ctx={ctx} />
        <p>{model.mailOn ? t('mail_is_on') : t('mail_is_off')}</p>
        <input type="hidden" name="on" value={model.mailOn ? '0' : '1'} />
        <button type="submit">{model.mailOn ? t('mail_turn_off') : t('mail_turn_on')}</button>
      </form>
    </>
  );
}

function SpaceHeader({ ctx, space }: { ctx: PageContext; space: SpaceView }) {
  const t = ft(ctx);
  return (
    <>
      {space.kind === 'private' ? (
        <>
          <p class="notice" role="note">
            {t('private_notice')}
          </p>
          <p>
            {t('members')}:{' '}
            {space.members.map((m, i) => (
              <>
                {i ? ', ' : ''}
                <span dir="auto">{m.name}</span>
              </>
            ))}
          </p>
        </>
      ) : (
        <p class="muted">{t('kind_topic')}</p>
      )}
    </>
  );
}

function PostFields({ ctx, subject }: { ctx: PageContext; subject: boolean }) {
  const t = ft(ctx);
  return (
    <>
      {/* The fields come before the file: the server reads them, and checks the token, before the file. */}
      <CsrfField ctx={ctx} />
      {subject ? (
        <div class="form-row">
          <label for="post-title">{t('field_subject')}</label>
          <input type="text" id="post-title" name="title" required maxLength={LIMITS.title} dir="auto" />
        </div>
      ) : null}
      <div class="form-row">
        <label for="post-body">{t('field_body')}</label>
        <textarea id="post-body" name="body" required rows={6} maxLength={LIMITS.body} dir="auto" />
      </div>
      <div class="form-row">
        <label for="post-file">{t('field_file')}</label>
        <input type="file" id="post-file" name="file" accept={ACCEPT} />
      </div>
    </>
  );
}

export function SpaceBody({ ctx, space, threads, mayPost, mayManageMembers, owner, issues }: { ctx: PageContext; space: SpaceView; threads: ThreadView[]; mayPost: boolean; mayManageMembers?: boolean; owner?: string | null; issues?: FieldIssue[] }) {
  const t = ft(ctx);
  return (
    <>
      <nav class="breadcrumbs" aria-label={t('back_to_forum')}>
        <a href={href(ctx, '/forum')}>← {t('back_to_forum')}</a>
      </nav>
      <h1 dir="auto">{space.title}</h1>
      {space.description ? <p dir="auto">{space.description}</p> : null}
      <SpaceHeader ctx={ctx} space={space} />
      {issues?.length ? <Problems ctx={ctx} issues={issues} /> : null}
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{t('threads')}</h2>
        {threads.length ? (
          <ul class="forum-threads">
            {threads.map((th) => (
              <li>
                <a href={href(ctx, `/forum/threads/${th.id}`)} dir="auto">
                  {th.title}
                </a>{' '}
                <span class="muted">
                  {t('posts_count', { count: th.posts })} · {t('last_post', { when: when(th.lastPostAt) })}
                </span>
                <Unread ctx={ctx} count={th.unread ?? 0} threadId={th.id} postId={th.firstUnreadPostId} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('no_threads')}</p>
        )}
      </section>
      {mayPost ? (
        <form method="post" action={href(ctx, `/forum/spaces/${space.id}/threads`)} enctype="multipart/form-data" class="dir-form">
          <h2>{t('new_thread')}</h2>
          <PostFields ctx={ctx} subject />
          <button type="submit">{t('post_thread')}</button>
        </form>
      ) : null}
      {mayManageMembers ? <MembersForm ctx={ctx} space={space} owner={owner ?? null} /> : null}
    </>
  );
}

function PostText({ body }: { body: string }) {
  return (
    <div class="forum-post-text" dir="auto">
      {paragraphs(body).map((lines) => (
        <p dir="auto">
          {lines.map((l, i) => (
            <>
              {i ? <br /> : null}
              {l}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

export function ThreadBody({ ctx, space, thread, posts, mayPost, mayModerate, issues }: { ctx: PageContext; space: SpaceView; thread: ThreadView; posts: PostView[]; mayPost: boolean; mayModerate?: boolean; issues?: FieldIssue[] }) {
  const t = ft(ctx);
  return (
    <>
      <nav class="breadcrumbs" aria-label={t('back_to_space')}>
        <a href={href(ctx, '/forum')}>{t('back_to_forum')}</a> ›{' '}
        <a href={href(ctx, `/forum/spaces/${space.id}`)} dir="auto">
          {space.title}
        </a>
      </nav>
      <h1 dir="auto">{thread.title}</h1>
      <SpaceHeader ctx={ctx} space={space} />
      {issues?.length ? <Problems ctx={ctx} issues={issues} /> : null}
      <ol class="forum-posts">
        {posts.map((p) => (
          <li id={`post-${p.id}`}>
            <article>
              <p class="muted">
                <span dir="auto">{t('posted_by', { name: p.authorName, when: when(p.createdAt) })}</span>
                {p.actingAuthority ? (
                  <>
                    {' '}
                    <span dir="auto">{t('acting_for', { authority: p.actingAuthority.name })}</span>
                  </>
                ) : null}
              </p>
              <PostState ctx={ctx} post={p} />
              {p.hidden ? null : <PostText body={p.body} />}
              {p.attachments.length ? (
                <ul class="forum-attachments" aria-label={t('field_file')}>
                  {p.attachments.map((a) => (
                    <li>
                      <a href={`/api/v1/forum/attachments/${a.id}/content`} dir="auto">
                        {a.filename}
                      </a>{' '}
                      <span class="muted">{t('attachment_size', { size: Math.max(1, Math.round(a.byteSize / 1024)) })}</span> <code class="break-all">{a.sha256}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
              <PostTools ctx={ctx} post={p} mayModerate={!!mayModerate} />
            </article>
          </li>
        ))}
      </ol>
      {mayPost ? (
        <form method="post" action={href(ctx, `/forum/threads/${thread.id}/posts`)} enctype="multipart/form-data" class="dir-form">
          <h2>{t('reply')}</h2>
          <PostFields ctx={ctx} subject={false} />
          <button type="submit">{t('post_reply')}</button>
        </form>
      ) : null}
    </>
  );
}
