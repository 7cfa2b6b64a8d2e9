/**
 * The exchange's sweep (sweep-job.ts) between two real nodes: a chunk received from a partner whose
 * message never came is kept while a delivery may still complete it, then dropped after
 * EXCHANGE_CHUNK_MAX_AGE_HOURS; the chunks of other messages are left alone. A received message nobody
 * opened within EXCHANGE_RETRIEVAL_HOURS gets the recipient's signed NonRetrieval evidence, once, in
 * both cases' histories (returned to the sender), verifiable with the recipient's published keys.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { aNode, anApprovedRequest, trust, untilMessage, type TestNode } from './exchange-support.js';
import { getCase } from '../../src/modules/casework/service.js';
import { caseExchange, evidenceFile } from '../../src/modules/exchange/evidence-service.js';
import { noteNonRetrieval } from '../../src/modules/exchange/retrieval-service.js';
import { sendRequest } from '../../src/modules/exchange/send-service.js';
import { verifyEvidence } from '../../src/modules/exchange/domain/verify.js';
import { signingKey } from '../../src/modules/exchange/identity-service.js';
import { encryptTo, signBytes } from '../../src/modules/exchange/domain/crypto.js';
import { CHUNK_TYPE, chunkHeader } from '../../src/modules/exchange/domain/chunks.js';
import { SWEEP_JOB, sweepAbandonedChunks, sweepJob } from '../../src/modules/exchange/sweep-job.js';

let fra: TestNode;
let ita: TestNode;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  await trust(ita, fra);
  await trust(fra, ita);
});
after(async () => {
  await fra?.server.close();
  await ita?.server.close();
});

async function aChunkAtIta(messageId: string): Promise<void> {
  const enc = (await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).json()).jwks.keys.find((k: { use: string; status: string }) => k.use === 'enc' && k.status === 'active');
  const key = await signingKey(fra.server.runtime.db, fra.server.runtime.config);
  const chunk = await encryptTo(await signBytes(crypto.randomBytes(1000), key, CHUNK_TYPE, chunkHeader({ message_id: messageId, document: 0, seq: 0 })), enc);
  const res = await fetch(`${ita.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chunk }) });
  assert.equal(res.status, 200);
}

describe('exchange sweep', () => {
  it('drops the chunks of a message that never came after the configured age, and only those', async () => {
    const db = ita.server.runtime.db;
    const abandoned = crypto.randomUUID();
    await aChunkAtIta(abandoned);
    const held = async (id: string) => (await db.selectFrom('exchange_chunks').select('seq').where('message_id', '=', id).execute()).length;
    assert.equal(await held(abandoned), 1);
    assert.equal(ita.server.runtime.config.exchangeChunkMaxAgeHours, 72, 'the default age');
    assert.equal(await sweepAbandonedChunks(db, 72), 0, 'young chunks are kept: their delivery may still complete');
    // A day before the cut-off a second delivery starts: its chunk must survive the sweep that drops the first.
    const later = new Date(Date.now() + 73 * 3_600_000);
    const young = crypto.randomUUID();
    await aChunkAtIta(young);
    await db.updateTable('exchange_chunks').set({ created_at: new Date(Date.now() + 24 * 3_600_000) }).where('message_id', '=', young).execute();
    assert.equal(await sweepAbandonedChunks(db, 72, later), 1);
    assert.equal(await held(abandoned), 0);
    assert.equal(await held(young), 1);
    // The job as the queue runs it: it schedules the next hour's run and sweeps with the configured age.
    await sweepJob.handler({}, { id: 'x', name: SWEEP_JOB, attempt: 1, maxAttempts: 4, lastAttempt: false }, ita.server.runtime);
    assert.equal(await held(young), 1);
  });

  it('signs NonRetrieval for a message not opened in time, once, returned to the sender and verifiable', async () => {
    const out = await anApprovedRequest(fra, 'ITA');
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-ita']);
    await untilMessage(fra, out, messageId, 'delivered');
    const idb = ita.server.runtime.db;
    const cfg = ita.server.runtime.config;
    assert.equal(cfg.exchangeRetrievalHours, 168, 'the default time');
    assert.equal(await noteNonRetrieval(idb, cfg), 0, 'not yet: the authority has a week to open it');
    const late = new Date(Date.now() + 169 * 3_600_000);
    assert.equal(await noteNonRetrieval(idb, cfg, late), 1);
    assert.equal(await noteNonRetrieval(idb, cfg, late), 0, 'once');
    const inc = (await idb.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    const ours = await getCase(idb, ita.supervisor.actor, inc);
    assert.ok(ours.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'NonRetrieval'), 'in the recipient\'s hash-chained history');
    assert.ok(ours.verification.ok);

    // Returned to the sender, kept in its case's history, and verifiable with the recipient's descriptor.
    let seen: { id: string } | undefined;
    for (let i = 0; !seen; i++) {
      seen = (await caseExchange(fra.server.runtime.db, fra.supervisor.actor, out)).find((m) => m.id === messageId)?.evidence.find((e) => e.event === 'NonRetrieval' && e.signer === 'node-ita');
      if (!seen && i > 300) throw new Error('NonRetrieval never reached the sender');
      if (!seen) await new Promise((r) => setTimeout(r, 200));
    }
    const file = await evidenceFile(fra.server.runtime.db, fra.supervisor.actor, seen.id);
    const descriptor = await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).json();
    const verified = await verifyEvidence(file.jws, descriptor);
    assert.ok(verified.ok);
    assert.equal(verified.evidence.event, 'NonRetrieval');
    assert.match(verified.evidence.reason ?? '', /168 hours/);
    assert.equal((await verifyEvidence(file.jws, await (await fetch(`${fra.server.url}/.well-known/palermo/node.json`)).json())).ok, false, 'not with the other node\'s keys');
    const theirs = await getCase(fra.server.runtime.db, fra.supervisor.actor, out);
    assert.ok(theirs.events.some((e) => e.type === 'exchange' && (e.data as { event?: string }).event === 'NonRetrieval'), 'in the sender\'s hash-chained history');
    assert.ok(theirs.verification.ok);
  });
});
