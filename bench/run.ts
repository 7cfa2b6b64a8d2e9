/**
 * npm run bench [-- name-fragment]: runs every bench/*.bench.ts and writes bench/results/<name>.json.
 * A bench file default-exports `async (ctx) => results` (any JSON) and may run on PGlite and on
 * PostgreSQL (ctx.databases lists what is available: TEST_DATABASE_URL or BENCH_DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchContext {
  /** "pglite" always; "postgres" when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
  databases: ('pglite' | 'postgres')[];
  log(message: string): void;
}

export type Bench = (ctx: BenchContext) => Promise<unknown>;

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();

const machine = {
  cpus: os.cpus().length,
  cpu_model: os.cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
if (!process.env.TEST_DATABASE_URL && process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
process.env.LOG_LEVEL ??= 'silent';
const ctx: BenchContext = {
  databases: process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'],
  log: (m) => console.log(`  ${m}`),
};

fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`bench ${name}`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench };
  const started = Date.now();
  const results = await mod.default(ctx);
  const out = { name, date: new Date().toISOString(), machine, duration_s: (Date.now() - started) / 1000, results };
  fs.writeFileSync(path.join(dir, 'results', `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`  -> bench/results/${name}.json`);
}
