/**
 * The casework execution pages over HTTP, signed in through the real forms: sign-in first, 403 for
 * someone without casework rights, the executing authority's page in Arabic with only its own tracks,
 * progress recorded through forms (bad input named, nothing written), notifications, supervisors'
 * settings, the ExecutionsSection component, and fuzzed form posts never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { renderToString } from 'preact-render-to-string';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { forwardRequest, listExecutions } from '../../src/modules/casework/execution-service.js';
import { ExecutionsSection, loadExecutionsSection } from '../../src/modules/casework/pages/executions.js';
import { executionWorld, insertCase, type ExecutionWorld } from '../service/casework-execution-support.js';

const HOSTILE = '<script>alert(1)</script>';

describe('casework execution pages', () => {
  let server: TestServer;
  let w: ExecutionWorld;
  const c: Record<'anonymous' | 'practitioner' | 'exec1' | 'officer' | 'supervisor', Client> = {} as never;
  let caseId: string;
  let track1: string;

  before(async () => {
    server = await startTestServer();
    w = await executionWorld(server.runtime.db);
    const users = {
      practitioner: await makeUser(server, { roles: [{ role: 'practitioner' }], name: 'Prac' }),
      exec1: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.exec1 }], totp: true, name: 'Exec One' }),
      officer: await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: w.central }], totp: true, name: 'Central Officer' }),
      supervisor: await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: w.central }], totp: true, name: 'Central Supervisor' }),
    };
    for (const [k, u] of Object.entries(users)) {
      c[k as keyof typeof users] = new Client(server);
      await signInAs(c[k as keyof typeof users], u);
    }
    c.anonymous = new Client(server);
    caseId = await insertCase(server.runtime.db, w.central, { title: `Hostile ${HOSTILE}` });
    track1 = (await forwardRequest(server.runtime.db, w.officer.actor, caseId, { executingAuthorityId: w.exec1 })).execution.id;
    const other = await insertCase(server.runtime.db, w.central, { title: 'Only for exec2' });
    await forwardRequest(server.runtime.db, w.officer.actor, other, { executingAuthorityId: w.exec2 });
  });
  after(async () => server?.close());

  it('sends anonymous readers to sign in and refuses those without casework rights', async () => {
    for (const path of ['/en/casework/executions', '/fr/casework/notifications', '/es/casework/settings']) {
      const res = await c.anonymous.get(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /\/sign-in\?next=/);
      assert.equal((await c.practitioner.get(path)).status, 403, path);
    }
    assert.equal((await c.officer.get('/en/casework/settings')).status, 403, 'officers are not supervisors');
  });

  it('shows the executing authority its own tracks (escaped, in Arabic) and records progress through forms', async () => {
    const { res, html, csrf } = await c.exec1.page('/ar/casework/executions');
    assert.equal(res.status, 200);
    assert.match(html, /<html lang="ar" dir="rtl"/);
    assert.ok(html.includes('&lt;script>') || html.includes('&lt;script&gt;'), 'user text escaped');
    assert.ok(!html.includes(HOSTILE));
    assert.ok(!html.includes('Only for exec2'), 'another authority’s track is not shown');
    assert.match(html, /name="transition" value="acknowledge"/);
    assert.ok(!/value="withdraw"/.test(html));
    const bad = await c.exec1.post(`/ar/casework/executions/${track1}/transitions`, { _csrf: csrf, transition: 'unable', reason: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /reason/);
    assert.equal((await listExecutions(server.runtime.db, w.officer.actor, caseId)).executions[0]!.state, 'forwarded', 'nothing written');
    const ok = await c.exec1.post(`/ar/casework/executions/${track1}/transitions`, { _csrf: csrf, transition: 'acknowledge', theirReference: 'PR-1', back: '/casework/executions' });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /^\/ar\/casework\/executions\?done=1$/);
    assert.equal((await listExecutions(server.runtime.db, w.officer.actor, caseId)).executions[0]!.state, 'acknowledged');
    const evil = await c.exec1.post(`/ar/casework/executions/${track1}/transitions`, { _csrf: csrf, transition: 'start', back: 'https://evil.example/' });
    assert.equal(evil.status, 303);
    assert.match(evil.headers.get('location') ?? '', /^\/ar\/casework\/executions/, 'no redirect off the site');
    assert.equal((await c.exec1.post(`/ar/casework/executions/${track1}/transitions`, { transition: 'execute' })).status, 403, 'no CSRF token');
  });

  it('the case page section shows the tracks, the forward and enquiry forms, and the forms work', async () => {
    const model = await loadExecutionsSection(server.runtime.db, w.officer.actor, caseId);
    const html = renderToString(ExecutionsSection({ ctx: { lang: 'zh', dir: 'ltr', pathAndQuery: '/', query: {}, requestId: 'x', viewer: null, csrfToken: 'tok' }, model }));
    assert.match(html, /执行机关/);
    assert.match(html, /name="_csrf" value="tok"/);
    assert.match(html, /casework\/cases\/[0-9a-f-]+\/executions/);
    const { csrf } = await c.officer.page('/en/casework/notifications');
    const fwd = await c.officer.post(`/en/casework/cases/${caseId}/executions`, { _csrf: csrf, executingName: 'Brigade financière', bodyKind: 'police', measures: 'taking-evidence', dueOn: '', back: `/casework/cases/${caseId}` });
    assert.equal(fwd.status, 303);
    assert.equal((await listExecutions(server.runtime.db, w.officer.actor, caseId)).executions.length, 2);
    const enq = await c.officer.post(`/en/casework/cases/${caseId}/status-enquiries`, { _csrf: csrf, date: '2026-02-01', channel: 'bogus' });
    assert.equal(enq.status, 400);
    assert.match(await enq.text(), /channel/);
  });

  it('notifications are listed and marked read; supervisors change settings through the page', async () => {
    const page = await c.exec1.page('/zh/casework/notifications');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /通知/);
    assert.equal((await c.exec1.post('/zh/casework/notifications/read', { _csrf: page.csrf })).status, 303);
    const s = await c.supervisor.page('/fr/casework/settings');
    assert.equal(s.res.status, 200);
    assert.match(s.html, /Jours ouvrables/);
    const saved = await c.supervisor.post('/fr/casework/settings', { _csrf: s.csrf, authority: w.central, workingDays: ['1', '2', '3', '4'], holidays: '2026-12-25\n2027-01-01', remindDaysBefore: '2', chaseAfterDays: '10', 'statutoryDays[provisional_arrest]': '40' });
    assert.equal(saved.status, 303);
    assert.match((await c.supervisor.page(`/fr/casework/settings?authority=${w.central}`)).html, /2027-01-01/);
    const bad = await c.supervisor.post('/fr/casework/settings', { _csrf: s.csrf, authority: w.central, holidays: 'Noël', remindDaysBefore: '2', chaseAfterDays: '10' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /holidays/);
    assert.equal((await c.supervisor.post('/fr/casework/settings/service-levels', { _csrf: s.csrf, authority: w.central, kind: 'mla', state: 'formal_check', days: '10', workingDays: ['false', 'true'] })).status, 303);
    assert.equal((await c.supervisor.post('/fr/casework/settings', { _csrf: s.csrf, authority: w.other, workingDays: '1', remindDaysBefore: '2', chaseAfterDays: '10' })).status, 403);
  });

  it('fuzzed form posts never give a 500', async () => {
    const { csrf } = await c.officer.page('/en/casework/notifications');
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '2026-01-01', 'execute', 'unable', 'withdraw', 'police', '-1', '99999999999'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(`/en/casework/executions/${track1}/transitions`, `/en/casework/cases/${caseId}/executions`, `/en/casework/cases/${caseId}/status-enquiries`, `/en/casework/executions/${track1}/chase`, '/en/casework/executions/not-a-uuid/transitions'),
        fc.dictionary(fc.constantFrom('transition', 'reason', 'version', 'executingAuthorityId', 'executingName', 'bodyKind', 'measures', 'dueOn', 'date', 'channel', 'note', 'back'), value),
        async (path, form) => {
          const res = await c.officer.post(path, { ...form, _csrf: csrf });
          assert.ok(res.status < 500, `${path} ${JSON.stringify(form)} -> ${res.status}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
