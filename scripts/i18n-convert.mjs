#!/usr/bin/env node
// Converts legacy catalogues (`<dir>/<name>.messages.ts` calling defineMessages({ en: {...}, ... }))
// into the JSON catalogues <dir>/messages/<name>.<lang>.json, then replaces the .ts file by its
// generated module (as `npm run i18n` writes it). Safe to run again on a file that a merge brought
// back in the legacy form, e.g. with keys another branch added:
//   - keys missing from the JSON are added; a new English string gets "description": "TODO",
//     which `npm test` refuses until someone writes a real description;
//   - existing descriptions are kept;
//   - where a legacy string differs from the JSON, the JSON is kept and the difference is printed
//     (pass --overwrite to take the legacy strings instead);
//   - keys only in the JSON are kept and listed.
// Usage: node scripts/i18n-convert.mjs [--overwrite] <file.messages.ts>...
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);
const overwrite = args.includes('--overwrite');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: node scripts/i18n-convert.mjs [--overwrite] <dir/name.messages.ts>...');
  process.exit(2);
}

const lib = await tsImport('../src/platform/i18n/catalogue-files.ts', import.meta.url);
const { LANGS } = await tsImport('../src/platform/i18n/languages.ts', import.meta.url);
const { TODO_DESCRIPTION } = await tsImport('../src/platform/i18n/catalogue-check.ts', import.meta.url);

/** Keys in `primary` order; keys only in `secondary` follow the key they followed there. */
function mergeOrder(primary, secondary) {
  const out = [...primary];
  let after = null;
  for (const key of secondary) {
    if (!out.includes(key)) {
      const at = after === null ? 0 : out.indexOf(after) + 1;
      out.splice(at, 0, key);
    }
    after = key;
  }
  return out;
}

let failed = false;
for (const arg of files) {
  const file = path.resolve(arg);
  const m = /^(.+)\.messages\.ts$/.exec(path.basename(file));
  if (!m || !fs.existsSync(file)) {
    console.error(`${arg}: not an existing <name>.messages.ts file`);
    failed = true;
    continue;
  }
  const source = fs.readFileSync(file, 'utf8');
  const exported = /export const (\w+)\s*(?::[^=]+)?=\s*defineMessages\s*\(/.exec(source);
  if (!exported) {
    console.error(`${arg}: no "export const x = defineMessages(" (already converted? then edit the JSON files)`);
    failed = true;
    continue;
  }
  const name = exported[1];
  const legacy = (await tsImport(file, import.meta.url))[name];
  const ref = { name: m[1], dir: path.dirname(file) };
  const json = lib.readCatalogue(ref);
  const report = { added: [], todo: [], differ: [], jsonOnly: new Set() };

  for (const lang of LANGS) {
    const strings = legacy[lang] ?? {};
    const existing = json[lang];
    const keys = mergeOrder(Object.keys(legacy.en), Object.keys(existing));
    const out = {};
    for (const key of keys) {
      const have = existing[key];
      const legacyMessage = strings[key];
      if (legacyMessage === undefined) {
        if (have !== undefined) {
          out[key] = have;
          if (!(key in legacy.en)) report.jsonOnly.add(key);
        }
        continue;
      }
      const entry = { defaultMessage: legacyMessage };
      if (have && typeof have === 'object') {
        if (have.defaultMessage !== legacyMessage) {
          if (!overwrite) entry.defaultMessage = have.defaultMessage;
          report.differ.push(`${lang} ${key}: JSON ${JSON.stringify(have.defaultMessage)}, legacy ${JSON.stringify(legacyMessage)}`);
        }
        if (have.description !== undefined) entry.description = have.description;
      } else report.added.push(`${lang} ${key}`);
      if (lang === 'en' && !entry.description) {
        entry.description = TODO_DESCRIPTION;
        report.todo.push(key);
      }
      out[key] = entry;
    }
    lib.writeJson(lib.jsonPath(ref, lang), out);
  }
  fs.writeFileSync(file, lib.renderModule(ref, Object.keys(lib.readCatalogue(ref).en), name));
  const rel = path.relative(process.cwd(), file);
  console.log(`${rel}: ${report.added.length} strings added to messages/${ref.name}.<lang>.json, generated module written`);
  if (report.differ.length) {
    console.log(`  ${report.differ.length} strings differ between the legacy file and the JSON (${overwrite ? 'legacy taken' : 'JSON kept; --overwrite takes the legacy'}):`);
    for (const d of report.differ) console.log(`    ${d}`);
  }
  if (report.jsonOnly.size) console.log(`  kept ${report.jsonOnly.size} keys that only the JSON has: ${[...report.jsonOnly].join(', ')}`);
  if (report.todo.length) console.log(`  ${report.todo.length} English strings need a description (now "TODO"): ${report.todo.join(', ')}`);
}
process.exit(failed ? 1 : 0);
