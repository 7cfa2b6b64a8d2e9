/**
 * The forum's later parts over real HTTP: editing one's own post and hiding a post through the page
 * forms (CSRF) and the API, member changes by the owner (a removed member gets the stranger's 403 on
 * pages and API), "N new" markers with a link to the first unread post, and search pages and API that
 * never show a private post to a non-member.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');

describe('forum changes over HTTP', () => {
  let server: TestServer;
  const c: Record<'a' | 'b' | 'outsider', Client> = {} as never;
  const csrf: Record<string, string> = {};
  const ids = { a: '', b: '', c: '' };
  let spaceId: string;
  let threadId: string;
  let postId: string;

  const api = (who: keyof typeof c, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    server.get(path, { method, headers: { cookie: cookieOf(c[who]), origin: server.url, 'x-csrf-token': csrf[who]!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  before(async () => {
    server = await startTestServer();
    const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'EGY' }), anAuthority({ country: 'CHN' })];
    await importAuthorities(server.runtime.db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
    });
    [ids.a, ids.b, ids.c] = docs.map((d) => d.id) as [string, string, string];
    const users = {
      a: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: ids.a }], totp: true, name: 'Anne Superviseure' }),
      b: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.b }], totp: true, name: 'سامي الموظف' }),
      outsider: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.c }], totp: true, name: '王官员' }),
    };
    for (const k of Object.keys(users) as (keyof typeof users)[]) {
      c[k] = new Client(server);
      await signInAs(c[k], users[k]);
      csrf[k] = (await c[k].page('/en/account')).csrf;
    }
    const space = await api('a', '/api/v1/forum/spaces', { kind: 'private', title: 'مشاورة سرية', authority_id: ids.a, members: [ids.b] });
    assert.equal(space.status, 201, await space.clone().text());
    spaceId = ((await space.json()) as { id: string }).id;
    const thread = await api('b', `/api/v1/forum/spaces/${spaceId}/threads`, { title: 'Entraide 证据', body: 'Le compte zebracode est gelé — الحساب مجمد' });
    assert.equal(thread.status, 201);
    ({ threadId, postId } = (await thread.json()) as { threadId: string; postId: string });
  });
  after(async () => server?.close());

  it('marks new posts per space and thread, linking to the first unread; reading clears it', async () => {
    const forum = await c.a.page('/en/forum');
    assert.match(forum.html, /class="forum-unread">1 new</);
    const space = await c.a.page(`/ar/forum/spaces/${spaceId}`);
    assert.match(space.html, new RegExp(`href="/ar/forum/threads/${threadId}#post-${postId}"`));
    assert.match(space.html, /مشاركة جديدة واحدة/);
    await c.a.page(`/en/forum/threads/${threadId}`);
    assert.doesNotMatch((await c.a.page('/en/forum')).html, /forum-unread/);
    const list = (await (await api('a', '/api/v1/forum/spaces')).json()) as { spaces: { id: string; unread: number }[] };
    assert.equal(list.spaces.find((s) => s.id === spaceId)?.unread, 0);
  });

  it('lets the author edit through the page form; the post shows edited with its earlier text', async () => {
    const page = await c.b.page(`/en/forum/threads/${threadId}`);
    assert.match(page.html, new RegExp(`action="/en/forum/threads/${threadId}/posts/${postId}/edit"`));
    const res = await c.b.post(`/en/forum/threads/${threadId}/posts/${postId}/edit`, { _csrf: page.csrf, body: 'Texte corrigé — 更正' });
    assert.equal(res.status, 303, await res.text());
    const seen = await c.a.page(`/zh/forum/threads/${threadId}`);
    assert.match(seen.html, /更正/);
    assert.match(seen.html, /编辑于/);
    assert.match(seen.html, /zebracode/, 'the earlier text is kept in the history');
    assert.doesNotMatch(seen.html, new RegExp(`posts/${postId}/edit`), 'only the author gets the edit form');
    const bad = await api('a', `/api/v1/forum/posts/${postId}`, { body: 'Not mine' }, 'PATCH');
    assert.equal(bad.status, 403);
    const empty = await api('b', `/api/v1/forum/posts/${postId}`, { body: '' }, 'PATCH');
    assert.equal(empty.status, 400);
    assert.equal(((await empty.json()) as { errors: { field: string }[] }).errors[0]?.field, 'body');
  });

  it('searches only the spaces one may see (page and API)', async () => {
    const mine = await c.a.page('/en/forum/search?q=zebracode');
    assert.equal(mine.res.status, 200);
    const apiHits = (await (await api('b', `/api/v1/forum/search?q=${encodeURIComponent('更正')}`)).json()) as { results: { postId: string }[] };
    assert.deepEqual(apiHits.results.map((r) => r.postId), [postId]);
    const theirs = await c.outsider.page(`/en/forum/search?q=${encodeURIComponent('更正')}`);
    assert.equal(theirs.res.status, 200);
    assert.doesNotMatch(theirs.html, /Entraide|مشاورة/);
    assert.match(theirs.html, /<ol class="forum-search-results"><\/ol>/, 'no result: only the query itself is shown');
    assert.match(theirs.html, /0 posts found/);
    const short = await api('outsider', '/api/v1/forum/search?q=x');
    assert.equal(short.status, 400);
    assert.equal(((await short.json()) as { errors: { field: string }[] }).errors[0]?.field, 'q');
  });

  it('lets the owner hide a post with a reason; members see it hidden', async () => {
    assert.equal((await api('b', `/api/v1/forum/posts/${postId}/hide`, { reason: 'x' })).status, 403);
    const page = await c.a.page(`/en/forum/threads/${threadId}`);
    const res = await c.a.post(`/en/forum/threads/${threadId}/posts/${postId}/hide`, { _csrf: page.csrf, reason: 'بيانات شخصية' });
    assert.equal(res.status, 303, await res.text());
    const seen = await c.b.page(`/en/forum/threads/${threadId}`);
    assert.match(seen.html, /A moderator hid this post/);
    assert.match(seen.html, /بيانات شخصية/);
    assert.doesNotMatch(seen.html, /更正/);
    const json = (await (await api('b', `/api/v1/forum/threads/${threadId}`)).json()) as { posts: { body: string; hidden: { reason: string } | null }[] };
    assert.equal(json.posts[0]?.body, '');
    assert.equal(json.posts[0]?.hidden?.reason, 'بيانات شخصية');
  });

  it('lets the owner add and remove members; a removed member gets the same 403 as a stranger', async () => {
    const page = await c.a.page(`/en/forum/spaces/${spaceId}`);
    assert.match(page.html, /id="members-heading"/);
    assert.doesNotMatch((await c.b.page(`/en/forum/spaces/${spaceId}`)).html, /id="members-heading"/, 'only the owner manages members');
    const add = await c.a.post(`/en/forum/spaces/${spaceId}/members`, { _csrf: page.csrf, authority_id: ids.c });
    assert.equal(add.status, 303, await add.text());
    assert.equal((await c.outsider.get(`/en/forum/spaces/${spaceId}`)).status, 200);
    const unknown = await c.a.post(`/en/forum/spaces/${spaceId}/members`, { _csrf: page.csrf, authority_id: 'no-such-authority' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /authority_id/);
    const remove = await c.a.post(`/en/forum/spaces/${spaceId}/members/remove`, { _csrf: page.csrf, authority_id: ids.c });
    assert.equal(remove.status, 303);
    const removed = await c.outsider.get(`/en/forum/spaces/${spaceId}`);
    const stranger = await c.outsider.get(`/en/forum/spaces/${crypto.randomUUID()}`);
    assert.equal(removed.status, 403);
    assert.equal(stranger.status, 403);
    assert.doesNotMatch(await removed.text(), /مشاورة/);
    const apiRemoved = await api('outsider', `/api/v1/forum/spaces/${spaceId}`);
    const apiStranger = await api('outsider', `/api/v1/forum/spaces/${crypto.randomUUID()}`);
    assert.equal(apiRemoved.status, 403);
    assert.equal(((await apiRemoved.json()) as { detail: string }).detail, ((await apiStranger.json()) as { detail: string }).detail);
    const owner = await api('a', `/api/v1/forum/spaces/${spaceId}/members/${ids.a}`, undefined, 'DELETE');
    assert.equal(owner.status, 409);
  });
});
