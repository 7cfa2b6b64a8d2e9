import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from '../factories/knowledge.js';
import { tempDir, writeFile } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';

/** Whatever the bytes of an import file, the result is a report, never an exception; nothing is written unless all is valid. */
describe('bulk import fuzzing', () => {
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

  const count = async () => {
    const r = await sql<{ n: number }>`SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM laws) AS n`.execute(rt.db);
    return Number(r.rows[0]!.n);
  };

  const law = aLaw();
  const templates = [law, anExtract(law.id), aCase(), aStrategy(), aTreaty()] as Record<string, unknown>[];
  const mutated = fc
    .tuple(fc.constantFrom(...templates), fc.constantFrom('id', 'type', 'country', 'texts', 'articles', 'law_id', 'parties', 'date', 'extra', 'demo'), fc.option(fc.jsonValue(), { nil: undefined }))
    .map(([t, key, value]) => JSON.stringify({ ...t, id: `${String(t.id)}-${Math.random().toString(36).slice(2, 8)}`, [key]: value }));
  const line = fc.oneof(
    fc.json(),
    fc.string(),
    mutated,
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.constant(''),
    fc.constant('\uFEFF{}'),
  );

  it('turns random JSON, garbage and broken records into line-level problems', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), async (lines, binary) => {
        const content = lines.join(binary ? '\r\n' : '\n');
        const bytes = binary ? Buffer.from(content, 'latin1') : Buffer.from(content, 'utf8');
        const file = writeFile(tmp.dir, `fuzz-${runs++}.jsonl`, bytes);
        const before = await count();
        const report = await importFile(rt.db, file, { maxLineBytes: 4096 });
        const total = content.split('\n').length;
        assert.ok(['succeeded', 'invalid'].includes(report.outcome), `${report.outcome}: ${report.failure}`);
        for (const issue of report.issues) {
          assert.ok(issue.line >= 1 && issue.line <= total, `line ${issue.line} of ${total}`);
          assert.ok(issue.field.length > 0 && issue.message.length > 0);
        }
        const after = await count();
        if (report.outcome === 'invalid') {
          assert.ok(report.issueCount >= report.issues.length && report.issues.length > 0);
          assert.equal(after, before, 'an invalid file writes nothing');
        } else assert.equal(after, before + report.created);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  it('does the same for CSV files and Akoma Ntoso documents', async () => {
    const runs = Number(process.env.FUZZ_RUNS ?? 60) / 2;
    let n = 0;
    const cell = fc.oneof(fc.string(), fc.constantFrom('ITA', 'FRA', 'true', 'maybe', 'untoc:18', '[]', '"', '"a""b"', '=1+1', '\n', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), async (rows) => {
        const text = ['id,country,untoc_legal_basis,articles,title_en,summary_fr', ...rows.map((r) => r.join(','))].join('\n');
        const before = await count();
        const report = await importFile(rt.db, writeFile(tmp.dir, `fuzz-${n++}.csv`, text), { type: 'case' });
        assert.ok(['succeeded', 'invalid'].includes(report.outcome), `${report.outcome}: ${report.failure}`);
        if (report.outcome === 'invalid') assert.equal(await count(), before);
      }),
      { numRuns: runs },
    );
    const fragment = fc.oneof(
      fc.constantFrom('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">', '<act>', '</act>', '<body>', '</body>', '<section eId="s">', '</section>', '<num>1</num>', '<heading>', '</heading>', '<meta/>', '</akomaNtoso>', '<![CDATA[x]]>', '&amp;', '&bogus;', '<?xml version="1.0"?>'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 14 }), async (parts) => {
        const report = await importFile(rt.db, writeFile(tmp.dir, `fuzz-${n++}.xml`, parts.join('')));
        assert.ok(['succeeded', 'invalid'].includes(report.outcome), `${report.outcome}: ${report.failure}`);
        for (const issue of report.issues) assert.ok(issue.line >= 1 && issue.field && issue.message);
      }),
      { numRuns: runs },
    );
  });
});
