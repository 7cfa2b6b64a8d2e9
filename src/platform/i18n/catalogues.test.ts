import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SRC_DIR, expectedModule, findCatalogues, modulePath, readCatalogue } from './catalogue-files.js';
import { catalogueProblems, pluralProblems } from './catalogue-check.js';
import { LANGS, type Lang } from './languages.js';

/** The catalogue files of every language, from one English map of key -> [message, description]. */
function files(strings: Partial<Record<Lang, Record<string, string>>>, descriptions: Record<string, string> = {}) {
  const out = {} as Record<Lang, Record<string, unknown>>;
  for (const lang of LANGS) {
    out[lang] = Object.fromEntries(
      Object.entries(strings[lang] ?? {}).map(([key, message]) => [
        key,
        lang === 'en' ? { defaultMessage: message, description: descriptions[key] ?? `What ${key} is` } : { defaultMessage: message },
      ]),
    );
  }
  return out;
}

const good = {
  en: { results: '{count, plural, =0 {No results} one {# result} other {# results}}', hello: 'Hello {name}' },
  fr: { results: '{count, plural, =0 {Aucun résultat} one {# résultat} many {# de résultats} other {# résultats}}', hello: 'Bonjour {name}' },
  es: { results: '{count, plural, =0 {Ningún resultado} one {# resultado} many {# de resultados} other {# resultados}}', hello: 'Hola {name}' },
  ru: { results: '{count, plural, one {# результат} few {# результата} many {# результатов} other {# результата}}', hello: 'Здравствуйте, {name}' },
  ar: { results: '{count, plural, =0 {لا نتائج} =1 {نتيجة واحدة} =2 {نتيجتان} few {# نتائج} many {# نتيجة} other {# نتيجة}}', hello: 'مرحبا {name}' },
  zh: { results: '{count, number} 个结果', hello: '{name}，您好' },
};

describe('catalogue check', () => {
  it('accepts a right catalogue (exact =N forms standing for single-number categories)', () => {
    assert.deepEqual(catalogueProblems(files(good)), []);
  });

  it('finds a placeholder a translation lost', () => {
    const problems = catalogueProblems(files({ ...good, zh: { ...good.zh, results: '个结果' } }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^zh results: placeholders \{\(none\)\} differ from English \{count\}/);
  });

  it('finds a string that does not parse', () => {
    const problems = catalogueProblems(files({ ...good, ru: { ...good.ru, hello: 'Здравствуйте, {name' } }));
    assert.ok(problems.some((p) => p.startsWith('ru hello: not valid ICU MessageFormat')), problems.join('\n'));
  });

  it('finds plural categories a language needs and categories it does not have', () => {
    const ar = '{count, plural, one {نتيجة واحدة} other {# نتيجة}}';
    const problems = catalogueProblems(files({ ...good, ar: { ...good.ar, results: ar }, ru: { ...good.ru, results: '{count, plural, one {# результат} two {# результата} few {# результата} many {# результатов} other {# результата}}' } }));
    for (const category of ['zero', 'two', 'few', 'many']) assert.ok(problems.some((p) => p.includes(`lacks the ar plural category "${category}"`)), category);
    assert.ok(problems.some((p) => p.includes('"two" is not a cardinal plural category of ru')));
    // French "many" (1,000,000 de résultats), reached only by millions.
    assert.deepEqual(pluralProblems('fr', 'cardinal', ['one', 'other']), ['lacks the fr plural category "many" (e.g. 1000000, 2000000, 10000000)']);
    assert.deepEqual(pluralProblems('zh', 'cardinal', ['=0', 'other']), []);
    assert.deepEqual(pluralProblems('en', 'cardinal', ['one']), ['lacks the en plural category "other" (e.g. 0, 2, 3)']);
  });

  it('requires a plural where English has one, in languages with plural forms', () => {
    const problems = catalogueProblems(files({ ...good, fr: { ...good.fr, results: '{count, number} résultat(s)' } }));
    assert.deepEqual(problems, ['fr results: English uses {count, plural}, this language needs one too (one, many, other)']);
  });

  it('requires the same select options as English', () => {
    const en = { state: '{state, select, draft {Draft} published {Published} other {Other}}' };
    const problems = catalogueProblems(
      files({ en, fr: { state: '{state, select, draft {Brouillon} other {Autre}}' }, es: en, ru: en, ar: en, zh: en }),
    );
    assert.deepEqual(problems, ['fr state: select {state} has options draft, other, English draft, other, published']);
  });

  it('finds missing and extra keys, and English strings without a real description', () => {
    const f = files({ ...good, es: { hello: 'Hola {name}', extra: 'Más' } }, { hello: 'TODO', results: ' ' });
    const problems = catalogueProblems(f);
    assert.ok(problems.includes('es results: missing (English has it)'));
    assert.ok(problems.includes('es extra: extra key (not in English)'));
    assert.ok(problems.includes('en hello: the description is still "TODO"'));
    assert.ok(problems.includes('en results: no description for translators'));
  });
});

const catalogues = findCatalogues();

describe('message catalogues (src/**/messages/*.json)', () => {
  it('are found under src (messages/<name>.en.json)', () => {
    assert.ok(catalogues.length > 0);
  });

  for (const ref of catalogues) {
    const rel = path.relative(SRC_DIR, path.join(ref.dir, 'messages', `${ref.name}.*.json`));
    it(`${rel}: every key in the six languages, described, valid ICU, same placeholders, plural forms complete`, () => {
      const problems = catalogueProblems(readCatalogue(ref));
      assert.equal(problems.length, 0, `${problems.length} problems in ${rel}:\n${problems.join('\n')}`);
    });

    it(`${path.relative(SRC_DIR, modulePath(ref))} is generated from the current JSON (npm run i18n)`, () => {
      const file = modulePath(ref);
      assert.ok(fs.existsSync(file), `${file} is missing: run npm run i18n`);
      assert.equal(fs.readFileSync(file, 'utf8'), expectedModule(ref), 'out of date: run npm run i18n');
    });
  }

  it('no catalogue is left in the legacy defineMessages form (node scripts/i18n-convert.mjs <file>)', () => {
    const legacy: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.messages.ts') && /=\s*defineMessages\s*\(/.test(fs.readFileSync(full, 'utf8'))) legacy.push(path.relative(SRC_DIR, full));
      }
    };
    walk(SRC_DIR);
    assert.deepEqual(legacy, []);
  });
});
