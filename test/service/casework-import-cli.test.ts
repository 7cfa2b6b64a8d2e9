/**
 * `palermo casework import|export` as a user runs them, on an embedded database in a data directory
 * of its own: a good file is imported, a bad one refused with exit code 2 naming line and field,
 * and the export writes the cases to a file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime } from '../../src/runtime.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { anAuthority } from '../factories/directory.js';
import { sampleRecord } from '../factories/casework-records.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('palermo casework import / export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-casework-cli-'));
  const doc = anAuthority();

  function palermo(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', PALERMO_CLI_MAIN: '1', PALERMO_DEMO: '0' };
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  before(async () => {
    const database = await openDatabase({ embedded: dir });
    try {
      const rt = await openRuntime(loadConfig({ DATA_DIR: dir, PALERMO_DEMO: '0' }), createLogger('silent'), { database });
      await importAuthorities(rt.db, { actor: CLI_ACTOR }, 'jsonl', () =>
        (async function* () {
          yield Buffer.from(JSON.stringify(doc));
        })(),
      );
    } finally {
      await database.close();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a file, refuses a bad one naming line and field, and exports', () => {
    const good = path.join(dir, 'cases.jsonl');
    fs.writeFileSync(good, [sampleRecord(1), sampleRecord(2)].map((r) => JSON.stringify(r)).join('\n'));
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, [sampleRecord(3), { ...sampleRecord(4), partner: { country: 'ZZZ' } }].map((r) => JSON.stringify(r)).join('\n'));

    const refused = palermo('casework', 'import', bad, '--authority', doc.id);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /line 2: partner\.country: is not a known country code/);

    const dry = palermo('casework', 'import', good, '--authority', doc.id, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /2 case\(s\) would be imported/);

    const ok = palermo('casework', 'import', good, '--authority', doc.id);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /2 case\(s\) imported/);
    assert.match(ok.stdout, /incoming references of 2024: numbering continues after 2/);

    const out = path.join(dir, 'export.jsonl');
    const exp = palermo('casework', 'export', '--authority', doc.id, out);
    assert.equal(exp.status, 0, exp.stderr);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => Array.isArray(JSON.parse(l).history)));
    const csv = palermo('casework', 'export', '--authority', doc.id, '--format', 'csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^reference,direction,kind,state/);
  });
});
