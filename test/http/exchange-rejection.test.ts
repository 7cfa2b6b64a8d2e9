/**
 * Submission rejection over HTTP between real nodes (docs/EXCHANGE.md "Evidence"): a supervisor sends an
 * approved request to a partner this node has revoked. The sending node refuses the submission: a 409
 * naming the evidence, the message kept `rejected` with this node's signed SubmissionRejection evidence
 * (the reason inside) in the case's hash-chained history, shown on the case page and by the API, checked
 * with `palermo exchange verify`; nothing reaches the partner. A reply the case's lifecycle does not
 * allow is rejected the same way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { aNode, anApprovedRequest, descriptorOf, trust, untilMessage, verifyWithCli, type TestNode } from './exchange-support.js';
import { getCase } from '../../src/modules/casework/service.js';
import { evidenceFile } from '../../src/modules/exchange/evidence-service.js';
import { sendReply, sendRequest } from '../../src/modules/exchange/send-service.js';
import { revokePartner } from '../../src/modules/exchange/trust-service.js';

let fra: TestNode;
let ita: TestNode;
let esp: TestNode;
let sup: Client;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  esp = await aNode('node-esp', 'ESP');
  await trust(fra, ita);
  await trust(ita, fra);
  await trust(fra, esp);
  await trust(esp, fra);
  sup = new Client(fra.server);
  await signInAs(sup, await makeUser(fra.server, { roles: [{ role: 'authority_supervisor', authority_id: fra.authorityId }], totp: true }));
});
after(async () => {
  await fra?.server.close();
  await ita?.server.close();
  await esp?.server.close();
});

interface Status {
  id: string;
  kind: string;
  state: string;
  lastError: string | null;
  evidence: { id: string; event: string; signer: string }[];
}

describe('submission rejection', () => {
  it('a send to a revoked partner is rejected with signed evidence; nothing is delivered; the history verifies', async () => {
    await revokePartner(fra.server.runtime.db, fra.admin.ctx, fra.partnerIds['node-ita']!);
    const out = await anApprovedRequest(fra, 'ITA');
    const { csrf } = await sup.page(`/en/exchange/cases/${out}`);
    const res = await sup.post(`/api/v1/exchange/cases/${out}/send`, { partnerId: fra.partnerIds['node-ita']! }, { 'x-csrf-token': csrf });
    assert.equal(res.status, 409);
    const problem = (await res.json()) as { type: string; detail: string; errors?: { field: string; message: string }[] };
    assert.match(problem.type, /submission_rejected/);
    assert.equal(problem.errors?.[0]?.field, 'partnerId');
    assert.match(problem.errors?.[0]?.message ?? '', /revoked/);

    const api = await sup.get(`/api/v1/exchange/cases/${out}`);
    assert.equal(api.status, 200);
    const messages = ((await api.json()) as { messages: Status[] }).messages;
    assert.equal(messages.length, 1);
    const [m] = messages as [Status];
    assert.equal(m.state, 'rejected');
    assert.match(m.lastError ?? '', /revoked/);
    assert.deepEqual(m.evidence.map((e) => [e.event, e.signer]), [['SubmissionRejection', 'node-fra']]);
    assert.match(problem.detail, new RegExp(m.evidence[0]!.id), 'the problem names the evidence');

    assert.equal((await ita.server.runtime.db.selectFrom('exchange_messages').select('id').where('id', '=', m.id).execute()).length, 0, 'nothing reached the partner');
    const row = await fra.server.runtime.db.selectFrom('exchange_messages').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.body, row.attempts], [null, 0], 'nothing to deliver');

    const view = await getCase(fra.server.runtime.db, fra.supervisor.actor, out);
    const steps = view.events.filter((e) => e.type === 'exchange').map((e) => e.data as { step?: string; event?: string; reason?: string });
    assert.ok(steps.some((s) => s.step === 'rejected' && /revoked/.test(s.reason ?? '')));
    assert.ok(steps.some((s) => s.step === 'evidence' && s.event === 'SubmissionRejection'));
    assert.ok(view.verification.ok, 'the hash chain verifies');
    assert.equal(view.case.state, 'approved', 'the case was not marked sent');

    const file = await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, m.evidence[0]!.id);
    const [fraKeys, itaKeys] = [await descriptorOf(fra), await descriptorOf(ita)];
    const cli = verifyWithCli(file.jws, fraKeys);
    assert.equal(cli.status, 0, cli.stdout);
    assert.match(cli.stdout, /VERIFIED SubmissionRejection \(http:\/\/uri\.etsi\.org\/19522\/Event\/SubmissionRejection\)/);
    assert.match(cli.stdout, /reason: Partner .* is revoked/);
    assert.equal(verifyWithCli(file.jws, itaKeys).status, 1, 'not with another node\'s keys');

    const page = await sup.page(`/en/exchange/cases/${out}`);
    assert.match(page.html, /rejected before sending/);
    assert.match(page.html, /Reason of the rejection: <span dir="auto">Partner [^<]* is revoked/);
    assert.match(page.html, /SubmissionRejection/);
  });

  it('a reply the case\'s lifecycle does not allow is rejected with signed evidence, and the request still stands', async () => {
    const out = await anApprovedRequest(fra, 'ESP');
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-esp']!);
    await untilMessage(fra, out, messageId, 'delivered');
    const inc = (await esp.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    // A refusal before the received request is registered: the lifecycle does not allow it.
    await assert.rejects(sendReply(esp.server.runtime.db, esp.server.runtime.config, esp.supervisor.ctx, inc, { kind: 'refusal', text: 'Too early.', grounds: ['other'] }), (e: { code?: string; issues?: { field: string }[] }) => e.code === 'submission_rejected' && e.issues?.[0]?.field === 'case');
    const rejected = await esp.server.runtime.db.selectFrom('exchange_messages').selectAll().where('case_id', '=', inc).where('kind', '=', 'refusal').executeTakeFirstOrThrow();
    assert.equal(rejected.state, 'rejected');
    assert.equal(rejected.body, null);
    const view = await getCase(esp.server.runtime.db, esp.supervisor.actor, inc);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'SubmissionRejection'));
    assert.ok(view.verification.ok);
    // The acknowledgement still goes: the rejected refusal took nothing with it.
    const ack = await sendReply(esp.server.runtime.db, esp.server.runtime.config, esp.supervisor.ctx, inc, { kind: 'acknowledgement' });
    await untilMessage(esp, inc, ack.messageId, 'delivered');
  });
});
