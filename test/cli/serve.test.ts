/**
 * The real `palermo serve` process on an embedded data directory: start, readiness, one process
 * per data directory, graceful shutdown on SIGTERM, and nothing lost across a restart.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/platform/db/database.js';
import { getSetting } from '../../src/platform/db/settings.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-serve-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', PALERMO_DEMO: '0', DATABASE_URL: '' };

function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: root, env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', () => {
      const m = /Palermo is serving on (http:\/\/[^"\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('palermo serve (embedded database)', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts, refuses a second process on the same data directory, and shuts down cleanly on SIGTERM', async () => {
    const { child, url, output } = await startServer();
    try {
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200);
      assert.ok(fs.existsSync(path.join(dataDir, 'palermo.lock')));
      assert.ok(output().split('\n').some((l) => l.startsWith('{') && JSON.parse(l).msg === 'migration applied'), 'JSON logs');

      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { cwd: root, env, encoding: 'utf8' });
      assert.equal(second.status, 2);
      assert.match(second.stderr, /in use by another Palermo process/);

      const done = exited(child);
      child.kill('SIGTERM');
      assert.equal(await done, 0);
      assert.match(output(), /database closed/);
      assert.equal(fs.existsSync(path.join(dataDir, 'palermo.lock')), false, 'lock released');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('keeps what was written before the shutdown', async () => {
    const database = await openDatabase({ embedded: dataDir });
    try {
      assert.equal(await getSetting<boolean>(database.db, 'first_start.done'), true);
      const migrations = await database.db.selectFrom('schema_migrations').select('version').execute();
      assert.ok(migrations.length >= 3);
    } finally {
      await database.close();
    }
  });

  it('exits with 2 and names the variable on bad configuration', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: root, env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /PORT: must be an integer/);
  });

  it('answers --help and rejects unknown commands with a usage error', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--help'], { cwd: root, env, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /serve/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'frobnicate'], { cwd: root, env, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown command/);
  });
});
