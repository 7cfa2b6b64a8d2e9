/**
 * The message kinds after the request between two nodes over HTTP (docs/EXCHANGE.md "Message kinds"):
 * status enquiry and answer, acknowledgement, information asked and given, partial and final results,
 * refusal with grounds, postponement, withdrawal. Each moves the case on both sides where the lifecycle
 * says so, with its history in the hash chain; refusal paths (wrong side, wrong state, missing grounds,
 * an officer deciding, an answer to nothing, a forged side) change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aNode, anApprovedRequest, pdf, trust, untilMessage, type TestNode } from './exchange-support.js';
import { getCase } from '../../src/modules/casework/service.js';
import { caseDocuments } from '../../src/modules/casework/documents-service.js';
import { applyTransition } from '../../src/modules/casework/transition-service.js';
import { caseExchange, evidenceFile } from '../../src/modules/exchange/evidence-service.js';
import { sendReply, sendRequest, type ReplyInput } from '../../src/modules/exchange/send-service.js';
import { verifyEvidence } from '../../src/modules/exchange/domain/verify.js';
import { signingKey } from '../../src/modules/exchange/identity-service.js';
import { encryptTo, MESSAGE_TYPE, signJws } from '../../src/modules/exchange/domain/crypto.js';
import { MESSAGE_VERSION, sha256Hex } from '../../src/modules/exchange/domain/message.js';
import type { TestUser } from '../factories/users.js';

let fra: TestNode;
let ita: TestNode;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  await trust(fra, ita);
  await trust(ita, fra);
});
after(async () => {
  await fra?.server.close();
  await ita?.server.close();
});

const stateOf = async (n: TestNode, caseId: string) => (await getCase(n.server.runtime.db, n.supervisor.actor, caseId)).case;
const incomingCaseOf = async (n: TestNode, messageId: string) => (await n.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;

/** Send from `n` as `who` and wait until the partner gave its Delivery evidence. */
async function say(n: TestNode, who: TestUser, caseId: string, input: ReplyInput): Promise<string> {
  const { messageId } = await sendReply(n.server.runtime.db, n.server.runtime.config, who.ctx, caseId, input);
  await untilMessage(n, caseId, messageId, 'delivered');
  return messageId;
}

/** A request from FRA delivered to ITA: the two case ids. */
async function aDeliveredRequest(): Promise<{ out: string; inc: string }> {
  const out = await anApprovedRequest(fra, 'ITA');
  const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-ita']);
  await untilMessage(fra, out, messageId, 'delivered');
  return { out, inc: await incomingCaseOf(ita, messageId) };
}

/** ITA takes its case to assessment through the lifecycle. */
async function assess(caseId: string): Promise<void> {
  for (const transition of ['start_check', 'register', 'start_assessment']) await applyTransition(ita.server.runtime.db, ita.officer.actor, caseId, { transition });
}

