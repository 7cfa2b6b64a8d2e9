/**
 * Sign-in cost: latency of one sign-in over real HTTP (argon2id included), then throughput with 50
 * concurrent clients, on PGlite and on PostgreSQL when available. Bounded in count; loopback only.
 */
import type { Bench } from './run.js';
import { performance } from 'node:perf_hooks';
import { startTestServer, type TestServer } from '../test/helpers/server.js';
import { Client, PASSWORD, csrfOf } from '../test/http/accounts-support.js';
import { hashPassword } from '../src/modules/accounts/domain/passwords.js';

const USERS = 50;
const SEQUENTIAL = 40;
const PER_CLIENT = 8;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, mean_ms: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1), p50_ms: +at(0.5).toFixed(1), p95_ms: +at(0.95).toFixed(1), max_ms: +s[s.length - 1]!.toFixed(1) };
}

async function seed(server: TestServer): Promise<string[]> {
  const hash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: USERS }, (_, i) => `bench${i}@example.org`);
  await server.runtime.db
    .insertInto('users')
    .values(emails.map((email) => ({ email, email_normalized: email, display_name: email, lang: 'en' as const, password_hash: hash, email_verified_at: new Date() })))
    .execute();
  return emails;
}

/** One sign-in as a browser does it: the form (CSRF token), then the POST; timed on the POST. */
async function signInOnce(server: TestServer, email: string): Promise<number> {
  const c = new Client(server);
  const csrf = csrfOf(await (await c.get('/en/sign-in')).text());
  const t0 = performance.now();
  const res = await c.post('/en/sign-in', { _csrf: csrf, email, password: PASSWORD });
  const ms = performance.now() - t0;
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  await res.arrayBuffer();
  return ms;
}

async function run(db: 'pglite' | 'postgres', log: (m: string) => void) {
  const saved = process.env.TEST_DATABASE_URL;
  if (db === 'pglite') delete process.env.TEST_DATABASE_URL;
  const server = await startTestServer({ rateLimitPerMinute: 1_000_000, signinMaxFailures: 1_000_000 });
  if (saved) process.env.TEST_DATABASE_URL = saved;
  try {
    const emails = await seed(server);
    const h0 = performance.now();
    for (let i = 0; i < 10; i++) await hashPassword(PASSWORD);
    const argon2 = +((performance.now() - h0) / 10).toFixed(1);
    await signInOnce(server, emails[0]!); // warm-up
    const seq: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) seq.push(await signInOnce(server, emails[i % USERS]!));
    const latency = stats(seq);
    log(`${db}: argon2id hash ${argon2} ms; sign-in p50 ${latency.p50_ms} ms, p95 ${latency.p95_ms} ms`);
    const loaded: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      emails.map(async (email) => {
        for (let i = 0; i < PER_CLIENT; i++) loaded.push(await signInOnce(server, email));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const underLoad = stats(loaded);
    const perSecond = +(loaded.length / seconds).toFixed(1);
    log(`${db}: 50 concurrent clients: ${perSecond} sign-ins/s, p50 ${underLoad.p50_ms} ms, p95 ${underLoad.p95_ms} ms`);
    return { argon2id_hash_ms: argon2, sequential: latency, concurrent_50: { ...underLoad, sign_ins_per_second: perSecond, total: loaded.length, seconds: +seconds.toFixed(1) } };
  } finally {
    await server.close();
  }
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = { argon2: 'argon2id m=19456 KiB, t=2, p=1 (@node-rs/argon2, libuv thread pool)' };
  for (const db of ctx.databases) out[db] = await run(db, ctx.log);
  return out;
};
export default bench;
