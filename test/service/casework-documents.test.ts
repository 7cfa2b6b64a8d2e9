/**
 * Case documents on a real database: streamed upload and download (identical bytes and SHA-256),
 * versions, the limits (413/415, nothing written), isolation between authorities and between
 * executing authorities' tracks, the history chain with the document's hash, who looked, and memory.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aUser, type TestUser } from '../factories/users.js';
import { withCaseScope } from '../../src/modules/casework/repository/scope.js';
import { appendEvent, listEvents } from '../../src/modules/casework/repository/history.js';
import { verifyChain } from '../../src/modules/casework/domain/history.js';
import { removeStaleUploads, spoolDirOf } from '../../src/modules/casework/documents-spool.js';
import { accessLog, caseDocuments, openDocument, uploadDocument, type UploadInput } from '../../src/modules/casework/documents-service.js';

let rt: TestRuntime;
let spoolDir: string;
const users: Record<'officerA' | 'supervisorA' | 'officerB' | 'execX' | 'execY' | 'practitioner', TestUser> = {} as never;
let caseId: string;
let trackX: string;
let trackY: string;

before(async () => {
  rt = await createTestRuntime();
  spoolDir = spoolDirOf(rt.config.dataDir);
  users.officerA = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'ca-a' }], 'Officer A');
  users.supervisorA = await aUser(rt.db, [{ role: 'authority_supervisor', authority_id: 'ca-a' }], 'Supervisor A');
  users.officerB = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'ca-b' }], 'Officer B');
  users.execX = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'exec-x' }], 'Prosecutor X');
  users.execY = await aUser(rt.db, [{ role: 'authority_officer', authority_id: 'exec-y' }], 'Police Y');
  users.practitioner = await aUser(rt.db, [{ role: 'practitioner' }], 'Practitioner');
  caseId = await newCase('ca-a', 'Request of Italy', ['exec-x', 'exec-y']);
  [trackX, trackY] = await withCaseScope(rt.db, ['ca-a'], async (trx) => {
    const ids: string[] = [];
    for (const [authority, name] of [['exec-x', 'Prosecutor X'], ['exec-y', 'Police Y']] as const) {
      ids.push((await trx.insertInto('case_executions').values({ case_id: caseId, executing_authority_id: authority, executing_name: name, forwarded_on: '2026-12-01' }).returning('id').executeTakeFirstOrThrow()).id);
    }
    return ids as [string, string];
  });
});
after(async () => rt.close());

async function newCase(authority: string, title: string, executing: string[] = []): Promise<string> {
  return withCaseScope(rt.db, [authority], async (trx) => {
    const row = await trx
      .insertInto('casework_cases')
      .values({ authority_id: authority, country: 'FRA', direction: 'incoming', kind: 'mla', state: 'received', partner_country: 'ITA', title, executing_authority_ids: executing })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { caseId: row.id, type: 'created', data: { title }, actorId: null, actorName: 'test', actingAuthorityId: authority });
    return row.id;
  });
}

/** A PDF of `size` bytes made of pseudo-random content, generated as it is read (never whole in memory). */
function pdfStream(size: number, seed = 1, piece = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      let sent = 0;
      let n = 0;
      while (sent < size) {
        const len = Math.min(piece, size - sent);
        const buf = crypto.createHash('sha512').update(`${seed}:${n++}`).digest();
        const out = Buffer.alloc(len);
        for (let i = 0; i < len; i += buf.length) buf.copy(out, i);
        if (sent === 0) Buffer.from('%PDF-1.7\n').copy(out);
        sent += len;
        yield out;
      }
    })(),
    { objectMode: false },
  );
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const opts = (maxBytes = 50 * 1024 * 1024) => ({ maxBytes, spoolDir });

async function upload(user: TestUser, input: Partial<UploadInput> & { stream: Readable }, id = caseId, maxBytes?: number) {
  return uploadDocument(rt.db, user.actor, id, { kind: 'request', title: 'Request', filename: 'request.pdf', ...input }, opts(maxBytes));
}

async function download(user: TestUser, docId: string): Promise<Buffer> {
  const opened = await openDocument(rt.db, user.actor, docId);
  return bytesOf(Readable.from(opened.content));
}

