/**
 * Case documents over real HTTP: the page form without JavaScript (CSRF field before the file,
 * checked before the file is read), the API with multipart bodies (undici FormData), streamed
 * downloads with the attachments' sandboxing headers, 413/415 with nothing written, isolation.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { createApiToken } from '../../src/modules/accounts/api-tokens.js';
import { accountsEnv } from '../../src/modules/accounts/env.js';
import { userActor } from '../../src/modules/access/actor.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { appendEvent } from '../../src/modules/casework/repository/history.js';

type Part = [string, string] | [string, Blob, string];

function formOf(parts: Part[]): FormData {
  const form = new FormData();
  for (const p of parts) {
    if (p.length === 3) form.append(p[0], p[1], p[2]);
    else form.append(p[0], p[1]);
  }
  return form;
}

function blob(parts: (Buffer | string)[]): Blob {
  return new Blob(parts.map((p) => (typeof p === 'string' ? p : new Uint8Array(p))));
}

function cookieOf(c: Client): string {
  return [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** POST a multipart form as a browser would (fields in the order given). */
function postForm(c: Client, path: string, parts: Part[], headers: Record<string, string> = {}): Promise<Response> {
  return c.server.get(path, { method: 'POST', body: formOf(parts), headers: { cookie: cookieOf(c), origin: c.server.url, ...headers } });
}

function pdf(size: number, seed = 'x'): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0, n = 0; i < size; i += 64, n++) crypto.createHash('sha512').update(`${seed}${n}`).digest().copy(out, i);
  Buffer.from('%PDF-1.7\n').copy(out);
  return out;
}

