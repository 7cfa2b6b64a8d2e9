/**
 * `palermo backup` while `palermo serve` runs on the embedded database (the server takes the backup
 * through DATA_DIR/palermo.sock), then `palermo restore` into a new DATA_DIR and `migrate --dry-run`:
 * real processes, as an operator runs them. Always on the embedded database (DATABASE_URL unset):
 * the control socket exists only there.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { palermo, startPalermo } from '../helpers/cli.js';

describe('palermo backup and restore (processes)', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  const env = (dataDir: string) => ({ DATA_DIR: path.join(dir, dataDir), DATABASE_URL: '', PORT: '0' });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-cli-'));
  });
  after(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up through the running server, restores into a new data directory, and refuses to restore twice', async () => {
    server = startPalermo(['serve'], env('live'));
    let serverErr = '';
    server.stderr!.on('data', (d: Buffer) => (serverErr += d));
    const socket = path.join(dir, 'live', 'palermo.sock');
    // Bounded only so that a server that never starts fails the test: a start takes seconds, but minutes on a loaded machine.
    for (let i = 0; i < 6000 && !fs.existsSync(socket); i++) {
      assert.equal(server.exitCode, null, serverErr);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(fs.existsSync(socket), `the server did not start: ${serverErr}`);

    const file = path.join(dir, 'live.backup.gz');
    const backup = await palermo(['backup', file], '', env('live'));
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /backup written: .*live\.backup\.gz\n {2}[\d.]+ MB, \d+ rows in \d+ tables/);
    assert.match(backup.stdout, /schema \d{4}, sha256 [0-9a-f]{64}/);
    const again = await palermo(['backup', file], '', env('live'));
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists already/);
    const dry = await palermo(['migrate', '--dry-run'], '', env('live'));
    assert.equal(dry.code, 2);
    assert.match(dry.stderr, /in use by another Palermo process/);

    server.kill('SIGTERM');
    await once(server, 'exit');
    assert.equal(fs.existsSync(socket), false, 'the socket goes with the server');

    const restored = await palermo(['restore', file], '', env('restored'));
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /restored \d+ rows in \d+ tables .*\nschema already current\nverified\n/);
    const twice = await palermo(['restore', file], '', env('restored'));
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /holds a database already/);
    const pending = await palermo(['migrate', '--dry-run'], '', env('restored'));
    assert.equal(pending.code, 0, pending.stderr);
    assert.equal(pending.stdout, 'no pending migrations\n');
  });
});
