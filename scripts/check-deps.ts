/**
 * The module rules of docs/ARCHITECTURE.md, checked over the import specifiers and the SQL of src/:
 *
 * 1. A module imports another module only through its public entry, src/modules/<m>/index.ts.
 * 2. A module does not import its own index.ts (its files import each other directly).
 * 3. Platform (src/platform) imports no module; the one exception is the DB type in
 *    platform/db/schema.ts, a type-only import of each module's tables.ts.
 * 4. No cycles between modules.
 * 5. A module's SQL names only its own tables (declared in its tables.ts) and the platform's;
 *    KNOWN_FOREIGN_TABLES would list exceptions not yet moved behind the owning module's service
 *    (none today).
 * 6. Outside the modules (src/*.ts, src/cli) only the module list (modules/index.ts), the module
 *    interface (modules/module.ts) and public entries are imported; the module list imports each
 *    module's module.ts.
 *
 * dependency-cruiser was the first choice; its versions for Node 20 (17.x) parse TypeScript with the
 * project's own `typescript` package and support it only below 7.0 (`depcruise --info`: "x typescript
 * >=2.0.0 <7.0.0"), so with TypeScript 7 it skips every .ts file. Import statements and Kysely/SQL
 * table names are regular enough here to be read with regular expressions (statements start a line;
 * comments start with // or *).
 *
 * Usage: tsx scripts/check-deps.ts [root]   (exit 1 and one line per violation)
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Violation {
  rule: 'entry' | 'own-entry' | 'platform' | 'cycle' | 'tables' | 'root' | 'stale-exception';
  file: string;
  message: string;
}

/**
 * SQL in one module that still names another module's tables: file → the foreign tables it may name.
 * Empty since every such read and write went behind the owning module's public entry; keep it so
 * (a new read is a batch function of the owner, exported by its index.ts).
 */
export const KNOWN_FOREIGN_TABLES: Readonly<Record<string, readonly string[]>> = {};

/** Cycles between modules not yet broken (sorted module names joined by ","). Shrink this list; never grow it. */
export const KNOWN_CYCLES: readonly string[] = [];

const IMPORT_RE = /^[ \t]*(?:import|export)\b(?:[^'";]*?\bfrom)?\s*['"]([^'"\n]+)['"]/gm;
const DYNAMIC_RE = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const KYSELY_TABLE_RE = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|using)\(\s*'([a-z_][a-z0-9_]*)(?:\s+as\s+[a-z_]+)?'/g;
const SQL_TABLE_RE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ANALYZE|VACUUM ANALYZE)\s+([a-z_][a-z0-9_]*)/g;
const TABLES_RE = /^\s+([a-z_][a-z0-9_]*): [A-Z][A-Za-z]*Table\b/gm;

/** Every import specifier of a source text (static, re-export, side effect, dynamic). */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) out.push(m[1]!);
  for (const m of text.matchAll(DYNAMIC_RE)) out.push(m[1]!);
  return out;
}

/** Table names a source text names in Kysely calls or in upper-case SQL keywords. */
export function tableNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(KYSELY_TABLE_RE)) out.add(m[1]!);
  for (const m of text.matchAll(SQL_TABLE_RE)) out.add(m[1]!);
  return out;
}

function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, 'src'));
  return out.sort();
}

const moduleOf = (file: string): string | undefined => /^src\/modules\/([^/]+)\//.exec(file)?.[1];

/** The file a relative specifier names ("./x.js" → "dir/x.ts" or .tsx), or undefined for packages. */
function resolve(from: string, spec: string, exists: (f: string) => boolean): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const c of [`${stem}.ts`, `${stem}.tsx`, base, `${stem}/index.ts`]) if (exists(c)) return c;
  return `${stem}.ts`;
}

/** Strongly connected components of more than one module (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/**
 * Check the tree under `root`. `overlay` replaces or adds files (path relative to root → text),
 * which is how the tests add a deliberately bad import without touching the tree.
 */
