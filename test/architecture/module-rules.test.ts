/** The module rules checked by scripts/check-deps.ts (run by `npm test` before the tests): the tree holds them, and each kind of breach is caught. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDependencies, importSpecifiers, tableNames, type Violation } from '../../scripts/check-deps.js';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/check-deps.ts');
const withFiles = (files: Record<string, string>) => checkDependencies(root, new Map(Object.entries(files)));
const rules = (vs: Violation[]) => vs.map((v) => `${v.rule} ${v.file}`);

test('the tree holds the module rules', () => {
  assert.deepEqual(checkDependencies(root), []);
});

test('a module importing another module past its index.ts is refused', () => {
  const vs = withFiles({ 'src/modules/portal/bad.ts': "import { loadEntryDocuments } from '../knowledge/repository/read.js';\n" });
  assert.deepEqual(rules(vs), ['entry src/modules/portal/bad.ts']);
  assert.match(vs[0]!.message, /knowledge\/index\.js/);
  // A type-only import of another module's internals is refused as well.
  assert.deepEqual(rules(withFiles({ 'src/modules/portal/bad.ts': "import type {\n  EntryRows,\n} from '../knowledge/repository/rows.js';\n" })), ['entry src/modules/portal/bad.ts']);
});

test('platform importing a module is refused', () => {
  assert.deepEqual(rules(withFiles({ 'src/platform/bad.ts': "export { getEntry } from '../modules/knowledge/index.js';\n" })), ['platform src/platform/bad.ts']);
});

test('a module importing its own index.ts is refused', () => {
  assert.deepEqual(rules(withFiles({ 'src/modules/search/bad.ts': "import { indexChanges } from './index.js';\n" })), ['own-entry src/modules/search/bad.ts']);
});

test('a cycle between modules is refused', () => {
  // workflow imports access, audit and accounts, which import access; accounts imports reference, which imports access
  // and audit (the import of authentic texts is audited); access importing workflow closes a cycle through them all.
  const vs = withFiles({ 'src/modules/access/bad.ts': "const m = await import('../workflow/index.js');\nexport default m;\n" });
  assert.deepEqual(rules(vs), ['cycle src/modules/{access,accounts,audit,reference,workflow}']);
});

test("SQL naming another module's table is refused", () => {
  const vs = withFiles({
    'src/modules/portal/bad-repository.ts': "export const q = (db: any) => db.selectFrom('users as u').select('u.id');\nexport const r = sql`SELECT 1 FROM audit_events`;\n",
  });
  assert.deepEqual(rules(vs).sort(), ['tables src/modules/portal/bad-repository.ts', 'tables src/modules/portal/bad-repository.ts']);
  assert.deepEqual(vs.map((v) => /table (\w+)/.exec(v.message)?.[1]).sort(), ['audit_events', 'users']);
});

test('a listed exception that no longer holds is refused (the list only shrinks)', () => {
  const known = { 'src/modules/portal/gone.ts': ['users'], 'src/modules/portal/bad-repository.ts': ['users', 'audit_events'] };
  const vs = checkDependencies(root, new Map([['src/modules/portal/bad-repository.ts', "export const q = (db: any) => db.selectFrom('users as u').select('u.id');\n"]]), known);
  assert.deepEqual(rules(vs).sort(), ['stale-exception src/modules/portal/bad-repository.ts', 'stale-exception src/modules/portal/gone.ts']);
  assert.match(vs.find((v) => v.file.endsWith('bad-repository.ts'))!.message, /audit_events/);
});

test('import specifiers: multi-line lists, re-exports, side effects and dynamic imports; comments are not imports', () => {
  const text = [
    "import {\n  a,\n  type B,\n} from './a.js';",
    "import type { C } from '../c.js';",
    "export * from './d.js';",
    "export { e } from './e.js';",
    "import './f.js';",
    "const g = await import('./g.js');",
    " * import { h } from './h.js';",
    "// import { i } from './i.js';",
    "const s = 'import x from y';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(text), ['./a.js', '../c.js', './d.js', './e.js', './f.js', './g.js']);
  assert.deepEqual([...tableNames("db.insertInto('outbox').values(x); sql`UPDATE sessions SET x = 1 WHERE id IN (SELECT id FROM users)`; // rows from the table")].sort(), ['outbox', 'sessions', 'users']);
});

test('the command exits 1 and names the file on a deliberately bad import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-deps-'));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('src/modules/a/index.ts', "export { x } from './x.js';\n");
    write('src/modules/a/x.ts', 'export const x = 1;\n');
    write('src/modules/b/y.ts', "import { x } from '../a/x.js';\nexport const y = x;\n");
    const bad = spawnSync(process.execPath, ['--import', 'tsx', script, dir], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /src\/modules\/b\/y\.ts: \[entry\]/);
    write('src/modules/b/y.ts', "import { x } from '../a/index.js';\nexport const y = x;\n");
    const good = spawnSync(process.execPath, ['--import', 'tsx', script, dir], { encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
