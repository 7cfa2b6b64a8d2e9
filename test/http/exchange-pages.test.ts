/**
 * The exchange pages without JavaScript, in Latin, Arabic and Chinese scripts: an administrator adds a
 * partner by its pasted descriptor, reads and confirms its fingerprints, revokes a key; a supervisor
 * sends an approved request from the case's exchange page and sees it delivered with its evidence; the
 * partner's supervisor answers from the same page. Permission: 403 for those without the right.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, makeUser, signInAs, upload } from './accounts-support.js';
import { aNode, anApprovedRequest, pdf, trust, untilMessage, type TestNode } from './exchange-support.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { getCase } from '../../src/modules/casework/service.js';

let fra: TestNode;
let ita: TestNode;
const c: Record<'fraAdmin' | 'fraSupervisor' | 'fraOfficer' | 'itaSupervisor', Client> = {} as never;

/** A request from FRA received by ITA and taken to assessment: the ids of both cases and of the message. */
async function aReceivedRequest(): Promise<{ out: string; inc: string; messageId: string }> {
  const out = await anApprovedRequest(fra, 'ITA');
  const page = await c.fraSupervisor.page(`/en/exchange/cases/${out}`);
  assert.equal((await c.fraSupervisor.post(`/en/exchange/cases/${out}/send`, { _csrf: page.csrf, partnerId: fra.partnerIds['node-ita']! })).status, 303);
  const messageId = (await fra.server.runtime.db.selectFrom('exchange_messages').select('id').where('case_id', '=', out).executeTakeFirstOrThrow()).id;
  await untilMessage(fra, out, messageId, 'delivered');
  const inc = (await ita.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
  for (const transition of ['start_check', 'register', 'start_assessment']) await applyTransition(ita.server.runtime.db, ita.officer.actor, inc, { transition });
  return { out, inc, messageId };
}

/** Poll the sender's page until it matches (the partner's answer and evidence travel through the job queue). */
async function untilPage(client: Client, path: string, re: RegExp): Promise<string> {
  for (let i = 0; ; i++) {
    const { html } = await client.page(path);
    if (re.test(html)) return html;
    if (i > 300) throw new Error(`${path} never matched ${re}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

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

  it('the requested side refuses from the page with grounds, reasons and an attachment; the sender sees it delivered and retrieved', async () => {
    const { out, inc, messageId } = await aReceivedRequest();
    const ip = await c.itaSupervisor.page(`/en/exchange/cases/${inc}`);
    assert.match(ip.html, /enctype="multipart\/form-data"/);
    assert.match(ip.html, /name="ground_sovereignty_security_public_order"/);
    assert.doesNotMatch(ip.html, /name="ground_bank_secrecy_not_a_ground"/);
    const path = `/en/exchange/cases/${inc}/reply`;
    const letter = new Blob([new Uint8Array(pdf('refusal letter'))], { type: 'application/pdf' });
    // The form token is checked before the file: a wrong one is 403 and nothing is sent.
    assert.equal((await upload(c.itaSupervisor, path, [['_csrf', 'forged'], ['kind', 'refusal'], ['text', 'x'], ['attachment', letter, 'letter.pdf']])).status, 403);
    // Reasons without grounds: the page again, naming the field.
    const bad = await upload(c.itaSupervisor, path, [['_csrf', ip.csrf], ['kind', 'refusal'], ['text', 'No grounds given.'], ['attachment', letter, 'letter.pdf']]);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /grounds/);
    const refused = await upload(c.itaSupervisor, path, [['_csrf', ip.csrf], ['kind', 'refusal'], ['ground_sovereignty_security_public_order', '1'], ['ground_dual_criminality', '1'], ['text', 'Essential interests: art. 18(21)(b).'], ['attachment', letter, 'letter.pdf']]);
    assert.equal(refused.status, 303);
    assert.equal((await ita.server.runtime.db.selectFrom('exchange_messages').select('id').where('case_id', '=', inc).where('kind', '=', 'refusal').execute()).length, 1, 'only the valid refusal was sent');

    // The sender: its case refused with both grounds and the letter; the request retrieved (ITA opened it).
    const html = await untilPage(c.fraSupervisor, `/en/exchange/cases/${out}`, /Refusal \(received\)/);
    assert.match(html, /<th scope="col">Retrieved<\/th>/);
    const row = html.slice(html.indexOf(messageId) - 400, html.indexOf(messageId) + 2000);
    assert.match(row, /delivered/);
    assert.match(row, /Retrieval/);
    assert.match(row, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC<\/td>\s*<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC<\/td>\s*<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, 'sent, delivered and retrieved, each with its time');
    const view = await getCase(fra.server.runtime.db, fra.supervisor.actor, out);
    assert.equal(view.case.state, 'refused');
    assert.deepEqual([...view.case.refusal_grounds].sort(), ['dual_criminality', 'sovereignty_security_public_order']);
    const docs = await fra.server.runtime.db.selectFrom('case_documents').select('filename').where('case_id', '=', out).execute();
    assert.ok(docs.some((d) => d.filename.startsWith('letter')), 'the attachment reached the sender\'s case');
    assert.ok(view.verification.ok);
  });

  it('the requested side postpones from the page with a reason and a date', async () => {
    const { out, inc } = await aReceivedRequest();
    const ip = await c.itaSupervisor.page(`/ar/exchange/cases/${inc}`);
    assert.match(ip.html, /name="until"/);
    const path = `/ar/exchange/cases/${inc}/reply`;
    const noDate = await upload(c.itaSupervisor, path, [['_csrf', ip.csrf], ['kind', 'postponement'], ['text', 'Ongoing domestic trial.'], ['until', '']]);
    assert.equal(noDate.status, 400);
    assert.match(await noDate.text(), /until/);
    assert.equal((await upload(c.itaSupervisor, path, [['_csrf', ip.csrf], ['kind', 'postponement'], ['text', 'Ongoing domestic trial (art. 18(25)).'], ['until', '2027-03-31']])).status, 303);
    assert.equal((await getCase(ita.server.runtime.db, ita.supervisor.actor, inc)).case.state, 'postponed');
    await untilPage(c.fraSupervisor, `/en/exchange/cases/${out}`, /Postponement \(received\)/);
  });

  it('an administrator revokes a partner key from the page', async () => {
    const page = await c.fraAdmin.page('/en/admin/exchange');
    const action = /action="(\/en\/admin\/exchange\/partners\/[0-9a-f-]{36}\/keys\/[^"]+\/revoke)"/.exec(page.html)![1]!;
    assert.equal((await c.fraAdmin.post(action, { _csrf: page.csrf })).status, 303);
    assert.match((await c.fraAdmin.page('/en/admin/exchange')).html, />revoked</);
  });
});
