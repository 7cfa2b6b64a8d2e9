import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference } from '../factories/reference.js';
import { aLaw, anExtract } from '../factories/knowledge.js';
import { tempDir } from '../factories/bulk.js';
import { importFile } from '../../src/modules/bulk/import/service.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The import streams: the memory it keeps alive does not grow with the size of the file. */
describe('bulk import memory', () => {
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

  it('keeps far less than the file in memory while importing a 12 MB file', async () => {
    const law = aLaw();
    const file = path.join(tmp.dir, 'big.jsonl');
    const out = fs.createWriteStream(file);
    out.write(`${JSON.stringify(law)}\n`);
    const body = 'Les demandes d’entraide judiciaire émanant des autorités étrangères sont exécutées selon la procédure prévue. '.repeat(36);
    for (let i = 0; i < 3000; i++) out.write(`${JSON.stringify(anExtract(law.id, { id: `mem-${i}`, position: i, texts: { fr: { title: `Article ${i}`, body } } }))}\n`);
    await new Promise((resolve) => out.end(resolve));
    const size = fs.statSync(file).size;
    assert.ok(size > 12_000_000, `${size} bytes`);

    gc();
    const base = process.memoryUsage().heapUsed;
    let live = 0;
    let samples = 0;
    const report = await importFile(rt.db, file, {
      onProgress: () => {
        gc();
        samples++;
        live = Math.max(live, process.memoryUsage().heapUsed - base);
      },
    });
    assert.equal(report.outcome, 'succeeded');
    assert.equal(report.created, 3001);
    assert.ok(samples >= 15, 'sampled during every pass');
    assert.ok(live < size / 2, `live heap grew by ${live} bytes for a ${size}-byte file`);
  });
});