export function checkDependencies(root: string, overlay: ReadonlyMap<string, string> = new Map(), known = KNOWN_FOREIGN_TABLES, knownCycles = KNOWN_CYCLES): Violation[] {
  const files = [...new Set([...listSources(root), ...[...overlay.keys()].filter((f) => /^src\/.*\.tsx?$/.test(f))])].sort();
  const fileSet = new Set(files);
  const read = (f: string) => overlay.get(f) ?? fs.readFileSync(path.join(root, f), 'utf8');
  const violations: Violation[] = [];

  const owner = new Map<string, string>();
  for (const f of files) {
    const m = /^src\/modules\/([^/]+)\/tables\.ts$/.exec(f);
    if (m) for (const t of read(f).matchAll(TABLES_RE)) owner.set(t[1]!, m[1]!);
  }

  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const text = read(file);
    const from = moduleOf(file);
    if (from) graph.set(from, graph.get(from) ?? new Set());
    for (const spec of importSpecifiers(text)) {
      const target = resolve(file, spec, (f) => fileSet.has(f));
      if (!target || !target.startsWith('src/modules/')) continue;
      const to = moduleOf(target);
      const say = (rule: Violation['rule'], message: string) => violations.push({ rule, file, message: `${message} (imports '${spec}')` });
      if (file.startsWith('src/platform/')) {
        const allowed = file === 'src/platform/db/schema.ts' && /^src\/modules\/[^/]+\/tables\.ts$/.test(target) && /^import type /m.test(text);
        if (!allowed) say('platform', 'platform imports no module');
        continue;
      }
      if (!from) {
        const registry = file === 'src/modules/index.ts' || file === 'src/modules/module.ts';
        const ok = target === 'src/modules/index.ts' || target === 'src/modules/module.ts' || (to && target === `src/modules/${to}/index.ts`) || (registry && to && target === `src/modules/${to}/module.ts`);
        if (!ok) say('root', `only the module list, modules/module.ts and public entries are imported from outside the modules, not ${target}`);
        continue;
      }
      if (!to) continue; // src/modules/module.ts: the interface every module implements
      if (to === from) {
        if (target === `src/modules/${from}/index.ts`) say('own-entry', `a module's files import each other directly, not through their own index.ts`);
        continue;
      }
      graph.get(from)!.add(to);
      if (target !== `src/modules/${to}/index.ts`) say('entry', `module ${from} imports ${target}: import ../${to}/index.js (the public entry of ${to}) instead`);
    }

    if (from && !/\.test\.tsx?$/.test(file) && !file.endsWith('/tables.ts')) {
      const allowedHere = new Set(known[file] ?? []);
      const named = tableNames(text);
      for (const t of allowedHere) {
        if (!named.has(t)) violations.push({ rule: 'stale-exception', file, message: `no longer names table ${t}: remove it from KNOWN_FOREIGN_TABLES in scripts/check-deps.ts` });
      }
      for (const t of named) {
        const o = owner.get(t);
        if (o && o !== from && !allowedHere.has(t)) {
          violations.push({ rule: 'tables', file, message: `module ${from} names table ${t} of module ${o}: call a function of ../${o}/index.js instead` });
        }
      }
    }
  }

  for (const file of Object.keys(known)) {
    if (!fileSet.has(file)) violations.push({ rule: 'stale-exception', file, message: 'no such file: remove it from KNOWN_FOREIGN_TABLES in scripts/check-deps.ts' });
  }
  const found = cycles(graph);
  for (const k of knownCycles) {
    if (!found.some((scc) => scc.join(',') === k)) violations.push({ rule: 'stale-exception', file: `src/modules/{${k}}`, message: 'this cycle is gone: remove it from KNOWN_CYCLES in scripts/check-deps.ts' });
  }
  for (const scc of found) {
    if (knownCycles.includes(scc.join(','))) continue;
    violations.push({ rule: 'cycle', file: `src/modules/{${scc.join(',')}}`, message: `cycle between modules ${scc.join(' ↔ ')}` });
  }
  return violations;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const project = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const root = path.resolve(process.argv[2] ?? project);
  // The known exceptions are those of this project; another tree is checked without any.
  const violations = root === project ? checkDependencies(root) : checkDependencies(root, new Map(), {}, []);
  for (const v of violations) console.error(`${v.file}: [${v.rule}] ${v.message}`);
  if (violations.length) {
    console.error(`check-deps: ${violations.length} violation(s) of the module rules (docs/ARCHITECTURE.md, "Module rules")`);
    process.exit(1);
  }
  console.log('check-deps: module rules hold');
}
