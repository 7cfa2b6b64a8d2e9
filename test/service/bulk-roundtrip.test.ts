import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aStrategy } from '../factories/knowledge.js';
import { aCorpus, idsOf, tempDir, writeJsonl } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';
import { importDirectory } from '../../src/modules/bulk/import/directory.js';
import { exportToDirectory, type Manifest } from '../../src/modules/bulk/export/directory.js';
import { loadEntryDocuments, loadLawDocuments, saveRecords } from '../../src/modules/knowledge/service.js';
import type { KnowledgeRecord } from '../../src/modules/knowledge/domain/schemas.js';

/** Export from a populated database, import into fresh ones, and compare what the public sees. */
describe('bulk export → import round trip', () => {
  let source: TestRuntime;
  const tmp = tempDir();
  let corpus: KnowledgeRecord[];
  let manifest: Manifest;
  const draftOnly = aCase({ texts: { en: { title: 'Unpublished case', status: 'draft' } } });
  const halfDraft = aStrategy({ texts: { es: { title: 'Estrategia publicada' }, en: { title: 'Draft English version', status: 'in_review' } } });

  before(async () => {
    source = await createTestRuntime();
    await ensureTestReference(source.db);
    corpus = aCorpus();
    const report = await importFile(source.db, writeJsonl(tmp.dir, corpus));
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
    await saveRecords(source.db, [draftOnly, halfDraft], { origin: 'editor' });
    manifest = await exportToDirectory(source.db, path.join(tmp.dir, 'export'));
  });
  after(async () => {
    await source?.close();
    tmp.remove();
  });

  /** What the public sees of the source, and everything the target has. */
  async function compare(target: TestRuntime, options: { treatyUpdatedAt?: boolean } = {}) {
    const { laws, entries } = idsOf([...corpus, draftOnly, halfDraft]);
    assert.deepEqual(await loadLawDocuments(target.db, laws), await loadLawDocuments(source.db, laws));
    const published = await loadEntryDocuments(source.db, entries, { publishedOnly: true });
    // Importing treaty provisions or parties from their CSV files is a change of the treaty made
    // now: its updated_at is the time of that import.
    const comparable = (docs: typeof published) =>
      options.treatyUpdatedAt === false ? docs.map((d) => (d.type === 'treaty' ? { ...d, updated_at: '(import time)' } : d)) : docs;
    assert.deepEqual(comparable(await loadEntryDocuments(target.db, entries, { publishedOnly: false })), comparable(published));
    return published;
  }

  it('writes one file per type and format and a manifest that describes them', () => {
    const dir = path.join(tmp.dir, 'export');
    assert.deepEqual(
      manifest.files.map((f) => f.path),
      ['laws.jsonl', 'laws.csv', 'treaties.jsonl', 'treaties.csv', 'treaty-provisions.csv', 'treaty-parties.csv', 'legislation.jsonl', 'legislation.csv', 'cases.jsonl', 'cases.csv', 'strategies.jsonl', 'strategies.csv', 'akn/'],
    );
    assert.equal(manifest.licence.name, 'CC BY 4.0', 'the manifest names the data licence');
    const byPath = new Map(manifest.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('cases.jsonl')?.records, 2, 'the draft-only case is not exported');
    assert.equal(byPath.get('treaty-parties.csv')?.records, 3);
    assert.equal(byPath.get('akn/')?.files, 2);
    for (const f of manifest.files.filter((x) => x.sha256)) {
      const content = fs.readFileSync(path.join(dir, f.path));
      assert.equal(crypto.createHash('sha256').update(content).digest('hex'), f.sha256, f.path);
      assert.equal(content.length, f.bytes);
    }
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')), manifest);
    const cases = fs.readFileSync(path.join(dir, 'cases.jsonl'), 'utf8');
    assert.doesNotMatch(cases, /Unpublished case|Draft English version/);
    assert.match(cases, /"demo":true/);
    const csv = fs.readFileSync(path.join(dir, 'cases.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFid,country,'), 'UTF-8 byte-order mark, then the header');
    assert.match(csv, /,'-Resumen con guion,/, 'a cell that would be a spreadsheet formula is quoted with an apostrophe');
    assert.match(csv.split('\n')[0]!, /,demo,/);
  });

  it('re-importing the export into the database it came from changes nothing (JSON Lines and CSV)', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      const reports = await importDirectory(source.db, path.join(tmp.dir, 'export'), { format });
      assert.ok(
        reports.every((r) => r.outcome === 'succeeded' && r.created === 0 && r.updated === 0 && r.unchanged === r.records),
        JSON.stringify(reports.map((r) => [r.file, r.outcome, r.created, r.updated, r.unchanged, r.issues[0]])),
      );
    }
    // Drafts that were not exported are still there.
    const [onlyDraft, withDraft] = await loadEntryDocuments(source.db, [draftOnly.id, halfDraft.id], { publishedOnly: false });
    assert.equal(onlyDraft?.texts.en?.status, 'draft');
    assert.equal(withDraft?.texts.en?.status, 'in_review');
  });

  it('JSON Lines: a fresh database gets exactly the published content, and a second import changes nothing', async () => {
    const target = await createTestRuntime();
    try {
      await ensureTestReference(target.db);
      const reports = await importDirectory(target.db, path.join(tmp.dir, 'export'), { format: 'jsonl' });
      assert.deepEqual(reports.map((r) => [r.file, r.outcome]), [
        ['laws.jsonl', 'succeeded'],
        ['treaties.jsonl', 'succeeded'],
        ['legislation.jsonl', 'succeeded'],
        ['cases.jsonl', 'succeeded'],
        ['strategies.jsonl', 'succeeded'],
      ]);
      const published = await compare(target);
      const strategy = published.find((d) => d.id === halfDraft.id);
      assert.deepEqual(Object.keys(strategy!.texts), ['es'], 'only the published language version travels');
      const again = await importDirectory(target.db, path.join(tmp.dir, 'export'), { format: 'jsonl' });
      assert.ok(again.every((r) => r.created === 0 && r.updated === 0 && r.unchanged === r.records), JSON.stringify(again.map((r) => [r.file, r.created, r.updated])));
    } finally {
      await target.close();
    }
  });

  it('CSV: the CSV files (with treaty provisions and parties) give the same content too', async () => {
    const target = await createTestRuntime();
    try {
      await ensureTestReference(target.db);
      const reports = await importDirectory(target.db, path.join(tmp.dir, 'export'), { format: 'csv' });
      assert.deepEqual(
        reports.map((r) => [r.file, r.outcome, r.issues[0]?.message]),
        ['laws.csv', 'treaties.csv', 'treaty-provisions.csv', 'treaty-parties.csv', 'legislation.csv', 'cases.csv', 'strategies.csv'].map((f) => [f, 'succeeded', undefined]),
      );
      await compare(target, { treatyUpdatedAt: false });
      const again = await importDirectory(target.db, path.join(tmp.dir, 'export'), { format: 'csv' });
      assert.ok(again.every((r) => r.created === 0 && r.updated === 0), JSON.stringify(again.map((r) => [r.file, r.created, r.updated])));
    } finally {
      await target.close();
    }
  });
});