describe('exchange message kinds between two nodes', () => {
  let c: { out: string; inc: string };

  it('status enquiry and its answer change no state', async () => {
    c = await aDeliveredRequest();
    const enquiry = await say(fra, fra.officer, c.out, { kind: 'status_enquiry', text: 'Where are you with our request?' });
    assert.equal((await stateOf(fra, c.out)).state, 'sent');
    assert.equal((await stateOf(ita, c.inc)).state, 'received');
    const answer = await say(ita, ita.officer, c.inc, { kind: 'status_answer', text: 'Assigned to a prosecutor.' });
    const msgs = await caseExchange(fra.server.runtime.db, fra.officer.actor, c.out);
    const received = msgs.find((m) => m.id === answer)!;
    assert.equal(received.kind, 'status_answer');
    assert.equal(received.inReplyTo, enquiry, 'the answer refers to the enquiry');
    const view = await getCase(fra.server.runtime.db, fra.officer.actor, c.out);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { text?: string }).text === 'Assigned to a prosecutor.'));
  });

  it('an acknowledgement moves the sender\'s case to acknowledged', async () => {
    await say(ita, ita.officer, c.inc, { kind: 'acknowledgement', text: 'Received.' });
    assert.equal((await stateOf(fra, c.out)).state, 'acknowledged');
  });

  it('information asked moves both cases to additional_info_requested; information given moves both on', async () => {
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.officer.ctx, c.inc, { kind: 'information_request', text: 'Which accounts?' }), /not possible from the state received/, 'strict: the receiving case must be where the lifecycle allows it');
    await assess(c.inc);
    await say(ita, ita.officer, c.inc, { kind: 'information_request', text: 'Which accounts exactly?' });
    assert.equal((await stateOf(ita, c.inc)).state, 'additional_info_requested');
    assert.equal((await stateOf(fra, c.out)).state, 'additional_info_requested');
    const doc = pdf('list of accounts');
    await say(fra, fra.officer, c.out, { kind: 'additional_information', text: 'The accounts are listed.', documents: [{ filename: 'accounts.pdf', mediaType: 'application/pdf', data: doc.toString('base64') }] });
    assert.equal((await stateOf(fra, c.out)).state, 'in_execution');
    assert.equal((await stateOf(ita, c.inc)).state, 'assessment');
    const docs = await caseDocuments(ita.server.runtime.db, ita.officer.actor, c.inc);
    assert.ok(docs.documents.some((d) => d.sha256 === sha256Hex(doc)), 'the document joined the requested side\'s case');
  });

  it('partial results, then the final result, move the requesting case to partly_executed and executed', async () => {
    await say(ita, ita.officer, c.inc, { kind: 'partial_result', text: 'First bank answered.', documents: [{ filename: 'bank1.pdf', data: pdf('bank 1').toString('base64') }] });
    const partly = await stateOf(fra, c.out);
    assert.equal(partly.state, 'partly_executed');
    assert.equal(partly.outcome, 'partly_executed');
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.officer.ctx, c.inc, { kind: 'result', text: 'All.' }), /not allowed|exchange\.send/, 'an officer does not send the final result');
    await say(ita, ita.supervisor, c.inc, { kind: 'result', text: 'Second bank answered.' });
    const done = await stateOf(fra, c.out);
    assert.equal(done.state, 'executed');
    assert.equal(done.outcome, 'executed');
    const view = await getCase(fra.server.runtime.db, fra.officer.actor, c.out);
    assert.ok(view.verification.ok, 'the requesting side\'s chain verifies');
    assert.deepEqual(view.events.filter((e) => e.type === 'transition').map((e) => (e.data as { transition: string }).transition).slice(-6), ['send', 'acknowledge', 'information_requested', 'information_provided', 'partly_executed', 'executed']);
    assert.ok((await getCase(ita.server.runtime.db, ita.officer.actor, c.inc)).verification.ok);
  });

  it('refuses what does not fit: a kind of the other side, an answer to nothing, a kind with documents it cannot carry', async () => {
    await assert.rejects(sendReply(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, c.out, { kind: 'refusal', text: 'x', grounds: ['other'] }), /requested side/);
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.officer.ctx, c.inc, { kind: 'status_enquiry', text: 'x' }), /requesting side/);
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.officer.ctx, c.inc, { kind: 'acknowledgement', documents: [{ filename: 'a.pdf', data: 'AAAA' }] }), /carries no documents/);
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.officer.ctx, c.inc, { kind: 'teleport' }), /kind/);
  });

  it('a refusal needs grounds and reasons and a supervisor, from a state that allows it; both cases end refused', async () => {
    const r = await aDeliveredRequest();
    const db = ita.server.runtime.db;
    const cfg = ita.server.runtime.config;
    const countBefore = (await caseExchange(db, ita.supervisor.actor, r.inc)).length;
    await assert.rejects(sendReply(db, cfg, ita.officer.ctx, r.inc, { kind: 'status_answer', text: 'Nobody asked.' }), /no status_enquiry to answer/);
    await assert.rejects(sendReply(db, cfg, ita.supervisor.ctx, r.inc, { kind: 'refusal', text: 'Sovereignty.' }), (e: { issues?: { field: string }[] }) => e.issues?.[0]?.field === 'grounds');
    await assert.rejects(sendReply(db, cfg, ita.supervisor.ctx, r.inc, { kind: 'refusal', grounds: ['other'] }), (e: { issues?: { field: string }[] }) => e.issues?.[0]?.field === 'text');
    await assert.rejects(sendReply(db, cfg, ita.supervisor.ctx, r.inc, { kind: 'refusal', text: 'Too early.', grounds: ['other'] }), /not possible from the state received/);
    await assess(r.inc);
    await assert.rejects(sendReply(db, cfg, ita.officer.ctx, r.inc, { kind: 'refusal', text: 'x', grounds: ['other'] }), /not allowed/);
    await assert.rejects(sendReply(db, cfg, ita.supervisor.ctx, r.inc, { kind: 'refusal', text: 'Secrecy.', grounds: ['bank_secrecy_not_a_ground'] }), /bank secrecy/);
    const after = await caseExchange(db, ita.supervisor.actor, r.inc);
    assert.equal(after.filter((m) => m.state !== 'rejected').length, countBefore, 'nothing sent by the refused attempts');
    // The one from a state that does not allow it is a submission this node rejected, with signed evidence (docs/EXCHANGE.md).
    assert.deepEqual(after.filter((m) => m.state === 'rejected').map((m) => [m.kind, m.evidence.map((e) => e.event)]), [['refusal', ['SubmissionRejection']]]);
    await say(ita, ita.supervisor, r.inc, { kind: 'refusal', text: 'Essential interests (art. 18(21)(b)).', grounds: ['sovereignty_security_public_order'] });
    const theirs = await stateOf(ita, r.inc);
    assert.equal(theirs.state, 'refused');
    const ours = await stateOf(fra, r.out);
    assert.equal(ours.state, 'refused');
    assert.deepEqual(ours.refusal_grounds, ['sovereignty_security_public_order']);
    assert.equal(ours.outcome, 'refused');
  });

  it('a postponement is recorded with its end; a withdrawal then closes both cases', async () => {
    const r = await aDeliveredRequest();
    await assess(r.inc);
    await assert.rejects(sendReply(ita.server.runtime.db, ita.server.runtime.config, ita.supervisor.ctx, r.inc, { kind: 'postponement', text: 'Ongoing trial.' }), (e: { issues?: { field: string }[] }) => e.issues?.[0]?.field === 'until');
    const p = await say(ita, ita.supervisor, r.inc, { kind: 'postponement', text: 'Ongoing domestic trial (art. 18(25)).', until: '2027-06-30' });
    const theirs = await stateOf(ita, r.inc);
    assert.equal(theirs.state, 'postponed');
    assert.equal(theirs.postponed_until, '2027-06-30');
    assert.equal((await stateOf(fra, r.out)).state, 'sent', 'the requesting lifecycle has no postponed state');
    const view = await getCase(fra.server.runtime.db, fra.officer.actor, r.out);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { message_id?: string; until?: string }).message_id === p && (e.data as { until?: string }).until === '2027-06-30'));
    await assert.rejects(sendReply(fra.server.runtime.db, fra.server.runtime.config, fra.officer.ctx, r.out, { kind: 'withdrawal', text: 'No longer needed.' }), /not allowed/, 'an officer does not withdraw');
    await say(fra, fra.supervisor, r.out, { kind: 'withdrawal', text: 'The proceedings were discontinued.' });
    assert.equal((await stateOf(fra, r.out)).state, 'withdrawn');
    const after = await stateOf(ita, r.inc);
    assert.equal(after.state, 'withdrawn');
    assert.equal(after.outcome, 'withdrawn');
  });

  it('a message from the wrong side of a case is refused by the receiving node (400, nothing written)', async () => {
    // FRA (requesting) forges an acknowledgement, which only the requested side sends, about its own request.
    const request = (await caseExchange(fra.server.runtime.db, fra.supervisor.actor, c.out)).find((m) => m.kind === 'request')!;
    const enc = (await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).json()).jwks.keys.find((k: { use: string; status: string }) => k.use === 'enc' && k.status === 'active');
    const content = { v: MESSAGE_VERSION, id: crypto.randomUUID(), kind: 'acknowledgement', from: 'node-fra', to: 'node-ita', sent_at: new Date().toISOString(), in_reply_to: request.id, documents: [] };
    const jwe = await encryptTo(await signJws(content, await signingKey(fra.server.runtime.db, fra.server.runtime.config), MESSAGE_TYPE), enc);
    const res = await fetch(`${ita.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: jwe }) });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /message\.kind/);
    assert.equal((await ita.server.runtime.db.selectFrom('exchange_messages').select('id').where('id', '=', content.id).execute()).length, 0);
  });

  it('every piece of evidence of every kind verifies with its signer\'s keys', async () => {
    const keys: Record<string, unknown> = {
      'node-fra': await (await fetch(`${fra.server.url}/.well-known/palermo/node.json`)).json(),
      'node-ita': await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).json(),
    };
    const messages = await caseExchange(fra.server.runtime.db, fra.supervisor.actor, c.out);
    assert.deepEqual(new Set(messages.map((m) => m.kind)), new Set(['request', 'status_enquiry', 'status_answer', 'acknowledgement', 'information_request', 'additional_information', 'partial_result', 'result']));
    for (const m of messages) {
      assert.ok(m.evidence.some((e) => e.event === 'Delivery'), `${m.kind} has delivery evidence`);
      for (const e of m.evidence) {
        const file = await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, e.id);
        assert.ok((await verifyEvidence(file.jws, keys[e.signer])).ok, `${m.kind} ${e.event}`);
      }
    }
  });
});
