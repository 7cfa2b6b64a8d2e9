#!/usr/bin/env node
// Part of `npm run build`: copies the JSON message catalogues (src/**/messages/*.json) to the same
// place under dist/, where the compiled catalogue modules read them at load (loadCatalogue).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
let copied = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.json') && path.basename(dir) === 'messages') {
      const target = path.join(dist, path.relative(src, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      copied++;
    }
  }
}
walk(src);
console.log(`copied ${copied} message catalogue files to dist/`);
