import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogueProblems } from './catalogue-check.js';
import { readCatalogue } from './catalogue-files.js';
import { loadCatalogue, translator, type Catalog } from './messages.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MESSAGES_TS = pathToFileURL(fileURLToPath(new URL('./messages.ts', import.meta.url))).href;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-i18n-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = path.join(dir, 'demo.messages.ts');
const ref = { name: 'demo', dir };

/** A catalogue in the legacy TypeScript form, as other branches still write them. */
function writeLegacy(extra: { key?: string; fr?: string } = {}): void {
  const strings = (lang: string, hello: string, count: string) =>
    `  ${lang}: { hello: ${JSON.stringify(hello)}, count: ${JSON.stringify(count)}${extra.key ? `, ${extra.key}: ${JSON.stringify(`${lang} ${extra.key}`)}` : ''} },`;
  fs.writeFileSync(
    file,
    [
      `import { defineMessages } from '${MESSAGES_TS}';`,
      'export const demoStrings = defineMessages({',
      strings('en', 'Hello {name}', '{n, plural, one {# file} other {# files}}'),
      strings('fr', extra.fr ?? 'Bonjour {name}', '{n, plural, one {# fichier} many {# de fichiers} other {# fichiers}}'),
      strings('es', 'Hola {name}', '{n, plural, one {# archivo} many {# de archivos} other {# archivos}}'),
      strings('ru', 'Здравствуйте, {name}', '{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}'),
      strings('ar', 'مرحبا {name}', '{n, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}'),
      strings('zh', '{name}，您好', '{n, number} 个文件'),
      '});',
      '',
    ].join('\n'),
  );
}

function convert(...args: string[]): string {
  const run = spawnSync(process.execPath, ['scripts/i18n-convert.mjs', ...args, file], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

function readJson(lang: string): Record<string, { defaultMessage: string; description?: string }> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'messages', `demo.${lang}.json`), 'utf8'));
}

describe('scripts/i18n-convert.mjs', () => {
  it('writes the six JSON files and replaces the legacy file by its generated module', async () => {
    writeLegacy();
    const out = convert();
    assert.match(out, /2 English strings need a description \(now "TODO"\): hello, count/);
    assert.deepEqual(readJson('en').hello, { defaultMessage: 'Hello {name}', description: 'TODO' });
    assert.deepEqual(readJson('fr').hello, { defaultMessage: 'Bonjour {name}' });
    const generated = fs.readFileSync(file, 'utf8');
    assert.match(generated, /export type DemoMessageKey = \(typeof keys\)\[number\];/);
    assert.match(generated, /export const demoStrings = loadCatalogue<DemoMessageKey>\(import\.meta\.url, 'demo', keys\);/);
    assert.deepEqual(catalogueProblems(readCatalogue(ref)), ['en hello: the description is still "TODO"', 'en count: the description is still "TODO"']);

    const mod = (await import(`${pathToFileURL(file).href}?v=1`)) as { demoStrings: Catalog<'hello' | 'count'> };
    assert.equal(translator(mod.demoStrings, 'ru')('count', { n: 22 }), '22 файла');
    assert.equal(translator(mod.demoStrings, 'fr')('hello', { name: 'Ana' }), 'Bonjour Ana');
  });

  it('run again on a legacy file with new keys: adds them, keeps descriptions and the JSON strings', () => {
    const en = readJson('en');
    en.hello!.description = 'Greeting at the top of the page. {name} is the user’s display name.';
    en.count!.description = 'Number of files. {n} is the number.';
    fs.writeFileSync(path.join(dir, 'messages', 'demo.en.json'), JSON.stringify(en, null, 2));
    writeLegacy({ key: 'bye', fr: 'Salut {name}' });
    const out = convert();
    assert.match(out, /1 strings differ between the legacy file and the JSON \(JSON kept/);
    assert.match(out, /fr hello: JSON "Bonjour \{name\}", legacy "Salut \{name\}"/);
    assert.match(out, /1 English strings need a description \(now "TODO"\): bye/);
    const after = readJson('en');
    assert.deepEqual(Object.keys(after), ['hello', 'count', 'bye']);
    assert.equal(after.hello!.description, 'Greeting at the top of the page. {name} is the user’s display name.');
    assert.equal(readJson('fr').hello!.defaultMessage, 'Bonjour {name}');
    assert.equal(readJson('zh').bye!.defaultMessage, 'zh bye');
    assert.match(fs.readFileSync(file, 'utf8'), /'bye',\n\] as const;/);
    assert.deepEqual(catalogueProblems(readCatalogue(ref)), ['en bye: the description is still "TODO"']);

    writeLegacy({ key: 'bye', fr: 'Salut {name}' });
    assert.match(convert('--overwrite'), /legacy taken/);
    assert.equal(readJson('fr').hello!.defaultMessage, 'Salut {name}');
  });

  it('refuses a file that is already generated', () => {
    const run = spawnSync(process.execPath, ['scripts/i18n-convert.mjs', file], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /already converted/);
  });
});

describe('loadCatalogue', () => {
  it('refuses a key list the English file does not have (generated module out of date)', () => {
    assert.throws(() => loadCatalogue(pathToFileURL(file).href, 'demo', ['hello', 'gone']), /demo\.en\.json lacks gone: run npm run i18n/);
  });
});

describe('scripts/i18n-generate.mjs --check', () => {
  it('finds the generated modules of the repository up to date', () => {
    const run = spawnSync(process.execPath, ['scripts/i18n-generate.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
