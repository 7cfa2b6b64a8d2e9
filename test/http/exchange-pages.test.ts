/**
 * The exchange pages without JavaScript, in Latin, Arabic and Chinese scripts: an administrator adds a
 * partner by its pasted descriptor, reads and confirms its fingerprints, revokes a key; a supervisor
 * sends an approved request from the case's exchange page and sees it delivered with its evidence; the
 * partner's supervisor answers from the same page. Permission: 403 for those without the right.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { aNode, anApprovedRequest, trust, untilMessage, type TestNode } from './exchange-support.js';

let fra: TestNode;
let ita: TestNode;
const c: Record<'fraAdmin' | 'fraSupervisor' | 'fraOfficer' | 'itaSupervisor', Client> = {} as never;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  await trust(ita, fra);
  const users = {
    fraAdmin: [fra, await makeUser(fra.server, { roles: [{ role: 'administrator' }], totp: true })],
    fraSupervisor: [fra, await makeUser(fra.server, { roles: [{ role: 'authority_supervisor', authority_id: fra.authorityId }], totp: true })],
    fraOfficer: [fra, await makeUser(fra.server, { roles: [{ role: 'authority_officer', authority_id: fra.authorityId }], totp: true })],
    itaSupervisor: [ita, await makeUser(ita.server, { roles: [{ role: 'authority_supervisor', authority_id: ita.authorityId }], totp: true })],
  } as const;
  for (const [k, [node, u]] of Object.entries(users)) {
    c[k as keyof typeof users] = new Client(node.server);
    await signInAs(c[k as keyof typeof users], u);
  }
});
after(async () => {
  await fra?.server.close();
  await ita?.server.close();
});

describe('exchange pages', () => {
  it('an administrator adds a partner by its descriptor and confirms its fingerprints, in three scripts', async () => {
    const descriptor = await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).text();
    let page = await c.fraAdmin.page('/en/admin/exchange');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /node-fra/);
    const bad = await c.fraAdmin.post('/en/admin/exchange/partners', { _csrf: page.csrf, descriptor: '{"version":"x"}' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /descriptor\.version/);
    const added = await c.fraAdmin.post('/en/admin/exchange/partners', { _csrf: page.csrf, descriptor });
    assert.equal(added.status, 303);
    page = await c.fraAdmin.page('/en/admin/exchange');
    assert.match(page.html, /awaiting confirmation/);
    const kids = [...page.html.matchAll(/name="fingerprints" value="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(kids.length, 2);
    const partnerId = /\/admin\/exchange\/partners\/([0-9a-f-]{36})\/confirm/.exec(page.html)![1]!;
    assert.equal((await c.fraAdmin.post(`/en/admin/exchange/partners/${partnerId}/confirm`, { _csrf: page.csrf, fingerprints: kids })).status, 303);
    fra.partnerIds['node-ita'] = partnerId;
    for (const lang of ['ar', 'zh']) {
      const p = await c.fraAdmin.page(`/${lang}/admin/exchange`);
      assert.equal(p.res.status, 200);
      assert.match(p.html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`));
      assert.match(p.html, lang === 'ar' ? /العقد الشريكة/ : /伙伴节点/);
    }
    assert.equal((await c.fraSupervisor.get('/en/admin/exchange')).status, 403);
  });

  it('a supervisor sends an approved request from the case page; it shows delivered with its evidence; the partner answers', async () => {
    const caseId = await anApprovedRequest(fra, 'ITA');
    let page = await c.fraSupervisor.page(`/en/exchange/cases/${caseId}`);
    assert.equal(page.res.status, 200);
    assert.match(page.html, /Send the request/);
    const sent = await c.fraSupervisor.post(`/en/exchange/cases/${caseId}/send`, { _csrf: page.csrf, partnerId: fra.partnerIds['node-ita']! });
    assert.equal(sent.status, 303);
    const messageId = (await fra.server.runtime.db.selectFrom('exchange_messages').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
    await untilMessage(fra, caseId, messageId, 'delivered');
    const casePage = await c.fraOfficer.page(`/en/casework/cases/${caseId}`);
    assert.ok(casePage.html.includes(`href="/en/exchange/cases/${caseId}"`), 'the case page links to its exchange page');
    page = await c.fraOfficer.page(`/en/exchange/cases/${caseId}`);
    assert.match(page.html, /delivered/);
    assert.match(page.html, /SubmissionAcceptance/);
    assert.match(page.html, /Delivery/);
    assert.doesNotMatch(page.html, /Send the request/, 'an officer does not send');
    const evidenceLink = /href="(\/api\/v1\/exchange\/evidence\/[0-9a-f-]{36})"/.exec(page.html)![1]!;
    const evidence = await c.fraOfficer.get(evidenceLink);
    assert.equal(evidence.status, 200);
    assert.match(evidence.headers.get('content-type') ?? '', /application\/jose/);

    const received = (await ita.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    const ip = await c.itaSupervisor.page(`/fr/exchange/cases/${received}`);
    assert.match(ip.html, /Répondre au partenaire/);
    const answered = await c.itaSupervisor.post(`/fr/exchange/cases/${received}/reply`, { _csrf: ip.csrf, kind: 'acknowledgement', text: 'Bien reçu' });
    assert.equal(answered.status, 303);
    const bad = await c.itaSupervisor.post(`/fr/exchange/cases/${received}/reply`, { _csrf: ip.csrf, kind: 'gossip' });
    assert.equal(bad.status, 400);
  });

  it('an administrator revokes a partner key from the page', async () => {
    const page = await c.fraAdmin.page('/en/admin/exchange');
    const action = /action="(\/en\/admin\/exchange\/partners\/[0-9a-f-]{36}\/keys\/[^"]+\/revoke)"/.exec(page.html)![1]!;
    assert.equal((await c.fraAdmin.post(action, { _csrf: page.csrf })).status, 303);
    assert.match((await c.fraAdmin.page('/en/admin/exchange')).html, />revoked</);
  });
});
