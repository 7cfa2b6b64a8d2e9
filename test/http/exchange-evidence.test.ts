/**
 * Retrieval and non-delivery evidence between real nodes over HTTP (docs/EXCHANGE.md "Evidence"): the
 * receiving authority opens the case's messages, its node signs Retrieval evidence once and returns it
 * to the sender, whose case history holds it; a message that cannot be delivered after the last retry
 * ends failed with this node's signed NonDelivery evidence, seen on the case page. Both are checked with
 * `palermo exchange verify` (the CLI, a separate process) against the signer's descriptor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { aNode, anApprovedRequest, descriptorOf, trust, untilMessage, verifyWithCli, type TestNode } from './exchange-support.js';
import { getCase } from '../../src/modules/casework/service.js';
import { caseExchange, evidenceFile } from '../../src/modules/exchange/evidence-service.js';
import { sendRequest } from '../../src/modules/exchange/send-service.js';
import { deliverJob } from '../../src/modules/exchange/deliver-job.js';
import { receiveEvidence } from '../../src/modules/exchange/retrieval-service.js';

let fra: TestNode;
let ita: TestNode;
let deu: TestNode;
let itaOfficer: Client;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  deu = await aNode('node-deu', 'DEU');
  await trust(fra, ita);
  await trust(ita, fra);
  await trust(fra, deu);
  await deu.server.close(); // trusted, then gone: nothing can be delivered to it
  itaOfficer = new Client(ita.server);
  await signInAs(itaOfficer, await makeUser(ita.server, { roles: [{ role: 'authority_officer', authority_id: ita.authorityId }], totp: true }));
});
after(async () => {
  await fra?.server.close();
  await ita?.server.close();
});

const descriptor = descriptorOf;

async function untilEvidence(n: TestNode, caseId: string, messageId: string, event: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = (await caseExchange(n.server.runtime.db, n.supervisor.actor, caseId)).find((x) => x.id === messageId);
    const e = m?.evidence.find((x) => x.event === event);
    if (e) return e;
    if (Date.now() > end) throw new Error(`no ${event} evidence for ${messageId}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('retrieval and non-delivery evidence', () => {
  it('the receiving authority opens the case: Retrieval evidence once, returned to the sender and kept in its case chain', async () => {
    const out = await anApprovedRequest(fra, 'ITA');
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-ita']);
    await untilMessage(fra, out, messageId, 'delivered');
    const inc = (await ita.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    const retrievalsAt = async () => (await ita.server.runtime.db.selectFrom('exchange_evidence').select('id').where('message_id', '=', messageId).where('event', '=', 'Retrieval').execute()).length;
    assert.equal(await retrievalsAt(), 0, 'not retrieved before anyone opens it');

    const page = await itaOfficer.page(`/en/exchange/cases/${inc}`);
    assert.equal(page.res.status, 200);
    assert.equal((await itaOfficer.get(`/api/v1/exchange/cases/${inc}`)).status, 200);
    assert.equal(await retrievalsAt(), 1, 'one Retrieval, however often it is opened');

    const seen = await untilEvidence(fra, out, messageId, 'Retrieval');
    assert.equal(seen.signer, 'node-ita');
    const view = await getCase(fra.server.runtime.db, fra.supervisor.actor, out);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'Retrieval'), 'in the sender\'s hash-chained history');
    assert.ok(view.verification.ok);

    const file = await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, seen.id);
    // Both descriptors first: the CLI runs synchronously and holds this process (and its two servers) meanwhile.
    const [itaKeys, fraKeys] = [await descriptor(ita), await descriptor(fra)];
    const cli = verifyWithCli(file.jws, itaKeys);
    assert.equal(cli.status, 0, cli.stdout);
    assert.match(cli.stdout, /VERIFIED Retrieval/);
    assert.equal(verifyWithCli(file.jws, fraKeys).status, 1, 'not with the other node\'s keys');

    // The sender's node takes returned evidence only about its own message, signed by the partner it went to.
    const own = (await caseExchange(fra.server.runtime.db, fra.supervisor.actor, out)).find((m) => m.id === messageId)!.evidence.find((e) => e.event === 'SubmissionAcceptance')!;
    const ownJws = (await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, own.id)).jws;
    await assert.rejects(receiveEvidence(fra.server.runtime.db, ownJws), /not trusted|unknown/i, 'its own signature is not a partner\'s');
    const res = await fetch(`${ita.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ evidence: file.jws }) });
    assert.equal(res.status, 403, 'ita is not its own partner: its own Retrieval is not taken back');
  });

  it('a message that cannot be delivered ends failed with signed NonDelivery evidence the sender sees', async () => {
    const out = await anApprovedRequest(fra, 'DEU');
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-deu']);
    // The last retry (the queue's retries take hours): the job's own handler, as the queue runs it.
    await assert.rejects(deliverJob.handler({ messageId }, { id: 'last', name: deliverJob.name, attempt: 13, maxAttempts: 13, lastAttempt: true }, fra.server.runtime), /unreachable/);
    const m = await untilMessage(fra, out, messageId, 'failed');
    const nd = m.evidence.find((e) => e.event === 'NonDelivery')!;
    assert.ok(nd, 'NonDelivery evidence');
    assert.equal(nd.signer, 'node-fra');
    const file = await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, nd.id);
    const cli = verifyWithCli(file.jws, await descriptor(fra));
    assert.equal(cli.status, 0, cli.stdout);
    assert.match(cli.stdout, /VERIFIED NonDelivery.*\n.*\n.*reason: partner unreachable/);
    const view = await getCase(fra.server.runtime.db, fra.supervisor.actor, out);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'NonDelivery'));
    assert.ok(view.verification.ok);
    const sup = new Client(fra.server);
    await signInAs(sup, await makeUser(fra.server, { roles: [{ role: 'authority_supervisor', authority_id: fra.authorityId }], totp: true }));
    const page = await sup.page(`/en/exchange/cases/${out}`);
    assert.match(page.html, /NonDelivery/);
    assert.match(page.html, /Not delivered|not delivered/i);
  });
});
