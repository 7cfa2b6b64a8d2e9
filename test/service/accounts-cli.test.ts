/** `palermo admin create` / `admin list` as an operator runs them (a real process, password on stdin). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { palermo } from '../helpers/cli.js';

describe('palermo admin', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-cli-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists no administrator on a new installation', async () => {
    const r = await palermo(['admin', 'list'], '', env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no administrator yet/);
  });

  it('creates an administrator with the password from standard input; no default password', async () => {
    const weak = await palermo(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--password-stdin'], 'password1234\n', env);
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /password: is too common/);
    const empty = await palermo(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--password-stdin'], '', env);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /password: is required/);
    const ok = await palermo(['admin', 'create', '--email', 'root@example.org', '--name', 'Root Admin', '--password-stdin'], 'Office of the chief prosecutor\n', env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /administrator created: root@example.org/);
    const list = await palermo(['admin', 'list'], '', env);
    assert.match(list.stdout, /root@example\.org\tRoot Admin\tsecond factor: NOT ENROLLED/);
    const dup = await palermo(['admin', 'create', '--email', 'ROOT@example.org', '--name', 'Again', '--password-stdin'], 'Office of the chief prosecutor\n', env);
    assert.equal(dup.code, 2);
    assert.match(dup.stderr, /email: already has an account/);
  });
});
