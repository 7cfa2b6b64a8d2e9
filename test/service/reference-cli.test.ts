import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildCountries, buildRegions, readPlaceSources } from '../../src/modules/reference/sources/places.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `palermo reference --reload` against a fresh database (a new PostgreSQL database or an embedded one on disk). */
describe('palermo reference --reload', () => {
  const env: Record<string, string> = {};
  let cleanup: () => Promise<void> = async () => undefined;

  before(async () => {
    const baseUrl = process.env.TEST_DATABASE_URL;
    if (baseUrl) {
      const name = `palermo_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      cleanup = async () => {
        const c = new pg.Client({ connectionString: baseUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-ref-cli-'));
      env.DATA_DIR = dir;
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  after(async () => cleanup());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, PALERMO_DEMO: '0', LOG_LEVEL: 'warn' },
      timeout: 240_000,
    });

  it('reports the load on a new database, then that nothing changed', () => {
    const places = readPlaceSources();
    const regions = buildRegions(places).length;
    const countries = buildCountries(places).length;
    // On a new database the load happens while the runtime opens; the command reports it.
    const first = run('reference');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /reference data loaded in \d+ ms \(version none -> /);
    assert.match(first.stdout, new RegExp(`countries: +${countries} created, 0 updated, 0 unchanged`));
    assert.match(first.stdout, new RegExp(`regions: +${regions} created, 0 updated, 0 unchanged`));
    assert.match(first.stdout, /terms: +52 created/);
    assert.match(first.stdout, /instruments: 8 created, 0 updated, 0 unchanged \(288 articles\)/);

    const second = run('reference', '--reload');
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`countries: +0 created, 0 updated, ${countries} unchanged`));
    assert.match(second.stdout, new RegExp(`regions: +0 created, 0 updated, ${regions} unchanged`));
    assert.match(second.stdout, /instruments: 0 created, 0 updated, 8 unchanged/);
  });
});