describe('case documents over HTTP', () => {
  let server: TestServer;
  let caseId: string;
  let trackId: string;
  const c: Record<'officer' | 'supervisor' | 'other' | 'executing', Client> = {} as never;
  const csrf: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const counts = async () => {
    const db = server.runtime.db;
    const n = async (t: 'case_documents' | 'case_document_chunks' | 'case_events') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return [await n('case_documents'), await n('case_document_chunks'), await n('case_events')];
  };

  before(async () => {
    server = await startTestServer({ caseworkMaxUploadMb: 2 });
    caseId = await withCaseScope(server.runtime.db, ['ca-a'], async (trx) => {
      const row = await trx
        .insertInto('casework_cases')
        .values({ authority_id: 'ca-a', country: 'FRA', direction: 'incoming', kind: 'mla', state: 'registered', reference: 'MLI/2026/00042', partner_country: 'ITA', title: 'Request of Italy', executing_authority_ids: ['exec-x'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(trx, { caseId: row.id, type: 'created', data: {}, actorId: null, actorName: 'test', actingAuthorityId: 'ca-a' });
      trackId = (await trx.insertInto('case_executions').values({ case_id: row.id, executing_authority_id: 'exec-x', executing_name: 'Procura di Roma', forwarded_on: '2026-12-01' }).returning('id').executeTakeFirstOrThrow()).id;
      return row.id;
    });
    const users = {
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'ca-a' }], totp: true, name: 'Officer A' }),
      supervisor: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: 'ca-a' }], totp: true, name: 'Supervisor A' }),
      other: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'ca-b' }], totp: true, name: 'Officer B' }),
      executing: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'exec-x' }], totp: true, name: 'Prosecutor X' }),
    };
    const env = await accountsEnv(server.runtime.db, server.runtime.config);
    const actor = userActor({ userId: users.officer.id, name: 'Officer A', email: users.officer.email, grants: [{ role: 'authority_officer', authorityId: 'ca-a' }], totpEnabled: true });
    for (const scope of ['casework.read', 'casework.edit'] as const) tokens[scope] = (await createApiToken(server.runtime.db, env, { actor }, { name: scope, scopes: [scope], expires_in_days: '5' })).token;
    for (const [k, u] of Object.entries(users) as [keyof typeof users, (typeof users)['officer']][]) {
      c[k] = new Client(server);
      await signInAs(c[k], u);
      csrf[k] = (await c[k].page('/en/account')).csrf;
      assert.ok(csrf[k], k);
    }
  });
  after(async () => server?.close());

  let docId: string;
  const original = pdf(1024 * 1024 + 12345, 'page');

  it('uploads through the page form without JavaScript and downloads the same bytes, sandboxed', async () => {
    const page = await c.officer.page(`/en/casework/cases/${caseId}/documents`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /enctype="multipart\/form-data"/);
    assert.match(page.html, /MLI\/2026\/00042/);
    const res = await postForm(c.officer, `/en/casework/cases/${caseId}/documents`, [
      ['_csrf', page.csrf],
      ['back', 'documents'],
      ['kind', 'request'],
      ['title', 'Richiesta di assistenza'],
      ['language', 'it'],
      ['file', blob([original]), '../Richiesta «42».pdf'],
    ]);
    assert.equal(res.status, 303, await res.text());
    const location = res.headers.get('location')!;
    docId = new URL(location, server.url).searchParams.get('added')!;
    const after = await c.officer.page(location);
    assert.match(after.html, /Richiesta di assistenza/);
    assert.match(after.html, /role="status"/);
    const dl = await c.officer.get(`/api/v1/casework/documents/${docId}/content`);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('content-type'), 'application/pdf');
    assert.equal(dl.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(dl.headers.get('cache-control'), 'private, no-store');
    assert.equal(dl.headers.get('content-disposition'), `attachment; filename="Richiesta _42_.pdf"; filename*=UTF-8''Richiesta%20%C2%AB42%C2%BB.pdf`);
    const body = Buffer.from(await dl.arrayBuffer());
    assert.ok(body.equals(original));
    const openapi = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { tags: string[] }>> };
    assert.deepEqual(openapi.paths['/api/v1/casework/cases/{id}/documents']!.post!.tags, ['casework']);
    assert.ok(openapi.paths['/api/v1/casework/documents/{docId}/content']!.get);
    assert.equal(dl.headers.get('etag'), `"${crypto.createHash('sha256').update(original).digest('hex')}"`);
  });

  it('refuses a page form without its CSRF token before reading the file, and writes nothing', async () => {
    const before = await counts();
    const missing = await postForm(c.officer, `/en/casework/cases/${caseId}/documents`, [['kind', 'request'], ['title', 'x'], ['file', blob([pdf(1000)]), 'a.pdf']]);
    assert.equal(missing.status, 403);
    const wrong = await postForm(c.officer, `/en/casework/cases/${caseId}/documents`, [['_csrf', 'forged'], ['kind', 'request'], ['title', 'x'], ['file', blob([pdf(1000)]), 'a.pdf']]);
    assert.equal(wrong.status, 403);
    const crossSite = await server.get(`/en/casework/cases/${caseId}/documents`, { method: 'POST', body: formOf([['_csrf', csrf.officer!], ['kind', 'request'], ['title', 'x'], ['file', blob([pdf(1000)]), 'a.pdf']]), headers: { cookie: cookieOf(c.officer), origin: 'https://evil.example' } });
    assert.equal(crossSite.status, 403);
    assert.deepEqual(await counts(), before);
  });

  it('shows oversize and refused types on the form (413, 415) and writes nothing', async () => {
    const before = await counts();
    const big = await postForm(c.officer, `/en/casework/cases/${caseId}/documents`, [['_csrf', csrf.officer!], ['kind', 'supporting'], ['title', 'Big'], ['file', blob([pdf(2 * 1024 * 1024 + 1)]), 'big.pdf']]);
    assert.equal(big.status, 413);
    assert.match(await big.text(), /larger than 2 MB/);
    const exe = await postForm(c.officer, `/en/casework/cases/${caseId}/documents`, [['_csrf', csrf.officer!], ['kind', 'supporting'], ['title', 'Tool'], ['file', blob([Buffer.concat([Buffer.from('MZ'), Buffer.alloc(3000)])]), 'tool.pdf']]);
    assert.equal(exe.status, 415);
    assert.match(await exe.text(), /its content is application\/x-msdownload/);
    assert.deepEqual(await counts(), before);
  });

  it('takes API uploads as multipart: 201, a new version, 413 and 415 as problem+json', async () => {
    const api = (parts: Part[]) => postForm(c.officer, `/api/v1/casework/cases/${caseId}/documents`, parts, { 'x-csrf-token': csrf.officer! });
    const created = await api([['kind', 'translation'], ['title', 'Traduction'], ['language', 'fr'], ['file', blob([Buffer.from('Demande d’entraide judiciaire — traduction.\n')]), 'traduction.txt']]);
    assert.equal(created.status, 201);
    const doc = (await created.json()) as { id: string; media_type: string; version: number; sha256: string; content_url: string };
    assert.equal(doc.media_type, 'text/plain');
    assert.equal(doc.version, 1);
    const v2 = await api([['replaces', doc.id], ['file', blob([Buffer.from('Demande d’entraide judiciaire — traduction revue.\n')]), 'traduction-v2.txt']]);
    assert.equal(v2.status, 201);
    const v2doc = (await v2.json()) as { version: number; previous_id: string };
    assert.deepEqual([v2doc.version, v2doc.previous_id], [2, doc.id]);
    const text = await c.officer.get(doc.content_url);
    assert.equal(text.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await text.text(), 'Demande d’entraide judiciaire — traduction.\n');
    const before = await counts();
    const big = await api([['kind', 'supporting'], ['title', 'Big'], ['file', blob([pdf(3 * 1024 * 1024)]), 'big.pdf']]);
    assert.equal(big.status, 413);
    assert.match(big.headers.get('content-type') ?? '', /application\/problem\+json/);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const gif = await api([['kind', 'supporting'], ['title', 'Gif'], ['file', blob([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')]), 'x.png']]);
    assert.equal(gif.status, 415);
    assert.match(((await gif.json()) as { detail: string }).detail, /image\/gif/);
    const noKind = await api([['title', 'No kind'], ['file', blob([png]), 'x.png']]);
    assert.equal(noKind.status, 400);
    assert.deepEqual(((await noKind.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['kind']);
    const stale = await api([['replaces', doc.id], ['file', blob([Buffer.from('again\n')]), 'x.txt']]);
    assert.equal(stale.status, 409);
    assert.deepEqual(await counts(), before);
    const list = await c.officer.get(`/api/v1/casework/cases/${caseId}/documents`);
    const body = (await list.json()) as { documents: { id: string; replaced_by: string | null }[]; may_upload: boolean };
    assert.equal(body.may_upload, true);
    assert.equal(body.documents.length, 3);
    assert.equal(body.documents.find((d) => d.id === doc.id)?.replaced_by !== null, true);
  });

  it('shows nothing of the case to another authority (404) and refuses anonymous callers (401)', async () => {
    const before = await counts();
    assert.equal((await c.other.get(`/api/v1/casework/cases/${caseId}/documents`)).status, 404);
    assert.equal((await c.other.get(`/api/v1/casework/documents/${docId}/content`)).status, 404);
    assert.equal((await c.other.get(`/en/casework/cases/${caseId}/documents`)).status, 404);
    const up = await postForm(c.other, `/api/v1/casework/cases/${caseId}/documents`, [['kind', 'request'], ['title', 'x'], ['file', blob([pdf(1000)]), 'a.pdf']], { 'x-csrf-token': csrf.other! });
    assert.equal(up.status, 404);
    const anonymous = new Client(server);
    assert.equal((await anonymous.get(`/api/v1/casework/documents/${docId}/content`)).status, 401);
    assert.equal((await server.get(`/api/v1/casework/cases/${caseId}/documents`, { method: 'POST', body: formOf([['kind', 'request'], ['title', 'x'], ['file', blob([pdf(1000)]), 'a.pdf']]) })).status, 401);
    const malformed = await server.get(`/api/v1/casework/cases/${caseId}/documents`, {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nrequest\r\n--x\r\nContent-Dispo',
      headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: cookieOf(c.officer), origin: server.url, 'x-csrf-token': csrf.officer! },
    });
    assert.ok(malformed.status >= 400 && malformed.status < 500, `malformed multipart: ${malformed.status}`);
    assert.deepEqual(await counts(), before);
  });

  it("lets the executing authority add a result to its own track from the page, and read the request", async () => {
    const page = await c.executing.page(`/en/casework/cases/${caseId}/documents`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /Richiesta di assistenza/);
    assert.match(page.html, new RegExp(`<option value="${trackId}"[^>]*>Procura di Roma</option>`));
    assert.doesNotMatch(page.html, /<option value="">The case<\/option>/, 'no case-level upload for an executing authority');
    const res = await postForm(c.executing, `/en/casework/cases/${caseId}/documents`, [
      ['_csrf', page.csrf],
      ['kind', 'result'],
      ['title', 'Verbale di audizione'],
      ['execution_id', trackId],
      ['file', blob([pdf(5000, 'verbale')]), 'verbale.pdf'],
    ]);
    assert.equal(res.status, 303, await res.text());
    const caseLevel = await postForm(c.executing, `/en/casework/cases/${caseId}/documents`, [['_csrf', page.csrf], ['kind', 'result'], ['title', 'x'], ['file', blob([pdf(5000)]), 'x.pdf']]);
    assert.equal(caseLevel.status, 403);
    assert.equal((await c.executing.get(`/api/v1/casework/documents/${docId}/content`)).status, 200);
  });

  it('holds API tokens to their scopes: casework.read lists but may not upload, casework.edit uploads', async () => {
    const parts = (): Part[] => [['kind', 'correspondence'], ['title', 'Note verbale'], ['file', blob([Buffer.from('Note verbale 12/2026\n')]), 'note.txt']];
    const bearer = (scope: string) => ({ authorization: `Bearer ${tokens[scope]}` });
    assert.equal((await server.get(`/api/v1/casework/cases/${caseId}/documents`, { headers: bearer('casework.read') })).status, 200);
    assert.equal((await server.get(`/api/v1/casework/cases/${caseId}/documents`, { method: 'POST', body: formOf(parts()), headers: bearer('casework.read') })).status, 403);
    assert.equal((await server.get(`/api/v1/casework/cases/${caseId}/documents`, { headers: bearer('casework.edit') })).status, 403, 'reading needs casework.read');
    const created = await server.get(`/api/v1/casework/cases/${caseId}/documents`, { method: 'POST', body: formOf(parts()), headers: bearer('casework.edit') });
    assert.equal(created.status, 201, await created.clone().text());
  });

  it('never answers a fuzzed upload with a server error', async () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('request', 'result', 'en', 'fr-CA', crypto.randomUUID(), docId ?? '', ''));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ kind: fc.option(text), title: fc.option(fc.string({ maxLength: 400 })), language: fc.option(text), execution_id: fc.option(text), replaces: fc.option(text), filename: fc.string({ maxLength: 80 }) }),
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        async (fields, bytes, asPdf) => {
          const parts: Part[] = [];
          for (const k of ['kind', 'title', 'language', 'execution_id', 'replaces'] as const) if (fields[k] !== null) parts.push([k, fields[k]!]);
          parts.push(['file', blob([asPdf ? Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(bytes)]) : Buffer.from(bytes)]), fields.filename]);
          const res = await postForm(c.officer, `/api/v1/casework/cases/${caseId}/documents`, parts, { 'x-csrf-token': csrf.officer! });
          const body = await res.text();
          assert.ok([201, 400, 409, 415].includes(res.status), `status ${res.status}: ${body}`);
          if (res.status !== 201) assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets the supervisor see who downloaded what; an officer does not see the list', async () => {
    const page = await c.supervisor.page(`/en/casework/cases/${caseId}/documents`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /Who looked/);
    assert.match(page.html, /Officer A/);
    assert.match(page.html, /Downloaded Richiesta di assistenza/);
    const officerPage = await c.officer.page(`/en/casework/cases/${caseId}/documents`);
    assert.doesNotMatch(officerPage.html, /Who looked/);
    const ar = await c.supervisor.page(`/ar/casework/cases/${caseId}/documents`);
    assert.match(ar.html, /dir="rtl"/);
    assert.match(ar.html, /من اطّلع/);
  });
});
