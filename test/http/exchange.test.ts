/**
 * Secure exchange between two Palermo nodes (two HTTP servers, two databases, loopback): trust by
 * descriptor, a request with its document sent, registered in the partner's casework, acknowledged and
 * answered with a result; every piece of evidence verifies with its signer's published keys; tampered,
 * replayed, unknown-key and revoked-key messages are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompactSign, generateKeyPair, exportJWK } from 'jose';
import { aNode, anApprovedRequest, pdf, trust, untilMessage, type TestNode } from './exchange-support.js';
import { getCase } from '../../src/modules/casework/service.js';
import { caseDocuments } from '../../src/modules/casework/documents-service.js';
import { evidenceFile, caseExchange } from '../../src/modules/exchange/evidence-service.js';
import { sendReply, sendRequest } from '../../src/modules/exchange/send-service.js';
import { revokePartnerKey, getPartner } from '../../src/modules/exchange/trust-service.js';
import { verifyEvidence } from '../../src/modules/exchange/domain/verify.js';
import { signingKey } from '../../src/modules/exchange/identity-service.js';
import { encryptTo, MESSAGE_TYPE, signJws } from '../../src/modules/exchange/domain/crypto.js';
import { MESSAGE_VERSION, sha256Hex } from '../../src/modules/exchange/domain/message.js';

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

const descriptorOf = async (n: TestNode) => (await fetch(`${n.server.url}/.well-known/palermo/node.json`)).json();
const incomingCaseOf = async (n: TestNode, messageId: string) => (await n.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
const itaEncKey = async () => (await descriptorOf(ita)).jwks.keys.find((k: { use: string; status: string }) => k.use === 'enc' && k.status === 'active');
const messageFrom = (from: string, rest: Record<string, unknown>) => ({ v: MESSAGE_VERSION, id: crypto.randomUUID(), from, to: 'node-ita', sent_at: new Date().toISOString(), ...rest }) as unknown as Record<string, unknown> & { case: Record<string, unknown> };
const inbox = (n: TestNode, body: unknown) => fetch(`${n.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('exchange between two nodes', () => {
  let requestCase: string;
  let requestId: string;
  let received: string;

  it('publishes a descriptor with the node, its State and its keys', async () => {
    const d = await descriptorOf(fra);
    assert.equal(d.id, 'node-fra');
    assert.equal(d.country, 'FRA');
    assert.equal(d.endpoints.inbox, `${fra.server.url}/api/v1/exchange/inbox`);
    assert.deepEqual(d.jwks.keys.map((k: { use: string }) => k.use).sort(), ['enc', 'sig']);
    assert.ok(d.jwks.keys.every((k: { d?: string }) => k.d === undefined), 'no private key published');
  });

  it('sends an approved request with its document; the partner registers it in its casework', async () => {
    const doc = pdf('letter of request FRA');
    requestCase = await anApprovedRequest(fra, 'ITA', doc);
    ({ messageId: requestId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, requestCase, fra.partnerIds['node-ita']));
    const m = await untilMessage(fra, requestCase, requestId, 'delivered');
    assert.deepEqual(m.evidence.map((e) => `${e.event}/${e.signer}`).sort(), ['Delivery/node-ita', 'SubmissionAcceptance/node-fra']);
    const sent = await getCase(fra.server.runtime.db, fra.supervisor.actor, requestCase);
    assert.equal(sent.case.state, 'sent');
    assert.equal(sent.case.channel, 'electronic');
    assert.ok(sent.verification.ok, 'sender history chain verifies');
    assert.ok(sent.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'Delivery'), 'delivery evidence in the sender\'s history');

    received = await incomingCaseOf(ita, requestId);
    const view = await getCase(ita.server.runtime.db, ita.officer.actor, received);
    assert.equal(view.case.direction, 'incoming');
    assert.equal(view.case.state, 'received');
    assert.equal(view.case.partner_reference, sent.case.reference);
    assert.equal(view.case.partner_country, 'FRA');
    assert.equal(view.case.title, 'Bank records of a shell company');
    assert.ok(view.verification.ok, 'receiver history chain verifies');
    const docs = await caseDocuments(ita.server.runtime.db, ita.officer.actor, received);
    assert.equal(docs.documents.length, 1);
    assert.equal(docs.documents[0]!.sha256, sha256Hex(doc));
  });

  it('refuses to send the same request twice to the same partner', async () => {
    await assert.rejects(sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, requestCase, fra.partnerIds['node-ita']), /approved|already sent/);
  });

  it('answers with an acknowledgement and a final result with a document, both ways', async () => {
    const rdb = ita.server.runtime.db;
    const ack = await sendReply(rdb, ita.server.runtime.config, ita.supervisor.ctx, received, { kind: 'acknowledgement', text: 'Received, registered.' });
    await untilMessage(ita, received, ack.messageId, 'delivered');
    const resultDoc = pdf('bank statements');
    const result = await sendReply(rdb, ita.server.runtime.config, ita.supervisor.ctx, received, { kind: 'result', text: 'Executed in full.', documents: [{ filename: 'statements.pdf', mediaType: 'application/pdf', data: resultDoc.toString('base64') }] });
    await untilMessage(ita, received, result.messageId, 'delivered');

    const messages = await caseExchange(fra.server.runtime.db, fra.supervisor.actor, requestCase);
    assert.deepEqual(messages.map((m) => `${m.direction}:${m.kind}`), ['out:request', 'in:acknowledgement', 'in:result']);
    const docs = await caseDocuments(fra.server.runtime.db, fra.supervisor.actor, requestCase);
    assert.ok(docs.documents.some((d) => d.kind === 'result' && d.sha256 === sha256Hex(resultDoc)), 'the result document joined the sender\'s case');
    const view = await getCase(fra.server.runtime.db, fra.supervisor.actor, requestCase);
    assert.ok(view.events.some((e) => e.type === 'exchange' && (e.data as { text?: string }).text === 'Executed in full.'));
    assert.ok(view.verification.ok);
  });

  it('every piece of evidence verifies with its signer\'s published keys, and a changed one does not', async () => {
    const keys: Record<string, unknown> = { 'node-fra': await descriptorOf(fra), 'node-ita': await descriptorOf(ita) };
    for (const [node, caseId] of [[fra, requestCase], [ita, received]] as const) {
      const messages = await caseExchange(node.server.runtime.db, node.supervisor.actor, caseId);
      const all = messages.flatMap((m) => m.evidence.map((e) => ({ ...e, message: m })));
      assert.ok(all.length >= 4, `${node.nodeId} holds evidence (${all.length})`);
      for (const e of all) {
        const file = await evidenceFile(node.server.runtime.db, node.supervisor.actor, e.id);
        const r = await verifyEvidence(file.jws, keys[e.signer]);
        assert.ok(r.ok, `${e.event} by ${e.signer}: ${!r.ok && r.reason}`);
        assert.equal(r.evidence.message_id, e.message.id);
        assert.equal(r.evidence.message_sha256, e.message.sha256);
        const other = e.signer === 'node-fra' ? 'node-ita' : 'node-fra';
        assert.equal((await verifyEvidence(file.jws, keys[other])).ok, false, 'not with the other node\'s keys');
        const [h, p, s] = file.jws.split('.');
        const forged = Buffer.from(p!, 'base64url').toString().replace(e.event, e.event === 'Delivery' ? 'NonDelivery' : 'Delivery');
        assert.equal((await verifyEvidence(`${h}.${Buffer.from(forged).toString('base64url')}.${s}`, keys[e.signer])).ok, false, 'changed content');
      }
    }
  });

  it('takes a replayed message once: the same evidence again, no second case; another content under the same id is refused', async () => {
    const content = messageFrom('node-fra', { kind: 'request', case: { reference: 'FRA/REPLAY/1', kind: 'mla', title: 'Replayed request', summary: '' }, documents: [] });
    const jwe = await encryptTo(await signJws(content, await signingKey(fra.server.runtime.db, fra.server.runtime.config), MESSAGE_TYPE), await itaEncKey());
    const first = await inbox(ita, { message: jwe });
    assert.equal(first.status, 200);
    const again = await inbox(ita, { message: jwe });
    assert.equal(again.status, 200);
    const [a, b] = [await first.json(), await again.json()];
    assert.equal(a.duplicate, false);
    assert.equal(b.duplicate, true);
    assert.equal(b.evidence, a.evidence, 'the same Delivery evidence');
    const cases = await ita.server.runtime.db.selectFrom('casework_cases').select('id').where('partner_reference', '=', 'FRA/REPLAY/1').execute();
    assert.equal(cases.length, 1, 'one message, one case');
    const changed = await encryptTo(await signJws({ ...content, case: { ...content.case, title: 'Other' } }, await signingKey(fra.server.runtime.db, fra.server.runtime.config), MESSAGE_TYPE), await itaEncKey());
    assert.equal((await inbox(ita, { message: changed })).status, 409);
  });

  it('refuses a tampered message, an unknown key, a spoofed sender and a message for another node (4xx, nothing written)', async () => {
    const before = await ita.server.runtime.db.selectFrom('exchange_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const d = await descriptorOf(ita);
    const enc = d.jwks.keys.find((k: { use: string; status: string }) => k.use === 'enc' && k.status === 'active');
    const stranger = await generateKeyPair('Ed25519', { extractable: true });
    const content = { v: MESSAGE_VERSION, id: crypto.randomUUID(), kind: 'request', from: 'node-fra', to: 'node-ita', sent_at: new Date().toISOString(), case: { reference: 'X', kind: 'mla', title: 'T', summary: '' }, documents: [] };
    const jwk = await exportJWK(stranger.publicKey);
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(content))).setProtectedHeader({ alg: 'EdDSA', kid: 'unknown-kid-' + jwk.x, typ: MESSAGE_TYPE }).sign(stranger.privateKey);
    const unknown = await inbox(ita, { message: await encryptTo(jws, enc) });
    assert.equal(unknown.status, 403);
    assert.match((await unknown.json()).type, /exchange_unknown_key/);

    const genuine = await encryptTo(jws, enc);
    const parts = genuine.split('.');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    const tampered = await inbox(ita, { message: parts.join('.') });
    assert.equal(tampered.status, 400);

    for (const bad of [{}, { message: '' }, { message: 'not.a.jwe' }, { message: 'a.b.c.d.e' }]) assert.equal((await inbox(ita, bad)).status, 400, JSON.stringify(bad));
    // Signed with node-fra's real key but naming another sender.
    const spoofed = await encryptTo(await signJws({ ...messageFrom('node-fra', { kind: 'request', case: { reference: null, kind: 'mla', title: 'T', summary: '' }, documents: [] }), from: 'node-deu' }, await signingKey(fra.server.runtime.db, fra.server.runtime.config), MESSAGE_TYPE), enc);
    assert.equal((await inbox(ita, { message: spoofed })).status, 403);
    // Meant for another node.
    const elsewhere = await encryptTo(await signJws({ ...messageFrom('node-fra', { kind: 'request', case: { reference: null, kind: 'mla', title: 'T', summary: '' }, documents: [] }), to: 'node-deu' }, await signingKey(fra.server.runtime.db, fra.server.runtime.config), MESSAGE_TYPE), enc);
    assert.equal((await inbox(ita, { message: elsewhere })).status, 400);
    const afterCount = await ita.server.runtime.db.selectFrom('exchange_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('refuses messages signed with a revoked key; the sender keeps retrying', async () => {
    const partner = await getPartner(ita.server.runtime.db, ita.admin.ctx, ita.partnerIds['node-fra']!);
    const sig = partner.keys.find((k) => k.use === 'sig')!;
    await revokePartnerKey(ita.server.runtime.db, ita.admin.ctx, partner.id, sig.kid);
    const caseId = await anApprovedRequest(fra, 'ITA');
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, caseId, fra.partnerIds['node-ita']);
    const end = Date.now() + 30_000;
    let m;
    do {
      await new Promise((r) => setTimeout(r, 200));
      m = (await caseExchange(fra.server.runtime.db, fra.supervisor.actor, caseId)).find((x) => x.id === messageId)!;
    } while (!m.lastError && Date.now() < end);
    assert.equal(m.state, 'queued');
    assert.match(m.lastError ?? '', /HTTP 403.*revoked/);
    assert.equal((await ita.server.runtime.db.selectFrom('exchange_messages').select('id').where('id', '=', messageId).execute()).length, 0);
  });
});
