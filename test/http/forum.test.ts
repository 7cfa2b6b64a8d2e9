/**
 * The forum over real HTTP: pages without JavaScript (forms with CSRF, multipart post forms with an
 * attachment), the JSON API (problem+json naming fields, operationIds), the 403 before anything of
 * a private space is revealed (pages, API, attachments), audited reads, 413/415 with nothing written.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';

type Part = [string, string] | [string, Blob, string];

function cookieOf(c: Client): string {
  return [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function postForm(c: Client, path: string, parts: Part[], headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const p of parts) {
    if (p.length === 3) form.append(p[0], p[1], p[2]);
    else form.append(p[0], p[1]);
  }
  return c.server.get(path, { method: 'POST', body: form, headers: { cookie: cookieOf(c), origin: c.server.url, ...headers } });
}

describe('forum over HTTP', () => {
  let server: TestServer;
  const c: Record<'a' | 'b' | 'outsider' | 'practitioner', Client> = {} as never;
  const csrf: Record<string, string> = {};
  const ids = { a: '', b: '', c: '' };
  let spaceId: string;
  let threadId: string;

  const count = async (t: 'forum_posts' | 'forum_attachments' | 'forum_threads' | 'forum_spaces') => Number((await server.runtime.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const api = (who: keyof typeof c, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    c[who].server.get(path, { method, headers: { cookie: cookieOf(c[who]), origin: server.url, 'x-csrf-token': csrf[who]!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  before(async () => {
    server = await startTestServer();
    const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'ITA' }), anAuthority({ country: 'DEU' })];
    await importAuthorities(server.runtime.db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
    });
    [ids.a, ids.b, ids.c] = docs.map((d) => d.id) as [string, string, string];
    const users = {
      a: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.a }], totp: true, name: 'Anne Officer' }),
      b: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.b }], totp: true, name: 'Bruno Ufficiale' }),
      outsider: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.c }], totp: true, name: 'Clara Beamtin' }),
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Pat Practitioner' }),
    };
    for (const k of Object.keys(users) as (keyof typeof users)[]) {
      c[k] = new Client(server);
      await signInAs(c[k], users[k]);
      csrf[k] = (await c[k].page('/en/account')).csrf;
    }
  });
  after(async () => server?.close());

  it('opens a private space through the page form (CSRF), shown to members in every language', async () => {
    const page = await c.a.page('/en/forum');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /action="\/en\/forum\/spaces"/);
    assert.match(page.html, /<a href="\/en\/forum">Forum<\/a>/, 'the header links to the forum');
    const res = await c.a.post('/en/forum/spaces', { _csrf: page.csrf, kind: 'private', title: 'Consultation avant refus', description: 'art. 18(26)', authority_id: ids.a, members: ids.b });
    assert.equal(res.status, 303, await res.text());
    spaceId = res.headers.get('location')!.split('/').pop()!;
    for (const lang of ['ar', 'zh', 'en', 'fr', 'es', 'ru']) {
      const p = await c.b.page(`/${lang}/forum/spaces/${spaceId}`);
      assert.equal(p.res.status, 200, lang);
      assert.match(p.html, /<h1 dir="auto">Consultation avant refus<\/h1>/);
      assert.match(p.html, lang === 'ar' ? /dir="rtl"/ : /dir="ltr"/);
    }
  });

  it('shows bad space input on the page, naming the field, and writes nothing', async () => {
    const n = await count('forum_spaces');
    const page = await c.a.page('/en/forum');
    const res = await c.a.post('/en/forum/spaces', { _csrf: page.csrf, kind: 'private', title: 'Unknown partner', authority_id: ids.a, members: 'no-such-authority' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /members: no published authority/);
    assert.equal(await count('forum_spaces'), n);
  });

  it('refuses a page form without its CSRF token and writes nothing', async () => {
    const n = await count('forum_spaces');
    const res = await c.a.post('/en/forum/spaces', { kind: 'private', title: 'No token', authority_id: ids.a, members: ids.b });
    assert.equal(res.status, 403);
    const multipart = await postForm(c.b, `/en/forum/spaces/${spaceId}/threads`, [['title', 'x'], ['body', 'y'], ['file', new Blob(['hello']), 'a.txt']]);
    assert.equal(multipart.status, 403);
    assert.equal(await count('forum_spaces'), n);
    assert.equal(await count('forum_threads'), 0);
  });

  it('starts a thread with an attachment through the multipart page form; posts are escaped', async () => {
    const page = await c.b.page(`/en/forum/spaces/${spaceId}`);
    const res = await postForm(c.b, `/en/forum/spaces/${spaceId}/threads`, [
      ['_csrf', page.csrf],
      ['title', 'Dual criminality <b>?</b>'],
      ['body', 'Line one <script>alert(1)</script>\nline two\n\nمرحبا 你好'],
      ['file', new Blob(['Minutes of the call\n']), 'minutes.txt'],
    ]);
    assert.equal(res.status, 303, await res.text());
    threadId = res.headers.get('location')!.split('/').pop()!;
    const thread = await c.a.page(`/en/forum/threads/${threadId}`);
    assert.equal(thread.res.status, 200);
    assert.doesNotMatch(thread.html, /<script>alert/);
    assert.match(thread.html, /Line one &lt;script>alert\(1\)&lt;\/script><br\/>line two/);
    assert.match(thread.html, /<p dir="auto">مرحبا 你好<\/p>/);
    const sha = crypto.createHash('sha256').update('Minutes of the call\n').digest('hex');
    assert.match(thread.html, new RegExp(sha));
    const link = /href="(\/api\/v1\/forum\/attachments\/[0-9a-f-]+\/content)"/.exec(thread.html)![1]!;
    const dl = await c.a.get(link);
    assert.equal(dl.status, 200);
    assert.equal(await dl.text(), 'Minutes of the call\n');
    assert.equal(dl.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal((await c.outsider.get(link)).status, 403);
    const reads = await server.runtime.db.selectFrom('audit_events').select(['target_type']).where('action', '=', 'forum.read').where('actor_user_id', 'is not', null).execute();
    assert.ok(reads.some((r) => r.target_type === 'forum_attachment') && reads.some((r) => r.target_type === 'forum_thread'));
  });

  it('answers 403 to non-members on pages and API, revealing nothing, the same for unknown ids', async () => {
    for (const path of [`/en/forum/spaces/${spaceId}`, `/en/forum/threads/${threadId}`, `/en/forum/spaces/${crypto.randomUUID()}`, `/api/v1/forum/spaces/${spaceId}`, `/api/v1/forum/threads/${threadId}`, `/api/v1/forum/threads/nonsense`]) {
      for (const who of ['outsider', 'practitioner'] as const) {
        const res = await c[who].get(path);
        const text = await res.text();
        assert.equal(res.status, 403, `${who} ${path}`);
        assert.doesNotMatch(text, /Consultation|Dual criminality|18\(26\)/, `${who} ${path}`);
      }
    }
    const res = await api('outsider', `/api/v1/forum/threads/${threadId}/posts`, { body: 'intrusion' });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const bad = await api('outsider', `/api/v1/forum/spaces/${spaceId}/threads`, { nonsense: 1 });
    assert.equal(bad.status, 403, '403 before the body is validated');
    const anon = await server.get(`/en/forum/spaces/${spaceId}`);
    assert.equal(anon.status, 303);
  });

  it('serves the JSON API: spaces, threads, replies, with problem+json naming the field', async () => {
    const list = (await (await api('b', '/api/v1/forum/spaces')).json()) as { spaces: { id: string }[] };
    assert.ok(list.spaces.some((s) => s.id === spaceId));
    const outsiderList = (await (await api('outsider', '/api/v1/forum/spaces')).json()) as { spaces: { id: string }[] };
    assert.ok(!outsiderList.spaces.some((s) => s.id === spaceId));
    const created = await api('a', `/api/v1/forum/threads/${threadId}/posts`, { body: 'Yes, under our law.' });
    assert.equal(created.status, 201, await created.clone().text());
    const bad = await api('a', `/api/v1/forum/threads/${threadId}/posts`, { body: '   ' });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['body']);
    const thread = (await (await api('b', `/api/v1/forum/threads/${threadId}`)).json()) as { posts: { body: string; attachments: unknown[] }[] };
    assert.deepEqual(thread.posts.map((p) => p.body).at(-1), 'Yes, under our law.');
    const openapi = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    for (const [p, m] of [['/api/v1/forum/spaces', 'get'], ['/api/v1/forum/spaces', 'post'], ['/api/v1/forum/spaces/{id}', 'get'], ['/api/v1/forum/spaces/{id}/threads', 'post'], ['/api/v1/forum/threads/{id}', 'get'], ['/api/v1/forum/threads/{id}/posts', 'post'], ['/api/v1/forum/threads/{id}/attachments', 'post'], ['/api/v1/forum/attachments/{id}/content', 'get']] as const) {
      assert.match(openapi.paths[p]?.[m]?.operationId ?? '', /^[a-z][A-Za-z0-9]+$/, `${m} ${p}`);
    }
  });

  it('refuses an attachment over the limit (413) or of a refused type (415), writing nothing', async () => {
    const n = [await count('forum_posts'), await count('forum_attachments')];
    const big = await postForm(c.a, `/api/v1/forum/threads/${threadId}/attachments`, [['body', 'big'], ['file', new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 'a')]), 'big.txt']], { 'x-csrf-token': csrf.a! });
    assert.equal(big.status, 413, await big.clone().text());
    const exe = await postForm(c.a, `/api/v1/forum/threads/${threadId}/attachments`, [['body', 'exe'], ['file', new Blob([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)]), 'tool.exe']], { 'x-csrf-token': csrf.a! });
    assert.equal(exe.status, 415, await exe.clone().text());
    assert.equal(((await exe.json()) as { errors: { field: string }[] }).errors[0]!.field, 'file');
    const page = await c.a.page(`/en/forum/threads/${threadId}`);
    const form = await postForm(c.a, `/en/forum/threads/${threadId}/posts`, [['_csrf', page.csrf], ['body', 'exe'], ['file', new Blob([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]), 'tool.exe']]);
    assert.equal(form.status, 415);
    assert.match(await form.text(), /role="alert"/);
    assert.deepEqual([await count('forum_posts'), await count('forum_attachments')], n);
    const ok = await postForm(c.a, `/api/v1/forum/threads/${threadId}/attachments`, [['body', 'with a file'], ['file', new Blob(['%PDF-1.7\n', Buffer.alloc(100)]), 'note.pdf']], { 'x-csrf-token': csrf.a! });
    assert.equal(ok.status, 201, await ok.clone().text());
    assert.equal(((await ok.json()) as { attachment: { mediaType: string } }).attachment.mediaType, 'application/pdf');
  });

  it('answers any generated post or space body with a 4xx naming a field (never 500)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ body: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.string({ unit: 'binary', maxLength: 20 })) }, { requiredKeys: [] }),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer())),
        ),
        fc.boolean(),
        async (body, space) => {
          const res = space ? await api('a', '/api/v1/forum/spaces', { kind: 'private', authority_id: ids.a, ...body }) : await api('a', `/api/v1/forum/threads/${threadId}/posts`, body);
          assert.ok(res.status < 500, `${res.status} ${JSON.stringify(body)}`);
          if (res.status >= 400) {
            const problem = (await res.json()) as { errors?: { field: string }[] };
            assert.ok(problem.errors?.length && problem.errors.every((e) => typeof e.field === 'string'), JSON.stringify(problem));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('turns forum mail off and on through its form', async () => {
    const page = await c.b.page('/en/forum');
    assert.match(page.html, /Stop forum e-mails/);
    assert.equal((await c.b.post('/en/forum/mail', { _csrf: page.csrf, on: '0' })).status, 303);
    assert.match((await c.b.page('/en/forum')).html, /You receive no forum e-mail/);
  });
});
