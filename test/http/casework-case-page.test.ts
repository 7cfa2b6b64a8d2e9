/**
 * The case page brings the parts of a case together, over HTTP with real sign-ins: the sections
 * (executing authorities, documents, deadlines, linked requests, history) and their navigation; the
 * "forward" action and a picker of the directory authorities of the owner's State (not a raw id) for
 * the officers who may forward, and neither for an executing authority; the casework navigation shows
 * the statistics and settings only where the policy allows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { authorityNames } from '../../src/modules/directory/index.js';
import { listExecutions } from '../../src/modules/casework/execution-service.js';
import { executionWorld, insertCase, type ExecutionWorld } from '../service/casework-execution-support.js';

const options = (html: string) => [...(/<select id="fw-id"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '').matchAll(/<option value(?:="([^"]*)")?[ >]/g)].map((m) => m[1] ?? '');

describe('the case page', () => {
  let server: TestServer;
  let w: ExecutionWorld;
  const c: Record<'officer' | 'supervisor' | 'exec1', Client> = {} as never;
  let caseId: string;

  before(async () => {
    server = await startTestServer();
    w = await executionWorld(server.runtime.db);
    const users = {
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.central }], totp: true, name: 'Central Officer' }),
      supervisor: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: w.central }], totp: true, name: 'Central Supervisor' }),
      exec1: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.exec1 }], totp: true, name: 'Exec One' }),
    };
    for (const [k, u] of Object.entries(users)) {
      c[k as keyof typeof users] = new Client(server);
      await signInAs(c[k as keyof typeof users], u);
    }
    caseId = await insertCase(server.runtime.db, w.central, { title: 'Accounts of Orchid Ltd' });
  });
  after(async () => server?.close());

  it('shows every section with its navigation, and the forward action with a picker of the State’s authorities', async () => {
    const { res, html } = await c.officer.page(`/en/casework/cases/${caseId}`);
    assert.equal(res.status, 200);
    for (const anchor of ['#h-summary', '#executions', '#documents', '#deadlines', '#h-links', '#h-timeline']) {
      assert.ok(html.includes(`href="/en/casework/cases/${caseId}${anchor}"`), `navigation to ${anchor}`);
    }
    for (const id of ['executions', 'documents', 'deadlines']) assert.match(html, new RegExp(`<section id="${id}"`), `section ${id}`);
    assert.match(html, /<h2 id="h-links">/);
    assert.match(html, /<h2 id="h-timeline">/);
    assert.ok(html.includes(`href="/en/casework/cases/${caseId}?forward=1#executions"`), 'the forward action');
    assert.match(html, /enctype="multipart\/form-data"/, 'the upload form of the documents section');
    // The picker: the published authorities of the owner's State, not the owner itself; then "another body".
    const names = await authorityNames(server.runtime.db, [w.exec1, w.exec2, w.other]);
    assert.deepEqual(options(html).sort(), [w.exec1, w.exec2, w.other, ''].sort());
    assert.ok(!options(html).includes(w.central));
    assert.ok(html.includes(names.get(w.exec1)!.name));
    assert.ok(!/<input id="fw-id"/.test(html), 'no raw identifier field');
    // ?forward=1 opens the form.
    assert.match((await c.officer.page(`/en/casework/cases/${caseId}?forward=1`)).html, /<details class="forward-form" open/);
  });

  it('forwards through the picker; the chosen authority leaves the picker and its officers see their track, without forwarding', async () => {
    const { csrf } = await c.officer.page(`/en/casework/cases/${caseId}`);
    const fwd = await c.officer.post(`/en/casework/cases/${caseId}/executions`, { _csrf: csrf, executingAuthorityId: w.exec1, executingName: '', bodyKind: 'prosecution', measures: '', dueOn: '2030-01-31', note: '', back: `/casework/cases/${caseId}` });
    assert.equal(fwd.status, 303);
    assert.equal(fwd.headers.get('location'), `/en/casework/cases/${caseId}?done=1`);
    const [track] = (await listExecutions(server.runtime.db, w.officer.actor, caseId)).executions;
    assert.equal(track!.executingAuthorityId, w.exec1);
    const after = (await c.officer.page(`/en/casework/cases/${caseId}`)).html;
    assert.ok(!options(after).includes(w.exec1), 'an authority with an open track is not offered again');
    assert.match(after, /class="cw-deadline cw-deadline-open"/, 'the track’s deadline is in the deadlines section');

    const mine = await c.exec1.page(`/ar/casework/cases/${caseId}`);
    assert.equal(mine.res.status, 200);
    assert.match(mine.html, /<section id="executions"/);
    assert.ok(mine.html.includes(`/casework/executions/${track!.id}/transitions`), 'the executing authority records progress from the case page');
    assert.ok(!mine.html.includes('forward=1'), 'no forward action');
    assert.ok(!/id="fw-id"/.test(mine.html), 'no forwarding form');
    assert.ok(!mine.html.includes('id="h-links"'), 'linked requests are the owner’s');
  });

  it('the casework navigation links to statistics, and to settings for supervisors only', async () => {
    const officer = (await c.officer.page('/en/casework')).html;
    assert.match(officer, /<nav class="cw-nav"/);
    assert.ok(officer.includes('href="/en/casework/statistics"'), 'statistics reachable');
    assert.ok(!officer.includes('href="/en/casework/settings"'), 'no settings link for an officer');
    assert.match(officer, /<a href="\/en\/casework" aria-current="page">/);
    const supervisor = (await c.supervisor.page('/fr/casework/statistics')).html;
    assert.ok(supervisor.includes('href="/fr/casework/settings"'));
    assert.match(supervisor, /<a href="\/fr\/casework\/statistics" aria-current="page">/);
    const exec = (await c.exec1.page('/zh/casework/executions')).html;
    assert.ok(exec.includes('href="/zh/casework/executions"'));
    assert.equal((await c.officer.get('/en/casework/statistics')).status, 200, 'the linked page opens');
  });
});
