import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aTreaty, anExtract } from '../factories/knowledge.js';
import { aCorpus, idsOf, tempDir, writeFile, writeJsonl } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';
import { getEntry, getLaw, loadEntryDocuments, loadLawDocuments } from '../../src/modules/knowledge/service.js';
import { selectImportRuns } from '../../src/modules/bulk/repository.js';
import { ValidationError } from '../../src/platform/http/errors.js';

describe('bulk import of JSON Lines', () => {
  let rt: TestRuntime;
  const tmp = tempDir();
  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
  });
  after(async () => {
    await rt?.close();
    tmp.remove();
  });

  const countEntries = async (ids: string[]) => (await loadEntryDocuments(rt.db, ids, { publishedOnly: false })).length;

  it('imports every record type, with references to records defined later in the same file', async () => {
    // Reversed: extracts before their laws, cases before the treaty whose articles they cite, the protocol before its parent.
    const corpus = aCorpus().reverse();
    const file = writeJsonl(tmp.dir, corpus);
    const report = await importFile(rt.db, file);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    assert.deepEqual([report.records, report.created, report.updated, report.unchanged], [corpus.length, corpus.length, 0, 0]);
    const { laws, entries } = idsOf(corpus);
    assert.equal((await loadLawDocuments(rt.db, laws)).length, laws.length);
    assert.equal(await countEntries(entries), entries.length);
    const protocol = corpus.find((r) => r.type === 'treaty' && r.parent_id);
    const stored = await getEntry(rt.db, protocol!.id);
    assert.ok(stored?.type === 'treaty' && stored.parent_id === (protocol as { parent_id: string }).parent_id);
  });

  it('changes nothing when the same file is imported again, and reports what changed otherwise', async () => {
    const corpus = aCorpus();
    const file = writeJsonl(tmp.dir, corpus);
    assert.equal((await importFile(rt.db, file)).created, corpus.length);
    const law = corpus.find((r) => r.type === 'law')!;
    const before = await getLaw(rt.db, law.id);
    const again = await importFile(rt.db, file);
    assert.deepEqual([again.outcome, again.created, again.updated, again.unchanged], ['succeeded', 0, 0, corpus.length]);
    assert.equal((await getLaw(rt.db, law.id))?.updated_at, before?.updated_at);
    const changed = corpus.map((r) => (r.id === law.id && r.type === 'law' ? { ...r, citation: 'Loi modifiée' } : r));
    const third = await importFile(rt.db, writeJsonl(tmp.dir, changed));
    assert.deepEqual([third.created, third.updated, third.unchanged], [0, 1, corpus.length - 1]);
  });

  it('names the line and field of every problem and writes nothing', async () => {
    const law = aLaw();
    const lines = [
      law,
      anExtract(law.id, { texts: { en: { title: '   ' } } }),
      '{"type": "case", "id": "x"',
      '[1, 2, 3]',
      aCase({ country: 'XXX' }),
      { ...aCase(), color: 'red' },
      anExtract('no-such-law'),
    ];
    const report = await importFile(rt.db, writeJsonl(tmp.dir, lines));
    assert.equal(report.outcome, 'invalid');
    const got = report.issues.map((i) => `line ${i.line}: ${i.field}`);
    assert.deepEqual(got, ['line 2: texts.en.title', 'line 3: (json)', 'line 4: (record)', 'line 5: country', 'line 6: color', 'line 7: law_id']);
    assert.match(report.issues[0]!.message, /must not be blank/);
    assert.match(report.issues[1]!.message, /invalid JSON/);
    assert.match(report.issues[2]!.message, /must be a JSON object/);
    assert.match(report.issues[3]!.message, /unknown country code "XXX"/);
    assert.equal(await getLaw(rt.db, law.id), undefined, 'the valid law on line 1 was not written either');
  });

  it('names both lines of a duplicate id', async () => {
    const kase = aCase();
    const report = await importFile(rt.db, writeJsonl(tmp.dir, [kase, aLaw(), { ...kase, court: 'Other court' }]));
    assert.equal(report.outcome, 'invalid');
    assert.equal(report.issues.length, 1);
    assert.equal(report.issues[0]!.line, 3);
    assert.equal(report.issues[0]!.field, 'id');
    assert.match(report.issues[0]!.message, /defined twice: also on line 1/);
  });

  it('writes nothing when the only bad line is the last of 5,000', async () => {
    const law = aLaw();
    const records = [law, ...Array.from({ length: 4998 }, (_, i) => anExtract(law.id, { id: `mass-${i}-${law.id}`, position: i }))];
    const file = writeJsonl(tmp.dir, [...records, anExtract(law.id, { id: `mass-last-${law.id}`, cooperation_types: ['no-such-term'] })]);
    const report = await importFile(rt.db, file, { batchSize: 500 });
    assert.equal(report.outcome, 'invalid');
    assert.deepEqual(report.issues.map((i) => [i.line, i.field]), [[5000, 'cooperation_types.0']]);
    assert.equal(report.records, 5000);
    assert.equal(await getLaw(rt.db, law.id), undefined);
    assert.equal(await countEntries([records[1]!.id, records[4000]!.id]), 0);
  });

  it('writes nothing when the database fails in the middle of the write', async () => {
    const law = aLaw();
    const records = [law, ...Array.from({ length: 1500 }, (_, i) => anExtract(law.id, { id: `dbfail-${i}-${law.id}`, position: i }))];
    const boom = anExtract(law.id, { id: `boom-${law.id}` });
    const file = writeJsonl(tmp.dir, [...records, boom]);
    // A real database error on the last record, after three batches were written in the transaction.
    await sql`CREATE FUNCTION bulk_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`.execute(rt.db);
    await sql.raw(`CREATE TRIGGER bulk_test_fail BEFORE INSERT ON entries FOR EACH ROW WHEN (NEW.id = '${boom.id}') EXECUTE FUNCTION bulk_test_fail()`).execute(rt.db);
    try {
      const report = await importFile(rt.db, file, { batchSize: 500 });
      assert.equal(report.outcome, 'failed');
      assert.match(report.failure ?? '', /disk full \(test\)/);
      const [run] = await selectImportRuns(rt.db, 1);
      assert.deepEqual([run?.id, run?.outcome], [report.runId, 'failed']);
      assert.match(run?.message ?? '', /failed, nothing was written: disk full/);
      assert.equal(await getLaw(rt.db, law.id), undefined);
      assert.equal(await countEntries([records[1]!.id, records[1000]!.id]), 0);
    } finally {
      await sql`DROP TRIGGER bulk_test_fail ON entries`.execute(rt.db);
      await sql`DROP FUNCTION bulk_test_fail()`.execute(rt.db);
    }
    // Nothing is stuck: the same file now imports.
    assert.equal((await importFile(rt.db, file)).created, records.length + 1);
  });

  it('reads BOMs, CRLF and blank lines, and reports bad encodings, huge lines and non-objects by line', async () => {
    const a = aCase();
    const b = aCase();
    const good = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${JSON.stringify(a)}\r\n\r\n   \r\n${JSON.stringify(b)}\r\n`)]);
    const ok = await importFile(rt.db, writeFile(tmp.dir, 'crlf.jsonl', good));
    assert.equal(ok.outcome, 'succeeded', JSON.stringify(ok.issues));
    assert.equal(ok.created, 2);

    const c = aCase();
    const bad = Buffer.concat([
      Buffer.from(`${JSON.stringify(c)}\n`),
      Buffer.from('{"type":"case","id":"latin1","country":"FRA","texts":{"fr":{"title":"'),
      Buffer.from([0xe9, 0x74, 0xe9]), // "été" in Latin-1: not UTF-8
      Buffer.from('"}}}\n'),
      Buffer.from(`{"type":"case","padding":"${'x'.repeat(5000)}"}\n`),
      Buffer.from('null\n"a string"\n42\n'),
    ]);
    const report = await importFile(rt.db, writeFile(tmp.dir, 'bad.jsonl', bad), { maxLineBytes: 4096 });
    assert.equal(report.outcome, 'invalid');
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.field]),
      [
        [2, '(line)'],
        [3, '(line)'],
        [4, '(record)'],
        [5, '(record)'],
        [6, '(record)'],
      ],
    );
    assert.match(report.issues[0]!.message, /not valid UTF-8/);
    assert.match(report.issues[1]!.message, /longer than the maximum of 4096 bytes/);
    assert.equal(await getEntry(rt.db, c.id), undefined);

    const utf16 = await importFile(rt.db, writeFile(tmp.dir, 'utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(aCase()), 'utf16le')])));
    assert.deepEqual(utf16.issues.map((i) => [i.line, i.message]), [[1, 'is encoded in UTF-16 (little-endian); save the file with UTF-8 encoding']]);

    const empty = await importFile(rt.db, writeFile(tmp.dir, 'empty.jsonl', '\n\n'));
    assert.deepEqual([empty.outcome, empty.records], ['succeeded', 0]);
    assert.match(empty.warnings[0]!.message, /contains no records/);
  });

  it('validates without writing on a dry run, and records every run', async () => {
    const kase = aCase();
    const file = writeJsonl(tmp.dir, [kase], 'dry.jsonl');
    const report = await importFile(rt.db, file, { dryRun: true });
    assert.equal(report.outcome, 'succeeded');
    assert.equal(report.dryRun, true);
    assert.equal(await getEntry(rt.db, kase.id, { publishedOnly: false }), undefined);
    const [run] = await selectImportRuns(rt.db, 1);
    assert.equal(run?.file_name, 'dry.jsonl');
    assert.equal(run?.dry_run, true);
    assert.equal(run?.outcome, 'succeeded');
    assert.equal(run?.records, 1);
    assert.equal(run?.sha256, (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    assert.ok(run?.finished_at);

    const invalid = await importFile(rt.db, writeJsonl(tmp.dir, ['{'], 'broken.jsonl'));
    const [last] = await selectImportRuns(rt.db, 1);
    assert.equal(last?.id, invalid.runId);
    assert.equal(last?.outcome, 'invalid');
    assert.equal(last?.error_count, 1);
    assert.deepEqual(last?.errors.map((e) => e.line), [1]);
  });

  it('refuses a missing file or an unknown format before reading anything', async () => {
    await assert.rejects(importFile(rt.db, `${tmp.dir}/nope.jsonl`), (e: unknown) => e instanceof ValidationError && /no such file/.test(e.message));
    await assert.rejects(importFile(rt.db, writeFile(tmp.dir, 'data.txt', '{}')), (e: unknown) => e instanceof ValidationError && e.issues?.[0]?.field === 'format');
  });

  it('reports treaties that are each other’s parent instead of failing while writing', async () => {
    const a = aTreaty({ kind: 'universal', parties: [] });
    const b = aTreaty({ kind: 'universal', parties: [], parent_id: a.id });
    const report = await importFile(rt.db, writeJsonl(tmp.dir, [{ ...a, parent_id: b.id }, b]));
    assert.equal(report.outcome, 'invalid');
    assert.ok(report.issues.some((i) => i.field === 'parent_id' && /each other/.test(i.message)), JSON.stringify(report.issues));
  });
});
