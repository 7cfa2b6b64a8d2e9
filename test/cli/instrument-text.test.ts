/**
 * The real `palermo import-instrument-text` process on an embedded data directory (or a fresh
 * database on the server named by TEST_DATABASE_URL): a bad file exits 2 with its problems by line
 * and writes nothing; a good one is imported and the article holds the authentic French text.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/platform/log.js';
import { openRuntime } from '../../src/runtime.js';
import { getArticle } from '../../src/modules/knowledge/instruments.js';
import { tempDir } from '../factories/bulk.js';
import { anAknExtract, anAuthenticExtract } from '../factories/instrument-texts.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir('palermo-cli-texts-');
const dataDir = path.join(tmp.dir, 'data');
let databaseUrl = '';
let dropDatabase: (() => Promise<void>) | undefined;

function palermo(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'warn' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('palermo import-instrument-text', () => {
  before(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
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
  });
  after(async () => {
    await dropDatabase?.();
    tmp.remove();
  });

  it('refuses a bad file by line (exit 2), then imports a French extract (exit 0)', async () => {
    const bad = path.join(tmp.dir, 'bad.md');
    fs.writeFileSync(bad, anAuthenticExtract({ articles: [{ number: '18', paragraphs: ['ok'] }, { number: '99', paragraphs: ['x'] }] }));
    const refused = await palermo('import-instrument-text', 'untoc', bad, '--lang', 'fr');
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /nothing was written/);
    assert.match(refused.stderr, /line 12: article 99 is not an article of this instrument/);

    const good = path.join(tmp.dir, 'untoc-fr.md');
    fs.writeFileSync(good, anAuthenticExtract());
    const done = await palermo('import-instrument-text', 'untoc', good, '--lang', 'fr');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /untoc \(fr\): 2 articles imported as the authentic text \(created; treaty record updated\)/);
    assert.match(done.stdout, /not in the file, shown in English: articles 2, 3/);

    // An Akoma Ntoso act (the same command; told apart from Markdown by its content).
    const akn = path.join(tmp.dir, 'untoc-es.xml');
    fs.writeFileSync(akn, anAknExtract());
    const xml = await palermo('import-instrument-text', 'untoc', akn, '--lang', 'es');
    assert.equal(xml.code, 0, xml.stderr);
    assert.match(xml.stdout, /untoc \(es\): 2 articles imported as the authentic text/);
    const judgment = path.join(tmp.dir, 'judgment.xml');
    fs.writeFileSync(judgment, anAknExtract({ docType: 'judgment' }));
    const wrong = await palermo('import-instrument-text', 'untoc', judgment, '--lang', 'es');
    assert.equal(wrong.code, 2, wrong.stderr);
    assert.match(wrong.stderr, /line 3: <judgment> is an Akoma Ntoso <judgment> document/);

    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PALERMO_DEMO: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
    try {
      assert.equal((await getArticle(runtime.db, 'untoc', '18'))?.titles.fr, 'Entraide judiciaire');
      assert.equal((await getArticle(runtime.db, 'untoc', '18'))?.titles.es, 'Asistencia judicial recíproca');
    } finally {
      await runtime.database.close();
    }
  });
});
