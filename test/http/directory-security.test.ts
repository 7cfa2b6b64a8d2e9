/**
 * Directory security over HTTP: 403 before any state is revealed, refused privileged actions audited
 * (in their own transaction), restricted exports only with directory.export_restricted, private
 * caching of restricted responses, the streamed multipart import (CSRF field, 413) with the four-eyes
 * review of an administrator's import, and fuzzed forms that never give a 500.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs, upload } from './accounts-support.js';
import { anAuthority, SECRET } from '../factories/directory.js';
import { assertNoSecret, publishAuthorities } from './directory-support.js';

type User = { email: string; secret: string | null; id: string };

const jsonl = (docs: unknown[]) => new Blob([docs.map((d) => JSON.stringify(d)).join('\n')], { type: 'application/x-ndjson' });

describe('directory security over HTTP', () => {
  let server: TestServer;
  const fra = anAuthority({ country: 'FRA' });
  const fraDraft = anAuthority({ country: 'FRA' });
  const users: Record<string, User> = {};
  const c: Record<string, Client> = {};
  const csrf: Record<string, string> = {};
  let inReview = 0;
  let draftRev = 0;

  before(async () => {
    server = await startTestServer();
    await publishAuthorities(server.runtime.db, [fra]);
    users.fpFra = await makeUser(server, { roles: [{ role: 'focal_point', country: 'FRA' }], totp: true, name: 'Focal France' });
    users.fpFra2 = await makeUser(server, { roles: [{ role: 'focal_point', country: 'FRA' }], totp: true, name: 'Focal France Two' });
    users.fpIta = await makeUser(server, { roles: [{ role: 'focal_point', country: 'ITA' }], totp: true, name: 'Focal Italy' });
    users.admin = await makeUser(server, { roles: [{ role: 'administrator' }], totp: true, name: 'Admin' });
    users.practitioner = await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' });
    users.registered = await makeUser(server, { name: 'Reg' });
    for (const [k, u] of Object.entries(users)) {
      c[k] = new Client(server);
      await signInAs(c[k]!, u);
      csrf[k] = (await c[k]!.page('/en/directory')).csrf;
      assert.ok(csrf[k], k);
    }
    // A draft of a new authority, and a change of a published one in review.
    const form = (doc: typeof fra) => ({ _csrf: csrf.fpFra!, langs: 'en', 'names.en': doc.names.en!, 'fn.mla': '1', country: 'FRA', id: doc.id });
    assert.equal((await c.fpFra!.post('/en/directory/new', form(fraDraft))).status, 303);
    assert.equal((await c.fpFra!.post(`/en/directory/authorities/${fra.id}/edit`, { ...form(fra), 'names.en': 'Renamed office' })).status, 303);
    const revs = await server.runtime.db.selectFrom('revisions').select(['id', 'subject_id']).where('subject_id', 'in', [fra.id, fraDraft.id]).where('state', '=', 'draft').execute();
    inReview = revs.find((r) => r.subject_id === fra.id)!.id;
    draftRev = revs.find((r) => r.subject_id === fraDraft.id)!.id;
    assert.equal((await c.fpFra!.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: csrf.fpFra!, revision: String(inReview), transition: 'submit' })).status, 303);
  });
  after(async () => server?.close());

  const editorRequests = (id: string, rev: number) => [
    ['GET', `/en/directory/authorities/${id}/edit`, {}],
    ['GET', `/en/directory/authorities/${id}/history`, {}],
    ['POST', `/en/directory/authorities/${id}/edit`, { langs: 'en', 'names.en': 'Taken over', 'fn.mla': '1' }],
    ...(['submit', 'withdraw', 'return', 'publish', 'discard'] as const).map((t) => ['POST', `/en/directory/authorities/${id}/transition`, { revision: String(rev), transition: t, comment: 'x' }] as const),
    ['POST', `/en/directory/authorities/${id}/revert`, { revision: String(rev) }],
    ['POST', `/en/directory/authorities/${id}/verify`, {}],
    ['POST', `/en/directory/authorities/${id}/archive`, { comment: 'x' }],
    ['POST', `/en/directory/authorities/${id}/restore`, {}],
  ] as const;

  it('answers 403 to someone who may not edit the entry, whatever its state, before revealing anything', async () => {
    const before = await server.runtime.db.selectFrom('revisions').select(['id', 'state', 'updated_at']).orderBy('id').execute();
    const targets: [string, number][] = [[fraDraft.id, draftRev], [fra.id, inReview], ['no-such-authority', 999_999]];
    for (const who of ['registered', 'practitioner', 'admin', 'fpIta']) {
      for (const [id, rev] of targets) {
        for (const [method, path, form] of editorRequests(id, rev)) {
          const res = method === 'GET' ? await c[who]!.get(path) : await c[who]!.post(path, { ...form, _csrf: csrf[who]! });
          // A focal point (of another State) may edit somewhere: an unknown id is just not found.
          const expected = who === 'fpIta' && id === 'no-such-authority' ? 404 : 403;
          assert.equal(res.status, expected, `${who} ${method} ${path} ${JSON.stringify(form)}`);
          await res.text();
        }
      }
      for (const path of ['/en/directory/queue', '/en/directory/new']) assert.equal((await c[who]!.get(path)).status, who === 'fpIta' ? 200 : 403, `${who} ${path}`);
    }
    const after = await server.runtime.db.selectFrom('revisions').select(['id', 'state', 'updated_at']).orderBy('id').execute();
    assert.deepEqual(after, before, 'nothing written');
  });

  it('audits refused privileged actions (another State, self-publication) in their own transaction', async () => {
    const since = new Date(Date.now() - 1000);
    assert.equal((await c.fpIta!.post(`/en/directory/authorities/${fra.id}/edit`, { _csrf: csrf.fpIta!, langs: 'en', 'names.en': 'Taken over', 'fn.mla': '1' })).status, 403);
    assert.equal((await c.fpFra!.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: csrf.fpFra!, revision: String(inReview), transition: 'publish' })).status, 403);
    assert.equal((await c.fpFra!.post(`/en/directory/authorities/${fra.id}/transition`, { _csrf: csrf.fpFra!, revision: String(inReview), transition: 'return', comment: 'mine' })).status, 403);
    const res = await upload(c.fpIta!, '/en/directory/import', [['_csrf', csrf.fpIta!], ['file', jsonl([anAuthority({ country: 'FRA' })]), 'fra.jsonl']]);
    assert.equal(res.status, 400);
    const rows = await server.runtime.db.selectFrom('audit_events').select(['action', 'outcome', 'actor_user_id', 'target_id', 'changes']).where('outcome', '=', 'refused').where('occurred_at', '>=', since).execute();
    const has = (action: string, user: User) => rows.some((r) => r.action === action && r.actor_user_id === user.id);
    assert.ok(has('directory.edit', users.fpIta!), 'cross-country edit');
    assert.ok(has('directory.publish', users.fpFra!), 'self-publication');
    assert.ok(has('directory.return', users.fpFra!), 'self-review');
    assert.ok(rows.some((r) => r.action === 'directory.import' && r.actor_user_id === users.fpIta!.id && JSON.stringify(r.changes).includes('FRA')), 'cross-country import');
    assert.equal((await server.runtime.db.selectFrom('revisions').select('state').where('id', '=', inReview).executeTakeFirstOrThrow()).state, 'in_review', 'the refused request changed nothing');
  });

  it('keeps restricted responses out of shared caches and varies the books on the session', async () => {
    for (const path of [`/en/directory/authorities/${fra.id}`, '/en/directory/lookup?state=FRA&request=mla', '/en/directory?q=office']) {
      assert.equal((await c.practitioner!.get(path)).headers.get('cache-control'), 'private, no-store', path);
      assert.doesNotMatch((await server.get(path)).headers.get('cache-control') ?? '', /private/, `anonymous ${path}`);
    }
    for (const path of [`/api/v1/authorities/${fra.id}`, '/api/v1/authorities?country=FRA', '/api/v1/authorities/lookup?state=FRA&request=mla']) {
      const res = await c.practitioner!.get(path);
      assert.equal(res.headers.get('cache-control'), 'private, no-store', path);
      assert.match(res.headers.get('vary') ?? '', /Cookie/i);
    }
    const book = await server.get('/en/directory/book.docx');
    assert.equal(book.status, 200);
    assert.match(book.headers.get('vary') ?? '', /Cookie/i);
    assert.match(book.headers.get('vary') ?? '', /Authorization/i);
    assert.equal(book.headers.get('cache-control'), 'public, max-age=300');
    await book.arrayBuffer();
  });

  it('offers and gives the restricted export only with directory.export_restricted, audited', async () => {
    const pracPage = await (await c.practitioner!.get('/en/directory')).text();
    assert.doesNotMatch(pracPage, /edition=restricted/, 'not offered to practitioners');
    assert.match(await (await c.fpFra!.get('/en/directory')).text(), /book\.docx\?edition=restricted/, 'offered to focal points');
    for (const [who, path] of [['practitioner', '/en/directory/book.docx?edition=restricted'], ['practitioner', '/api/v1/authorities/export?edition=restricted'], ['registered', '/en/directory/book.pdf?edition=restricted']] as const) {
      assert.equal((await c[who]!.get(path)).status, 403, `${who} ${path}`);
    }
    assert.equal((await server.get('/api/v1/authorities/export?edition=restricted')).status, 401);
    assertNoSecret(await (await c.practitioner!.get('/api/v1/authorities/export')).text(), SECRET, 'practitioner export');
    const restricted = await c.fpFra!.get('/api/v1/authorities/export?format=jsonl&edition=restricted');
    assert.equal(restricted.status, 200);
    assert.equal(restricted.headers.get('cache-control'), 'private, no-store');
    assert.ok((await restricted.text()).includes(SECRET.contactEmail));
    const book = await c.fpFra!.get('/en/directory/book.docx?edition=restricted');
    assert.equal(book.status, 200);
    assert.equal(book.headers.get('cache-control'), 'private, no-store');
    await book.arrayBuffer();
    const audit = await server.runtime.db.selectFrom('audit_events').select(['action', 'outcome', 'actor_user_id']).where('action', 'in', ['directory.export', 'directory.export_restricted']).execute();
    assert.ok(audit.some((a) => a.action === 'directory.export' && a.actor_user_id === users.fpFra!.id));
    assert.ok(audit.some((a) => a.action === 'directory.export_restricted' && a.outcome === 'refused' && a.actor_user_id === users.practitioner!.id));
  });

  it('streams an administrator’s import into the four-eyes review: nothing published until a focal point publishes', async () => {
    const esp = anAuthority({ country: 'ESP' });
    const deu = anAuthority({ country: 'DEU' });
    await publishAuthorities(server.runtime.db, [deu]);
    const changed = { ...deu, notes: { en: 'Changed by the import' } };
    const res = await upload(c.admin!, '/en/directory/import', [['_csrf', csrf.admin!], ['file', jsonl([esp, changed]), 'authorities.jsonl']]);
    const html = await res.text();
    assert.equal(res.status, 200, html.slice(0, 500));
    assert.match(html, /2 changes submitted for review/);
    assert.equal((await server.get(`/api/v1/authorities/${esp.id}`)).status, 404, 'not published');
    assert.ok(!(await (await server.get(`/api/v1/authorities/${deu.id}`)).text()).includes('Changed by the import'));
    const revs = await server.runtime.db.selectFrom('revisions').select(['id', 'subject_id', 'state', 'author_id']).where('subject_id', 'in', [esp.id, deu.id]).where('state', '=', 'in_review').execute();
    assert.equal(revs.length, 2);
    assert.ok(revs.every((r) => r.author_id === users.admin!.id));
    // A focal point of the State publishes; the administrator cannot (no directory right, and four eyes).
    const fpDeu = await makeUser(server, { roles: [{ role: 'focal_point', country: 'DEU' }], totp: true, name: 'Focal Germany' });
    const d = new Client(server);
    await signInAs(d, fpDeu);
    const page = await d.page(`/en/directory/authorities/${deu.id}/history`);
    assert.match(page.html, /notes\.en/, 'the history shows the imported change field by field');
    const rev = revs.find((r) => r.subject_id === deu.id)!;
    assert.equal((await c.admin!.post(`/en/directory/authorities/${deu.id}/transition`, { _csrf: csrf.admin!, revision: String(rev.id), transition: 'publish' })).status, 403);
    assert.equal((await d.post(`/en/directory/authorities/${deu.id}/transition`, { _csrf: page.csrf, revision: String(rev.id), transition: 'publish' })).status, 303);
    assert.ok((await (await server.get(`/api/v1/authorities/${deu.id}`)).text()).includes('Changed by the import'));
  });

  it('checks the CSRF field before reading the file, and refuses a file over the limit with 413', async () => {
    const count = async () => (await server.runtime.db.selectFrom('revisions').select('id').execute()).length;
    const n = await count();
    const doc = anAuthority({ country: 'FRA' });
    for (const parts of [
      [['_csrf', 'forged'], ['file', jsonl([doc]), 'a.jsonl']],
      [['file', jsonl([doc]), 'a.jsonl'], ['_csrf', csrf.fpFra!]],
      [['file', jsonl([doc]), 'a.jsonl']],
    ] as ([string, string] | [string, Blob, string])[][]) {
      const res = await upload(c.fpFra!, '/en/directory/import', parts);
      assert.equal(res.status, 403, JSON.stringify(parts.map((p) => p[0])));
      await res.text();
    }
    const line = JSON.stringify(doc);
    const big = new Blob([Array.from({ length: Math.ceil((21 * 1024 * 1024) / (line.length + 1)) }, () => line).join('\n')]);
    const tooBig = await upload(c.fpFra!, '/en/directory/import', [['_csrf', csrf.fpFra!], ['file', big, 'big.jsonl']]);
    assert.equal(tooBig.status, 413);
    await tooBig.text();
    const garbage = await c.fpFra!.server.get('/en/directory/import', { method: 'POST', body: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf.fpFra}\r\n--x\r\nContent-Dispo`, headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: [...c.fpFra!.jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: server.url } });
    assert.ok(garbage.status >= 400 && garbage.status < 500, `malformed multipart: ${garbage.status}`);
    assert.equal(await count(), n, 'nothing written');
  });

  it('never answers 500 to fuzzed directory forms', async () => {
    const names = ['_csrf', 'transition', 'revision', 'comment', 'reviewed', 'langs', 'add_lang', 'names.en', 'fn.mla', 'fn.mla.articles', 'contacts.0.email', 'hours.exceptions', 'hours.weekly.0.day', 'country', 'id', 'note', 'laws', 'website', 'visibility.contacts', 'req.taking-evidence.status'];
    const key = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 }));
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('submit', 'publish', '1', '0', '-1', '99999999999', 'untoc:18', '2024-13-45 closed', 'x'.repeat(5000), '\u0000'), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }));
    const paths = [`/en/directory/authorities/${fra.id}/transition`, `/en/directory/authorities/${fra.id}/revert`, `/en/directory/authorities/${fra.id}/archive`, `/en/directory/authorities/${fra.id}/verify`, `/en/directory/authorities/${fra.id}/edit`, '/en/directory/new'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom('fpFra', 'registered'), fc.dictionary(key, value, { maxKeys: 8 }), async (path, who, form) => {
        const res = await c[who]!.post(path, { ...(form as Record<string, string | string[]>), _csrf: csrf[who]! });
        await res.text();
        assert.ok([303, 400, 403, 404, 409].includes(res.status), `${who} ${path} ${JSON.stringify(form)} → ${res.status}`);
      }),
      { numRuns: 60 },
    );
  });
});
