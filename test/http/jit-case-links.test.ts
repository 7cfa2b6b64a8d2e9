/**
 * Casework cases linked to a JIT workspace over HTTP: the page form (no JavaScript) links a case of the
 * reader's authority by its reference and shows it; another member sees only "a case of <authority>";
 * bad input is a 400 naming `case` (page and problem+json); the API lists links without another
 * authority's case data; the casework case page links back to the workspace; unlinking by the page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, csrfOf, makeUser, signInAll } from './accounts-support.js';
import { executionWorld, insertCase } from '../service/casework-execution-support.js';

const cookieOf = (c: Client) => [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');

describe('jit case links over HTTP', () => {
  let server: TestServer;
  const c = {} as Record<'sup' | 'off' | 'otherOff', Client>;
  let teamId: string;
  let caseId: string;
  let reference: string;

  before(async () => {
    server = await startTestServer();
    const w = await executionWorld(server.runtime.db);
    const users = {
      sup: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: w.central }], totp: true, name: 'Sara Lead' }),
      off: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.central }], totp: true, name: 'Olga Officer' }),
      otherOff: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.other }], totp: true, name: 'Oscar Other' }),
    };
    Object.assign(c, await signInAll(server, users));
    const res = await c.sup.submit('/en/jit', '/en/jit', { title: 'JIT Meridian', lead_authority_id: w.central, lead_name: 'Central authority', lead_country: 'FRA', starts_on: '2026-01-01', ends_on: '2099-12-31' });
    assert.equal(res.status, 303, await res.text());
    teamId = /\/en\/jit\/([0-9a-f-]{36})$/.exec(res.headers.get('location')!)![1]!;
    assert.equal((await c.sup.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/members`, { authority_id: w.other, name: 'Autre parquet', country: 'FRA' })).status, 303);
    caseId = await insertCase(server.runtime.db, w.central, { title: 'Outgoing JIT request' });
    reference = (await server.runtime.db.selectFrom('casework_cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow()).reference!;
  });
  after(async () => server?.close());

  const tokenOf = async (who: Client) => csrfOf((await who.page('/en/jit')).html);
  const api = async (who: Client, method: string, path: string, body?: unknown) =>
    server.get(path, { method, headers: { cookie: cookieOf(who), origin: server.url, 'x-csrf-token': await tokenOf(who), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  it('links a case by its reference through the page form; the other member sees only its authority', async () => {
    const bad = await c.off.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/cases`, { case: 'MLI/1999/none' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /is not a case of your authority/);
    const ok = await c.off.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/cases`, { case: reference, note: 'The JIT request' });
    assert.equal(ok.status, 303, await ok.text());
    assert.match(ok.headers.get('location') ?? '', /#cases$/);
    const own = (await c.off.page(`/en/jit/${teamId}`)).html;
    assert.ok(own.includes('Outgoing JIT request') && own.includes(reference) && own.includes('The JIT request'));
    assert.ok(own.includes(`href="/en/casework/cases/${caseId}"`));
    const other = (await c.otherOff.page(`/fr/jit/${teamId}`)).html;
    assert.ok(other.includes('Un dossier de Central authority'), 'French page names only the authority');
    assert.ok(!other.includes('Outgoing JIT request') && !other.includes(reference) && !other.includes('The JIT request') && !other.includes(caseId));
    // The other member cannot link it either (the same answer as for an unknown case).
    const theirs = await c.otherOff.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/cases`, { case: caseId });
    assert.equal(theirs.status, 400);
  });

  it('answers the API with problem+json naming the field, and without case data for other members', async () => {
    const bad = await api(c.off, 'POST', `/api/v1/jit/teams/${teamId}/cases`, { case: '' });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    assert.ok(((await bad.json()) as { errors: { field: string }[] }).errors.some((e) => e.field === 'case'));
    const dup = await api(c.off, 'POST', `/api/v1/jit/teams/${teamId}/cases`, { case: caseId });
    assert.equal(dup.status, 409);
    const theirs = (await (await c.otherOff.get(`/api/v1/jit/teams/${teamId}`)).json()) as { case_links: { id: string; case: unknown }[] };
    assert.equal(theirs.case_links.length, 1);
    assert.equal(theirs.case_links[0]!.case, null);
    assert.ok(!JSON.stringify(theirs.case_links).includes(caseId));
    const mine = (await (await c.off.get(`/api/v1/jit/teams/${teamId}`)).json()) as { case_links: { id: string; case: { id: string; reference: string } }[] };
    assert.equal(mine.case_links[0]!.case.reference, reference);
    assert.equal((await api(c.otherOff, 'DELETE', `/api/v1/jit/teams/${teamId}/cases/${mine.case_links[0]!.id}`)).status, 403);
  });

  it('lists the workspace on the casework case page, and unlinks through the page', async () => {
    const casePage = (await c.off.page(`/en/casework/cases/${caseId}`)).html;
    assert.ok(casePage.includes(`href="/en/jit/${teamId}"`) && casePage.includes('Joint investigation team: JIT Meridian'));
    const ws = (await c.off.page(`/en/jit/${teamId}`)).html;
    const linkId = new RegExp(`/en/jit/${teamId}/cases/([0-9a-f-]{36})/remove`).exec(ws)![1]!;
    assert.equal((await c.off.submit(`/en/jit/${teamId}`, `/en/jit/${teamId}/cases/${linkId}/remove`, {})).status, 303);
    assert.ok(!(await c.off.page(`/en/casework/cases/${caseId}`)).html.includes(`href="/en/jit/${teamId}"`));
    assert.match((await c.off.page(`/en/jit/${teamId}`)).html, /No case is linked to the team yet/);
  });
});