async function counts() {
  const n = async (table: 'case_documents' | 'case_document_chunks' | 'case_events') => Number((await rt.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { documents: await n('case_documents'), chunks: await n('case_document_chunks'), events: await n('case_events') };
}

let firstId: string;

test('a 3 MB document goes in chunks and comes back identical, with its SHA-256', async () => {
  const original = await bytesOf(pdfStream(3 * 1024 * 1024));
  const doc = await upload(users.officerA, { stream: pdfStream(3 * 1024 * 1024), filename: 'Demande d’entraide.pdf', language: 'fr' });
  firstId = doc.id;
  assert.equal(doc.mediaType, 'application/pdf');
  assert.equal(doc.byteSize, original.length);
  assert.equal(doc.sha256, crypto.createHash('sha256').update(original).digest('hex'));
  assert.equal(doc.version, 1);
  assert.equal(doc.filename, 'Demande d’entraide.pdf');
  const chunks = await rt.db.selectFrom('case_document_chunks').select(['seq']).where('document_id', '=', doc.id).orderBy('seq').execute();
  assert.deepEqual(chunks.map((c) => c.seq), [0, 1, 2, 3, 4, 5], '512 KiB chunks');
  const back = await download(users.officerA, doc.id);
  assert.ok(back.equals(original));
  assert.deepEqual(fs.readdirSync(spoolDir), [], 'no temporary file left');
});

test('a new version is version 2 and points to the first; a version is replaced only once', async () => {
  const v2 = await upload(users.officerA, { stream: pdfStream(10_000, 2), replaces: firstId, kind: undefined, title: undefined, filename: undefined });
  assert.equal(v2.version, 2);
  assert.equal(v2.previousId, firstId);
  assert.equal(v2.title, 'Request');
  assert.equal(v2.filename, 'Demande d’entraide.pdf');
  const list = await caseDocuments(rt.db, users.officerA.actor, caseId);
  assert.equal(list.documents.find((d) => d.id === firstId)?.replacedBy, v2.id);
  assert.equal(list.documents.find((d) => d.id === v2.id)?.replacedBy, null);
  await assert.rejects(upload(users.officerA, { stream: pdfStream(1000, 3), replaces: firstId }), (e: { status?: number }) => e.status === 409);
});

test('two new versions of the same version at the same moment: one is stored, the other is 409', async () => {
  const base = await upload(users.officerA, { stream: pdfStream(2000, 7), kind: 'correspondence', title: 'Letter' });
  const results = await Promise.allSettled([1, 2].map((n) => upload(users.officerA, { stream: pdfStream(300_000, 70 + n), replaces: base.id })));
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.equal((refused.reason as { status?: number }).status, 409);
  const versions = await rt.db.selectFrom('case_documents').select('version').where('previous_id', '=', base.id).execute();
  assert.deepEqual(versions.map((v) => v.version), [2]);
});

test('an oversize file is 413 and nothing is written', async () => {
  const before = await counts();
  await assert.rejects(upload(users.officerA, { stream: pdfStream(2 * 1024 * 1024) }, caseId, 1024 * 1024), (e: { status?: number }) => e.status === 413);
  assert.deepEqual(await counts(), before);
  assert.deepEqual(fs.readdirSync(spoolDir), []);
});

test('a refused type is 415 naming what was found, and nothing is written', async () => {
  const before = await counts();
  const exe = Readable.from([Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000)])]);
  await assert.rejects(upload(users.officerA, { stream: exe, filename: 'request.pdf' }), (e: { status?: number; message: string }) => e.status === 415 && /msdownload|executable/.test(e.message));
  const notText = Readable.from([Buffer.from('plain text at first '), Buffer.from([0xff, 0xfe, 0x00, 0x41])]);
  await assert.rejects(upload(users.officerA, { stream: notText, filename: 'note.txt' }), (e: { status?: number }) => e.status === 415);
  await assert.rejects(upload(users.officerA, { stream: Readable.from([Buffer.alloc(0)]) }), (e: { status?: number }) => e.status === 400);
  assert.deepEqual(await counts(), before);
});

test('another authority sees nothing (404), a reader without casework rights is refused (403)', async () => {
  const before = await counts();
  await assert.rejects(upload(users.officerB, { stream: pdfStream(1000) }), (e: { status?: number }) => e.status === 404);
  await assert.rejects(caseDocuments(rt.db, users.officerB.actor, caseId), (e: { status?: number }) => e.status === 404);
  await assert.rejects(openDocument(rt.db, users.officerB.actor, firstId), (e: { status?: number }) => e.status === 404);
  await assert.rejects(upload(users.practitioner, { stream: pdfStream(1000) }), (e: { status?: number }) => e.status === 403);
  await assert.rejects(openDocument(rt.db, users.practitioner.actor, firstId), (e: { status?: number }) => e.status === 403);
  await assert.rejects(accessLog(rt.db, users.officerA.actor, caseId), (e: { status?: number }) => e.status === 403);
  await assert.rejects(accessLog(rt.db, users.supervisorA.actor, crypto.randomUUID()), (e: { status?: number }) => e.status === 404);
  assert.deepEqual(await counts(), before);
});

