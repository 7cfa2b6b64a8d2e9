/**
 * Large documents in chunks between two nodes over real HTTP (docs/EXCHANGE.md "Large documents"): a
 * request with a 50 MB document travels as 4 MiB chunks, each signed and encrypted, through a relay
 * that fails one chunk once; the delivery resumes after the chunks the partner confirmed, and the
 * partner's casework holds the document with its SHA-256 checked. Tampered, foreign and missing chunks
 * are refused. The time and memory are reported as diagnostics (the bench measures them).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import { aNode, anApprovedRequest, trust, untilMessage, type TestNode } from './exchange-support.js';
import { caseDocuments } from '../../src/modules/casework/documents-service.js';
import { sendRequest } from '../../src/modules/exchange/send-service.js';
import { signingKey } from '../../src/modules/exchange/identity-service.js';
import { encryptTo, MESSAGE_TYPE, signBytes, signJws } from '../../src/modules/exchange/domain/crypto.js';
import { CHUNK_BYTES, CHUNK_TYPE, chunkHeader } from '../../src/modules/exchange/domain/chunks.js';
import { MESSAGE_VERSION, sha256Hex } from '../../src/modules/exchange/domain/message.js';

let fra: TestNode;
let ita: TestNode;
let relay: http.Server;
const seen: { kind: string; status: number }[] = [];
let failNext = -1;

before(async () => {
  fra = await aNode('node-fra', 'FRA');
  ita = await aNode('node-ita', 'ITA');
  await trust(fra, ita);
  await trust(ita, fra);
  // A relay between the two (real HTTP): it passes everything on, except the chunk it is told to fail, once.
  relay = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', async () => {
      const body = Buffer.concat(parts);
      const kind = body.subarray(0, 12).toString().includes('"chunk"') ? 'chunk' : 'message';
      if (kind === 'chunk' && seen.filter((s) => s.kind === 'chunk').length === failNext) {
        failNext = -1;
        seen.push({ kind, status: 503 });
        res.writeHead(503).end('relay down');
        return;
      }
      const answer = await fetch(`${ita.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      seen.push({ kind, status: answer.status });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  await fra.server.runtime.db.updateTable('exchange_partners').set({ inbox_url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/api/v1/exchange/inbox` }).where('id', '=', fra.partnerIds['node-ita']!).execute();
});
after(async () => {
  relay?.close();
  await fra?.server.close();
  await ita?.server.close();
});

const itaEnc = async () => (await (await fetch(`${ita.server.url}/.well-known/palermo/node.json`)).json()).jwks.keys.find((k: { use: string; status: string }) => k.use === 'enc' && k.status === 'active');
const inbox = (body: unknown) => fetch(`${ita.server.url}/api/v1/exchange/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('large documents in chunks', () => {
  it('a 50 MB document travels in signed, encrypted chunks, resumes after a failed chunk, and arrives whole', async (t) => {
    const size = 50 * 1024 * 1024;
    const doc = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(size - 16), Buffer.from('\n%%EOF\n')]);
    const caseId = await anApprovedRequest(fra, 'ITA', doc);
    failNext = 5;
    const started = Date.now();
    const { messageId } = await sendRequest(fra.server.runtime.db, fra.server.runtime.config, fra.supervisor.ctx, caseId, fra.partnerIds['node-ita']);
    await untilMessage(fra, caseId, messageId, 'delivered', 600_000);
    t.diagnostic(`50 MB request delivered in ${((Date.now() - started) / 1000).toFixed(1)} s; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB, max rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (both nodes in this process)`);

    const n = Math.ceil(doc.length / CHUNK_BYTES);
    const chunkPosts = seen.filter((s) => s.kind === 'chunk');
    assert.equal(chunkPosts.length, n + 1, 'every chunk once, the failed one again');
    assert.equal(chunkPosts.filter((s) => s.status === 503).length, 1);
    assert.equal(chunkPosts.filter((s) => s.status === 200).length, n, 'no chunk the partner confirmed was sent again');

    const received = (await ita.server.runtime.db.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    const docs = await caseDocuments(ita.server.runtime.db, ita.officer.actor, received);
    assert.equal(docs.documents.length, 1);
    assert.equal(docs.documents[0]!.sha256, sha256Hex(doc));
    assert.equal(docs.documents[0]!.byteSize, doc.length);
    const stored = await ita.server.runtime.db.selectFrom('case_document_chunks').select('data').where('document_id', '=', docs.documents[0]!.id).orderBy('seq').execute();
    assert.equal(sha256Hex(Buffer.concat(stored.map((r) => Buffer.from(r.data)))), sha256Hex(doc), 'the stored content is the document');
    assert.equal((await ita.server.runtime.db.selectFrom('exchange_chunks').select('seq').execute()).length, 0, 'the held chunks were taken and dropped');
    const out = await fra.server.runtime.db.selectFrom('exchange_chunks').select(['seq', 'body', 'delivered_at']).where('message_id', '=', messageId).execute();
    assert.equal(out.length, n);
    assert.ok(out.every((c) => c.body === null && c.delivered_at !== null), 'the outbox dropped the delivered chunks');
  });

  it('refuses a tampered chunk, a chunk signed by an unknown key, and a message whose chunks did not all arrive', async () => {
    const enc = await itaEnc();
    const key = await signingKey(fra.server.runtime.db, fra.server.runtime.config);
    const messageId = crypto.randomUUID();
    const data = crypto.randomBytes(1000);
    const genuine = await encryptTo(await signBytes(data, key, CHUNK_TYPE, chunkHeader({ message_id: messageId, document: 0, seq: 0 })), enc);
    const parts = genuine.split('.');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    assert.equal((await inbox({ chunk: parts.join('.') })).status, 400);
    const stranger = { kid: 'stranger', privateJwk: await exportJWK((await generateKeyPair('Ed25519', { extractable: true })).privateKey) };
    assert.equal((await inbox({ chunk: await encryptTo(await signBytes(data, stranger, CHUNK_TYPE, chunkHeader({ message_id: messageId, document: 0, seq: 0 })), enc) })).status, 403);
    assert.equal((await inbox({ chunk: await encryptTo(await signBytes(data, key, CHUNK_TYPE, { 'palermo.message': messageId }), enc) })).status, 400, 'a chunk must say where it belongs');

    const first = await inbox({ chunk: genuine });
    assert.equal(first.status, 200);
    assert.equal((await first.json()).sha256, sha256Hex(data));
    assert.equal((await inbox({ chunk: genuine })).status, 200, 'the same chunk again is taken once');
    const other = await encryptTo(await signBytes(crypto.randomBytes(1000), key, CHUNK_TYPE, chunkHeader({ message_id: messageId, document: 0, seq: 0 })), enc);
    assert.equal((await inbox({ chunk: other })).status, 409, 'other content at the same place');

    const content = { v: MESSAGE_VERSION, id: messageId, kind: 'request', from: 'node-fra', to: 'node-ita', sent_at: new Date().toISOString(), case: { reference: 'FRA/CHUNKS/1', kind: 'mla', title: 'Missing chunk', summary: '' }, documents: [{ filename: 'big.pdf', media_type: 'application/pdf', title: 'Big', sha256: sha256Hex(crypto.randomBytes(8)), size: CHUNK_BYTES + 1000, chunks: [sha256Hex(data), sha256Hex(crypto.randomBytes(8))] }] };
    const res = await inbox({ message: await encryptTo(await signJws(content, key, MESSAGE_TYPE), enc) });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /documents\.0\.chunks/);
    assert.equal((await ita.server.runtime.db.selectFrom('exchange_messages').select('id').where('id', '=', messageId).execute()).length, 0);
  });
});
