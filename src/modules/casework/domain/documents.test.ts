import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { attachmentDisposition, checkDocumentFields, looksLikeMail, safeFilename, sniffType, Utf8Check } from './documents.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3c8f60000000049454e44ae426082', 'hex');

test('types are found from the content', async () => {
  assert.equal((await sniffType(PDF)).mediaType, 'application/pdf');
  assert.equal((await sniffType(PNG)).mediaType, 'image/png');
  assert.equal((await sniffType(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'))).mediaType, 'image/jpeg');
  assert.equal((await sniffType(Buffer.from('49492a000800000000000000', 'hex'))).mediaType, 'image/tiff');
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Request for mutual legal assistance')] }] }));
  const sniffed = await sniffType(docx);
  assert.deepEqual(sniffed, { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', accepted: true, text: false });
  const text = await sniffType(Buffer.from('Note verbale n° 42 — صحيح — 你好\n'));
  assert.deepEqual(text, { mediaType: 'text/plain', accepted: true, text: true });
  const mail = await sniffType(Buffer.from('From: a@example.org\r\nTo: b@example.org\r\nSubject: MLA 2026/42\r\nDate: Mon, 7 Dec 2026 09:00:00 +0000\r\n\r\nBody\r\n'));
  assert.equal(mail.mediaType, 'message/rfc822');
  const msg = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1000), Buffer.from('__substg1.0_0037001F', 'utf16le'), Buffer.alloc(100)]);
  assert.deepEqual(await sniffType(msg), { mediaType: 'application/vnd.ms-outlook', accepted: true, text: false });
});

test('refused types are named', async () => {
  const exe = await sniffType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
  assert.equal(exe.accepted, false);
  assert.match(exe.mediaType, /msdownload|executable|dosexec/);
  const zip = await sniffType(Buffer.from('504b0304140000000000000000000000000000000000000000000000000000000000', 'hex'));
  assert.equal(zip.accepted, false);
  const legacyDoc = await sniffType(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1000)]));
  assert.deepEqual(legacyDoc, { mediaType: 'application/x-cfb', accepted: false, text: false });
  assert.equal((await sniffType(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]))).accepted, false);
  assert.equal((await sniffType(Buffer.alloc(0))).accepted, false);
  assert.equal((await sniffType(Buffer.from('text with a NUL \0 byte'))).accepted, false);
});

test('random bytes never crash the sniffer and are PDF only with the magic number', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
      const s = await sniffType(bytes);
      assert.equal(typeof s.mediaType, 'string');
      if (s.mediaType === 'application/pdf') assert.ok(Buffer.from(bytes).indexOf('%PDF') >= 0 && Buffer.from(bytes).indexOf('%PDF') < 1024);
      if (s.text) assert.equal(new Utf8Check().push(bytes), true);
    }),
    { numRuns: 400 },
  );
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), async (tail) => {
      // Bytes after a PDF header still sniff as PDF; the same bytes without it never do.
      assert.equal((await sniffType(Buffer.concat([Buffer.from('%PDF-1.4\n'), tail]))).mediaType, 'application/pdf');
      if (tail[0] !== 0x25) assert.notEqual((await sniffType(tail)).mediaType, 'application/pdf');
    }),
    { numRuns: 200 },
  );
});

test('UTF-8 is checked across chunk boundaries', () => {
  const bytes = Buffer.from('Requête — طلب — 请求');
  for (let cut = 0; cut <= bytes.length; cut++) {
    const c = new Utf8Check();
    assert.equal(c.push(bytes.subarray(0, cut)) && c.push(bytes.subarray(cut)) && c.end(), true, `cut at ${cut}`);
  }
  const cutOff = new Utf8Check();
  assert.equal(cutOff.push(bytes.subarray(0, 5)), true);
  assert.equal(cutOff.end(), false, 'a character cut at the end is not text');
  assert.equal(new Utf8Check().push(Buffer.from([0xc3, 0x28])), false);
});

test('mail headers are recognised, prose is not', () => {
  assert.equal(looksLikeMail('From: x@y.org\nSubject: hello\n\nbody'), true);
  assert.equal(looksLikeMail('Dear colleague,\nFrom: the ministry\n\nbody'), false);
  assert.equal(looksLikeMail('Subject: no sender\nDate: today\n\nbody'), false);
});

test('file names are made safe to offer for download', () => {
  assert.equal(safeFilename('../../etc/passwd', 'text/plain'), 'passwd.txt');
  assert.equal(safeFilename('C:\\Users\\x\\Demande d’entraide.pdf', 'application/pdf'), 'Demande d’entraide.pdf');
  assert.equal(safeFilename('invoice\u202Efdp.exe', 'application/pdf'), 'invoice_fdp.exe.pdf');
  assert.equal(safeFilename('scan.JPEG', 'image/jpeg'), 'scan.JPEG');
  assert.equal(safeFilename('', 'image/png'), 'document.png');
  assert.equal(safeFilename('CON', 'text/plain'), '_CON.txt');
  assert.equal(safeFilename('طلب المساعدة.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'طلب المساعدة.docx');
  fc.assert(
    fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.constantFrom('application/pdf', 'text/plain', 'image/png'), (name, type) => {
      const safe = safeFilename(name, type);
      assert.ok([...safe].length >= 1 && [...safe].length <= 255, safe);
      assert.doesNotMatch(safe, /[/\\\u0000-\u001f"<>|?*\u202a-\u202e\u2066-\u2069]/);
      assert.doesNotMatch(attachmentDisposition(safe), /[\r\n]/);
    }),
  );
});

test('Content-Disposition carries an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
  assert.equal(attachmentDisposition('demande.pdf'), `attachment; filename="demande.pdf"; filename*=UTF-8''demande.pdf`);
  assert.equal(attachmentDisposition('请求 (1).pdf'), `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E8%AF%B7%E6%B1%82%20%281%29.pdf`);
});

test('fields are checked and each problem names its field', () => {
  assert.deepEqual(checkDocumentFields({ kind: 'request', title: '  Request   of Italy ', language: 'it' }), { fields: { kind: 'request', title: 'Request of Italy', language: 'it' }, issues: [] });
  const bad = checkDocumentFields({ kind: 'letter', title: 'x'.repeat(301), language: 'not a tag!', executionId: '42', replaces: 'nope' });
  assert.deepEqual(bad.issues.map((i) => i.field).sort(), ['execution_id', 'kind', 'language', 'replaces', 'title']);
  assert.deepEqual(checkDocumentFields({}).issues.map((i) => i.field), ['kind', 'title']);
  assert.deepEqual(checkDocumentFields({ replaces: '2b1f4b8e-1c1e-4a9e-9a5a-0c2f1e7d9b10' }).issues, [], 'a new version takes kind and title from the previous one');
});