test('an executing authority adds results to its own track and sees neither another track\'s results nor may add to the case', async () => {
  const result = await upload(users.execX, { stream: Readable.from([Buffer.from('Minutes of the hearing of the witness, 3 December 2026.\n')]), kind: 'result', title: 'Minutes', filename: 'minutes', executionId: trackX });
  assert.equal(result.mediaType, 'text/plain');
  assert.equal(result.filename, 'minutes.txt');
  assert.equal(result.executionId, trackX);
  await assert.rejects(upload(users.execX, { stream: pdfStream(1000) }), (e: { status?: number }) => e.status === 403, 'no case-level document');
  await assert.rejects(upload(users.execX, { stream: pdfStream(1000), executionId: trackY }), (e: { status?: number }) => e.status === 400, 'the other track is not visible to it');
  const seenByY = await caseDocuments(rt.db, users.execY.actor, caseId);
  assert.ok(seenByY.documents.some((d) => d.id === firstId), 'the request is visible to every executing authority');
  assert.ok(!seenByY.documents.some((d) => d.id === result.id), "X's result is not visible to Y");
  assert.deepEqual(seenByY.tracks, [{ id: trackY, name: 'Police Y' }]);
  assert.equal(seenByY.mayUpload, false);
  await assert.rejects(openDocument(rt.db, users.execY.actor, result.id), (e: { status?: number }) => e.status === 404);
  assert.equal((await download(users.execX, result.id)).toString(), 'Minutes of the hearing of the witness, 3 December 2026.\n');
  const seenByA = await caseDocuments(rt.db, users.officerA.actor, caseId);
  assert.ok(seenByA.documents.some((d) => d.id === result.id), 'the central authority sees every track');
  assert.equal(seenByA.tracks.length, 2);
});

test('the history chain holds each document by its SHA-256 and verifies', async () => {
  const { events, head } = await withCaseScope(rt.db, ['ca-a'], async (trx) => ({
    events: await listEvents(trx, caseId),
    head: await trx.selectFrom('casework_cases').select(['history_seq', 'history_head']).where('id', '=', caseId).executeTakeFirstOrThrow(),
  }));
  assert.equal(verifyChain(events, { seq: head.history_seq, head: head.history_head }).ok, true);
  const added = events.filter((e) => e.type === 'document_added');
  assert.equal(added.length, 5);
  const first = await rt.db.selectFrom('case_documents').select(['sha256', 'byte_size']).where('id', '=', firstId).executeTakeFirstOrThrow();
  assert.deepEqual(
    { sha256: added[0]!.data.sha256, byte_size: added[0]!.data.byte_size, version: added[0]!.data.version, document_id: added[0]!.data.document_id },
    { sha256: first.sha256, byte_size: Number(first.byte_size), version: 1, document_id: firstId },
  );
  assert.equal(added.at(-1)!.actingAuthorityId, 'exec-x');
});

test('each download is logged and the supervisor sees who looked', async () => {
  await download(users.officerA, firstId);
  const log = await accessLog(rt.db, users.supervisorA.actor, caseId);
  const downloads = log.filter((l) => l.action === 'download');
  assert.ok(downloads.length >= 3);
  assert.deepEqual(
    { user: downloads[0]!.userName, authority: downloads[0]!.actingAuthorityId, doc: downloads[0]!.documentId },
    { user: 'Officer A', authority: 'ca-a', doc: firstId },
  );
  assert.ok(downloads.some((d) => d.userName === 'Prosecutor X' && d.actingAuthorityId === 'exec-x'));
});

test('a 40 MB upload and download keep memory growth far below the file size', async (t) => {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  // V8 frees the memory of array buffers on a background thread after a collection: a reading is
  // the lower of two collections a few milliseconds apart (holding the file would show in both).
  const settled = async () => {
    gc();
    const a = used();
    await new Promise((resolve) => setTimeout(resolve, 5));
    gc();
    return Math.min(a, used());
  };
  const baseline = await settled();
  let peak = 0;
  const sample = async () => {
    peak = Math.max(peak, (await settled()) - baseline);
  };
  // Sampled (after a full collection) twice a second, and every 4 MB downloaded.
  const timer = setInterval(() => void sample(), 500);
  try {
    const size = 40 * 1024 * 1024;
    const doc = await upload(users.officerA, { stream: pdfStream(size, 40, 256 * 1024), title: 'Large annex', kind: 'supporting' });
    await sample();
    const opened = await openDocument(rt.db, users.officerA.actor, doc.id);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    for await (const chunk of opened.content) {
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes % (4 * 1024 * 1024) === 0) await sample();
    }
    assert.equal(bytes, size);
    assert.equal(hash.digest('hex'), doc.sha256);
  } finally {
    clearInterval(timer);
  }
  t.diagnostic(`peak growth of heap + array buffers: ${(peak / 1024 / 1024).toFixed(1)} MB for a 40 MB file`);
  assert.ok(peak < 30 * 1024 * 1024, `memory grew by ${(peak / 1024 / 1024).toFixed(1)} MB`);
});

test('what a crashed upload left behind is removed at the next start, nothing younger', async () => {
  fs.mkdirSync(spoolDir, { recursive: true });
  const old = path.join(spoolDir, 'crashed.part');
  const young = path.join(spoolDir, 'receiving.part');
  fs.writeFileSync(old, 'x');
  fs.writeFileSync(young, 'y');
  const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
  fs.utimesSync(old, dayAgo, dayAgo);
  assert.equal(await removeStaleUploads(spoolDir), 1);
  assert.deepEqual(fs.readdirSync(spoolDir), ['receiving.part']);
  fs.rmSync(young);
});
