/**
 * The real `palermo import` / `palermo export` / `palermo imports` processes, on an embedded data
 * directory (or a fresh database on the server named by TEST_DATABASE_URL).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime } from '../../src/runtime.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, anExtract } from '../factories/knowledge.js';
import { tempDir, writeJsonl } from '../factories/bulk.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir('palermo-cli-');
const dataDir = path.join(tmp.dir, 'data');
let databaseUrl = '';
let dropDatabase: (() => Promise<void>) | undefined;

function palermo(...args: string[]) {
  return run(args, { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'warn' });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Run a command whose standard output is closed before it writes (like `palermo ... | head` once head has quit). */
function palermoIntoClosedPipe(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'warn' } });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** The id of a process that has exited. */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openRuntime>>['db']) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    return await fn(runtime.db);
  } finally {
    await runtime.database.close();
  }
}

describe('palermo import / export commands', () => {
  before(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const name = `palermo_cli_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    }
    // Migrate and add the reference rows the test files use, then close: the commands open it again.
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'silent' });
    const runtime = await openRuntime(config, createLogger('silent'));
    try {
      await ensureTestReference(runtime.db);
    } finally {
      await runtime.database.close();
    }
  });
  after(async () => {
    await dropDatabase?.();
    tmp.remove();
  });

  it('explains itself with --help, rejects bad option values (exit 2) and exits 1 without a database', async () => {
    // None of these opens the data directory, so they run side by side.
    const unreachable = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' };
    const [imp, exp, format, noDb] = await Promise.all([
      palermo('import', '--help'),
      palermo('export', '--help'),
      palermo('import', path.join(tmp.dir, 'any.jsonl'), '--format', 'xls'),
      run(['import', path.join(tmp.dir, 'any.jsonl')], unreachable),
    ]);
    assert.equal(imp.code, 0);
    assert.match(imp.stdout, /Usage: palermo import \[options\] <file>/);
    assert.match(imp.stdout, /--dry-run/);
    assert.match(imp.stdout, /Exit codes: 0 imported/);
    assert.equal(exp.code, 0);
    assert.match(exp.stdout, /--format <formats>\s+comma-separated formats: jsonl,csv,akn/);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be one of: jsonl, csv, akn/);
    assert.equal(noDb.code, 1);
    assert.match(noDb.stderr, /ECONNREFUSED|connect/);
  });

  it('imports a valid file (exit 0), then finds nothing to change', async () => {
    const law = aLaw();
    const file = writeJsonl(tmp.dir, [law, anExtract(law.id), aCase()], 'good.jsonl');
    const r = await palermo('import', file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /good\.jsonl: 3 records, 3 created, 0 updated, 0 unchanged/);
    const again = await palermo('import', file);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /3 records, 0 created, 0 updated, 3 unchanged/);
  });

  it('lists the problems of an invalid file by line and field on stderr (exit 2) and writes nothing', async () => {
    const lines = [aCase({ id: 'cli-never-written' }), '{not json', aCase({ texts: { en: { title: ' ' } } }), ...Array.from({ length: 4 }, () => ({ type: 'case' }))];
    const file = writeJsonl(tmp.dir, lines, 'bad.jsonl');
    const r = await palermo('import', file, '--max-errors', '3');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: bad\.jsonl is invalid: \d+ problems; nothing was written$/m);
    assert.match(r.stderr, /^ {2}line 2: \(json\): invalid JSON/m);
    assert.match(r.stderr, /^ {2}line 3: texts\.en\.title: must not be blank$/m);
    assert.match(r.stderr, /^ {2}… and \d+ more problems$/m);
    const missing = await palermo('import', path.join(tmp.dir, 'missing.jsonl'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const dry = await palermo('import', writeJsonl(tmp.dir, [aCase({ id: 'cli-never-written' })], 'dry.jsonl'), '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dry\.jsonl is valid: 1 records \(dry run, nothing written\)/);

    const history = await palermo('imports', '--limit', '3');
    assert.equal(history.code, 0, history.stderr);
    const runs = history.stdout.trim().split('\n');
    assert.equal(runs.length, 3);
    assert.match(runs[0]!, /succeeded \(dry run\) jsonl dry\.jsonl/);
    assert.match(runs[1]!, /invalid jsonl bad\.jsonl/);
  });

  it('exports everything to a directory with a manifest, and imports that directory back', async () => {
    const out = path.join(tmp.dir, 'export');
    const r = await palermo('export', out, '--format', 'jsonl,akn');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^cases\.jsonl: \d+ records/m);
    assert.match(r.stdout, /^akn\/: 1 records in 1 files/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[]; formats: string[] };
    assert.deepEqual(manifest.formats, ['jsonl', 'akn']);
    assert.ok(fs.existsSync(path.join(out, 'laws.jsonl')));
    assert.equal(fs.readdirSync(path.join(out, 'akn')).length, 1);
    assert.ok(!fs.existsSync(path.join(out, 'cases.csv')));

    const back = await palermo('import', out);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /^cases\.jsonl: \d+ records, 0 created, 0 updated, \d+ unchanged$/m);
  });

  it('marks an import left running by a stopped process as interrupted at the next start, and lists it', async () => {
    const pid = await deadPid();
    const [crashed, elsewhere] = await withDatabase(async (db) => {
      const row = (owner_host: string, owner_pid: number) =>
        db
          .insertInto('import_runs')
          .values({ file_name: `crash-${owner_host}.jsonl`, format: 'jsonl', record_type: null, sha256: null, byte_size: 10, owner_host, owner_pid, heartbeat_at: sql`now()`, errors: sql`'[]'::jsonb` })
          .returning('id')
          .executeTakeFirstOrThrow();
      // As a crash leaves it: "running", its process gone, on this host; and a live run on another node.
      return [(await row(os.hostname(), pid)).id, (await row('another-node.example', 4242)).id];
    });
    const history = await palermo('imports', '--limit', '5');
    assert.equal(history.code, 0, history.stderr);
    assert.match(history.stdout, new RegExp(`^#${crashed} .* interrupted jsonl crash-.* interrupted: the importing process \\(host .*, pid ${pid}\\) stopped before the import finished; nothing was written$`, 'm'));
    const other = await withDatabase((db) => db.selectFrom('import_runs').select('outcome').where('id', '=', elsewhere).executeTakeFirstOrThrow());
    // A shared server: another node's run with a fresh heartbeat is left running. The embedded database
    // is held by one process at a time, so any run found there at start has lost its process.
    assert.equal(other.outcome, databaseUrl ? 'running' : 'interrupted');
  });

  it('exits quietly (0, no EPIPE trace) when its output pipe is closed early, still finishing its work', async () => {
    for (const args of [['imports'], ['admin', 'list']]) {
      const r = await palermoIntoClosedPipe(...args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /EPIPE|Error/, args.join(' '));
    }
    const out = path.join(tmp.dir, 'export-piped');
    const r = await palermoIntoClosedPipe('export', out, '--format', 'jsonl');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    assert.ok(fs.existsSync(path.join(out, 'manifest.json')), 'the export went to the end');
  });
});
