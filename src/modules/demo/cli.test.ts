import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../platform/db/database.js';
import { createLogger } from '../../platform/log.js';
import { openRuntime } from '../../runtime.js';
import { listEntryIds } from '../knowledge/index.js';
import { ensureFullTestReference } from '../../../test/factories/reference.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The palermo command as a user runs it, on an embedded database in a data directory of its own. */
describe('palermo seed --demo / palermo demo --remove', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-demo-cli-'));

  function palermo(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', PALERMO_CLI_MAIN: '1' };
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  async function demoEntries(): Promise<number> {
    const database = await openDatabase({ embedded: dir });
    try {
      return (await listEntryIds(database.db, { demo: true, limit: 10_000 })).length;
    } finally {
      await database.close();
    }
  }

  before(async () => {
    const database = await openDatabase({ embedded: dir });
    try {
      const rt = await openRuntime(loadConfig({ DATA_DIR: dir, PALERMO_DEMO: '0' }), createLogger('silent'), { database });
      await ensureFullTestReference(rt.db);
    } finally {
      await database.close();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to seed without --demo, or with an unknown size', () => {
    const bare = palermo('seed');
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /--demo: nothing to seed/);
    const huge = palermo('seed', '--demo', '--size', 'huge');
    assert.notEqual(huge.status, 0);
    assert.match(huge.stderr, /Allowed choices are small, default, large/);
    const demo = palermo('demo');
    assert.equal(demo.status, 2);
    assert.match(demo.stderr, /--remove/);
  });

  it('seeds the corpus, reports it, and removes it', async () => {
    const seed = palermo('seed', '--demo', '--size', 'small');
    assert.equal(seed.status, 0, seed.stderr);
    assert.match(seed.stdout, /demo corpus \(small\) for \d+ countries: \d+ law, \d+ legislation, \d+ case, \d+ treaty, \d+ strategy/);
    assert.match(seed.stdout, /records: \d+ created, 0 updated, 0 unchanged/);
    assert.ok((await demoEntries()) > 100);
    // Casework demo requests, and sign-ins with random credentials (different at every seed).
    assert.match(seed.stdout, /casework: 300 demo requests of demo-auth-[a-z]{3}-central/);
    const signIn = /officer: casework-officer@demo\.example \/ (\S+) \/ TOTP secret ([A-Z2-7]+) \(otpauth:\/\/totp\//.exec(seed.stdout);
    assert.ok(signIn, seed.stdout);
    assert.match(seed.stdout, /supervisor: casework-supervisor@demo\.example \/ \S+ \/ TOTP secret [A-Z2-7]+/);
    const again = palermo('seed', '--demo', '--size', 'small');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /casework: 300 demo requests .*unchanged/);
    assert.ok(!again.stdout.includes(signIn[1]!) && !again.stdout.includes(signIn[2]!), 'new password and secret at every seed');

    const remove = palermo('demo', '--remove');
    assert.equal(remove.status, 0, remove.stderr);
    assert.match(remove.stdout, /demo corpus removed: \d+ entries, \d+ laws, \d+ treaty participations, 300 casework requests; demo accounts disabled/);
    assert.equal(await demoEntries(), 0);
  });
});
