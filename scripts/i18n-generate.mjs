#!/usr/bin/env node
// Regenerates each catalogue's TypeScript module (<dir>/<name>.messages.ts: its key list, key union
// type and loader call) from its English JSON file <dir>/messages/<name>.en.json.
// Usage: npm run i18n            write the modules that are out of date
//        npm run i18n -- --check list them and exit 1 instead of writing
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const check = process.argv.includes('--check');
const { findCatalogues, expectedModule, modulePath } = await tsImport('../src/platform/i18n/catalogue-files.ts', import.meta.url);

let stale = 0;
for (const ref of findCatalogues()) {
  const file = modulePath(ref);
  const want = expectedModule(ref);
  const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (have === want) continue;
  stale++;
  const rel = path.relative(process.cwd(), file);
  if (check) console.error(`out of date: ${rel}`);
  else {
    fs.writeFileSync(file, want);
    console.log(`wrote ${rel}`);
  }
}
if (check && stale) {
  console.error('run npm run i18n');
  process.exit(1);
}
if (!stale) console.log('the catalogue modules are up to date');
