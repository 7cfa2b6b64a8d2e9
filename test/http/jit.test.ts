/**
 * Joint investigation team workspaces over HTTP: pages without JavaScript (create, members, tasks,
 * upload with the CSRF field before the file, the evidence log), 403 pages and problem+json for
 * non-members, the JSON API with operationIds, downloads logged, read-only after the end date (409),
 * and fuzzed API bodies answered 4xx naming the field.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, csrfOf, makeUser, signInAll } from './accounts-support.js';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');

describe('jit workspaces over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'itaSup' | 'fraOff' | 'outsider' | 'practitioner', Client>;
  let teamId: string;

  before(async () => {
    server = await startTestServer();
    const users = {
      itaSup: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: 'ita-pg' }], totp: true, name: 'Giulia Supervisor' }),
      fraOff: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'fra-moj' }], totp: true, name: 'Claire Officier' }),
      outsider: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: 'deu-bka' }], totp: true, name: 'Dieter Outsider' }),
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Pat' }),
    };
    Object.assign(c, await signInAll(server, users));
  });
  after(async () => server?.close());

  /** The CSRF token of a signed-in client (for the API with a session cookie). */
  const tokenOf = async (who: Client) => csrfOf((await who.page('/en/jit')).html);
  const api = async (who: Client, method: string, path: string, body?: unknown) =>
    server.get(path, { method, headers: { cookie: cookieOf(who), origin: server.url, 'x-csrf-token': await tokenOf(who), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  it('opens a team through the form, adds a member and a task, shares a document; the log shows it', async () => {
    const res = await c.itaSup.submit('/en/jit', '/en/jit', {
      title: 'JIT Aurora',
      purpose: 'Trafficking in persons',
      lead_authority_id: 'ita-pg',
      lead_name: 'Procura di Roma',
      lead_country: 'ITA',
      starts_on: '2026-01-01',
      ends_on: '2099-12-31',
    });
    assert.equal(res.status, 303, await res.text());
    teamId = /\/en\/jit\/([0-9a-f-]{36})$/.exec(res.headers.get('location')!)![1]!;
    const member = await c.itaSup.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/members`, { authority_id: 'fra-moj', name: 'Bureau de l’entraide pénale', country: 'FRA' });
    assert.equal(member.status, 303);
    const bad = await c.itaSup.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/members`, { authority_id: 'esp-fge', name: 'Fiscalía', country: 'ZZZ' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /is not a State of the UN lists/);
    const task = await c.fraOff.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/tasks`, { title: 'Hear the witness', assignee_authority_id: 'fra-moj', due_on: '2027-01-15' });
    assert.equal(task.status, 303);
    // Upload through the page form: the CSRF field first, then the file.
    const { html } = await c.fraOff.page(`/en/jit/${teamId}`);
    assert.match(html, /enctype="multipart\/form-data"/);
    const form = new FormData();
    form.append('_csrf', csrfOf(html));
    form.append('title', 'Witness statement');
    form.append('file', new Blob(['statement text']), 'statement.txt');
    const up = await server.get(`/en/jit/${teamId}/documents`, { method: 'POST', body: form, headers: { cookie: cookieOf(c.fraOff), origin: server.url } });
    assert.equal(up.status, 303, await up.text());
    // Without the CSRF field: 403 and nothing stored.
    const noToken = new FormData();
    noToken.append('title', 'Forged');
    noToken.append('file', new Blob(['x']), 'x.txt');
    assert.equal((await server.get(`/en/jit/${teamId}/documents`, { method: 'POST', body: noToken, headers: { cookie: cookieOf(c.fraOff), origin: server.url } })).status, 403);
    const page = (await c.itaSup.page(`/en/jit/${teamId}`)).html;
    const sha = crypto.createHash('sha256').update('statement text').digest('hex');
    assert.ok(page.includes('Hear the witness') && page.includes('Witness statement') && page.includes(sha));
    assert.ok(!page.includes('Forged'));
    assert.match(page, /Uploaded/);
    // The casework navigation leads members to the teams; readers without jit.read do not see the link.
    assert.match((await c.fraOff.page('/en/casework')).html, /href="\/en\/jit"/);
  });

  it('refuses non-members before anything is revealed: 403 page, 403 problem+json, also for an unknown team', async () => {
    for (const path of [`/en/jit/${teamId}`, `/en/jit/${crypto.randomUUID()}`]) {
      const res = await c.outsider.get(path);
      assert.equal(res.status, 403, path);
      const body = await res.text();
      assert.ok(!body.includes('JIT Aurora'));
    }
    for (const path of [`/api/v1/jit/teams/${teamId}`, `/api/v1/jit/teams/${crypto.randomUUID()}`, `/api/v1/jit/teams/${teamId}/evidence-log`]) {
      const res = await c.outsider.get(path);
      assert.equal(res.status, 403, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    assert.equal((await c.practitioner.get('/api/v1/jit/teams')).status, 403);
    assert.equal((await server.get('/api/v1/jit/teams')).status, 401);
  });

  it('serves the workspace as JSON, logs views and downloads with the SHA-256, documents operationIds', async () => {
    const ws = (await (await c.fraOff.get(`/api/v1/jit/teams/${teamId}`)).json()) as { documents: { id: string; sha256: string; content_url: string }[]; members: unknown[] };
    assert.equal(ws.members.length, 2);
    const doc = ws.documents[0]!;
    const dl = await c.itaSup.get(doc.content_url);
    assert.equal(dl.status, 200);
    assert.equal(await dl.text(), 'statement text');
    assert.equal(dl.headers.get('x-content-sha256'), doc.sha256);
    assert.match(dl.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal((await c.fraOff.get(`/en/jit/documents/${doc.id}`)).status, 200);
    const log = (await (await c.itaSup.get(`/api/v1/jit/teams/${teamId}/evidence-log`)).json()) as { entries: { action: string; sha256: string; authority_id: string }[] };
    assert.deepEqual(log.entries.map((e) => [e.action, e.authority_id]), [['view', 'fra-moj'], ['download', 'ita-pg'], ['upload', 'fra-moj']]);
    assert.ok(log.entries.every((e) => e.sha256 === doc.sha256));
    assert.equal((await c.outsider.get(doc.content_url)).status, 403);
    const openapi = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    assert.equal(openapi.paths['/api/v1/jit/teams']?.post?.operationId, 'createJitTeam');
    assert.equal(openapi.paths['/api/v1/jit/documents/{docId}/content']?.get?.operationId, 'downloadJitDocument');
  });

  it('streams uploads through the one receiver: 413 and 415 naming the file, nothing stored; non-members refused before the body', async () => {
    const count = async () => ((await (await c.fraOff.get(`/api/v1/jit/teams/${teamId}`)).json()) as { documents: unknown[] }).documents.length;
    const before = await count();
    const post = async (who: Client, content: Blob, name: string) => {
      const form = new FormData();
      form.append('title', 'Refused');
      form.append('file', content, name);
      return server.get(`/api/v1/jit/teams/${teamId}/documents`, { method: 'POST', body: form, headers: { cookie: cookieOf(who), origin: server.url, 'x-csrf-token': await tokenOf(who) } });
    };
    const big = await post(c.fraOff, new Blob([Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)]), 'big.txt');
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { errors?: { field: string }[] }).errors?.[0]?.field, 'file');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(8192, 1)]);
    const wrong = await post(c.fraOff, new Blob([elf]), 'tool.pdf');
    assert.equal(wrong.status, 415);
    assert.equal(((await wrong.json()) as { errors?: { field: string }[] }).errors?.[0]?.field, 'file');
    assert.equal((await post(c.outsider, new Blob(['x']), 'x.txt')).status, 403);
    assert.equal(await count(), before);
    // The page form shows the refusal with the form again.
    const { html } = await c.fraOff.page(`/en/jit/${teamId}`);
    const form = new FormData();
    form.append('_csrf', csrfOf(html));
    form.append('title', 'Refused');
    form.append('file', new Blob([elf]), 'tool.pdf');
    const page = await server.get(`/en/jit/${teamId}/documents`, { method: 'POST', body: form, headers: { cookie: cookieOf(c.fraOff), origin: server.url } });
    assert.equal(page.status, 415);
    assert.match(await page.text(), /not accepted/);
    assert.equal(await count(), before);
  });

  it('takes a new version through the document page form; the old one stays with its evidence; mail can be turned off', async () => {
    const ws = (await (await c.fraOff.get(`/api/v1/jit/teams/${teamId}`)).json()) as { documents: { id: string; replaced_by: string | null }[] };
    const current = ws.documents.find((d) => !d.replaced_by)!;
    const { html } = await c.itaSup.page(`/ar/jit/documents/${current.id}`);
    assert.match(html, /name="replaces"/);
    const form = new FormData();
    form.append('_csrf', csrfOf(html));
    form.append('replaces', current.id);
    form.append('title', '');
    form.append('file', new Blob(['الإفادة المصححة — corrected statement']), 'statement.txt');
    const up = await server.get(`/ar/jit/${teamId}/documents`, { method: 'POST', body: form, headers: { cookie: cookieOf(c.itaSup), origin: server.url } });
    assert.equal(up.status, 303, await up.text());
    const after = (await (await c.fraOff.get(`/api/v1/jit/teams/${teamId}`)).json()) as { documents: { id: string; version: number; previous_id: string | null; replaced_by: string | null; title: string }[] };
    const v2 = after.documents.find((d) => d.previous_id === current.id)!;
    assert.equal(v2.version, 2);
    assert.equal(v2.title, 'Witness statement');
    assert.equal(after.documents.find((d) => d.id === current.id)?.replaced_by, v2.id);
    const old = await c.fraOff.page(`/en/jit/documents/${current.id}`);
    assert.match(old.html, /A newer version replaced this one/);
    assert.doesNotMatch(old.html, /name="replaces"/);
    // A second new version of the replaced one: 409, shown on the form.
    const stale = await api(c.itaSup, 'GET', `/api/v1/jit/teams/${teamId}`);
    assert.equal(stale.status, 200);
    const again = new FormData();
    again.append('replaces', current.id);
    again.append('file', new Blob(['stale']), 's.txt');
    const conflict = await server.get(`/api/v1/jit/teams/${teamId}/documents`, { method: 'POST', body: again, headers: { cookie: cookieOf(c.itaSup), origin: server.url, 'x-csrf-token': await tokenOf(c.itaSup) } });
    assert.equal(conflict.status, 409);
    // Mail on and off from the list page.
    const list = await c.fraOff.page('/en/jit');
    assert.match(list.html, /Stop workspace e-mails/);
    const off = await c.fraOff.submit('/en/jit', '/en/jit/mail', { on: '0' });
    assert.equal(off.status, 303);
    assert.match((await c.fraOff.page('/en/jit')).html, /Send me workspace e-mails/);
    const on = await api(c.fraOff, 'PUT', '/api/v1/jit/mail', { on: true });
    assert.equal(on.status, 200);
  });

  it('makes the workspace read-only after its end date (409), still readable', async () => {
    const created = await api(c.itaSup, 'POST', '/api/v1/jit/teams', { title: 'Short team', lead_authority_id: 'ita-pg', lead_country: 'ITA', lead_name: 'Procura di Roma', starts_on: '2020-01-01', ends_on: '2099-01-01' });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    await server.runtime.db.updateTable('jit_teams').set({ ends_on: '2021-01-01' }).where('id', '=', id).execute();
    const task = await api(c.itaSup, 'POST', `/api/v1/jit/teams/${id}/tasks`, { title: 'Late', assignee_authority_id: 'ita-pg' });
    assert.equal(task.status, 409);
    assert.match(task.headers.get('content-type') ?? '', /problem\+json/);
    const page = await c.itaSup.page(`/en/jit/${id}`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /read-only/);
    assert.ok(!page.html.includes(`/en/jit/${id}/tasks"`), 'no forms on a closed workspace');
  });

  it('answers fuzzed API bodies with 4xx naming the field, never 500', async () => {
    const fields = ['title', 'assignee_authority_id', 'due_on'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.constant({}), fc.constant([]), fc.constant('\u0000')), async (field, value) => {
        const body: Record<string, unknown> = { title: 'Task', assignee_authority_id: 'ita-pg', due_on: '2030-01-01', [field]: value };
        const res = await api(c.itaSup, 'POST', `/api/v1/jit/teams/${teamId}/tasks`, body);
        assert.ok(res.status < 500, `${field}=${JSON.stringify(value)}: ${res.status}`);
        if (res.status >= 400) {
          const problem = (await res.json()) as { errors?: { field: string }[] };
          assert.ok(problem.errors?.some((e) => e.field === field), `${field}: ${JSON.stringify(problem)}`);
        }
      }),
      { numRuns: 40 },
    );
    const notJson = await server.get(`/api/v1/jit/teams/${teamId}/tasks`, { method: 'POST', body: '{', headers: { cookie: cookieOf(c.itaSup), origin: server.url, 'x-csrf-token': await tokenOf(c.itaSup), 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
  });
});
