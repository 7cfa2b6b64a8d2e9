/**
 * The exchange between two nodes (issue 14 §7, docs/EXCHANGE.md): two real HTTP servers, each over its
 * own database (databases bench_exch_* on PostgreSQL, dropped after), in this one process.
 * - messages per second: small messages (acknowledgements with a line of text) sent one after the
 *   other by an officer, from the first queued to the last delivered with the partner's Delivery
 *   evidence (sign, encrypt, outbox, job, HTTP, decrypt, verify, record, evidence back);
 * - a request with a 50 MB document (13 chunks of 4 MiB): time from sending to delivered, and the
 *   process's memory while it travels (RSS and heap sampled every 100 ms; both nodes are in this
 *   process, and on PGlite both databases too).
 */
import crypto from 'node:crypto';
import type { Bench } from './run.js';
import { aNode, anApprovedRequest, trust, untilMessage, type TestNode } from '../test/http/exchange-support.js';
import { sendReply, sendRequest } from '../src/modules/exchange/send-service.js';

const MESSAGES = Number(process.env.BENCH_EXCHANGE_MESSAGES ?? 100);
const DOC_MB = Number(process.env.BENCH_EXCHANGE_DOC_MB ?? 50);
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(database: 'pglite' | 'postgres', log: (m: string) => void) {
  const saved = process.env.TEST_DATABASE_URL;
  if (database === 'pglite') delete process.env.TEST_DATABASE_URL;
  process.env.PALERMO_TEST_DB_PREFIX = 'bench_exch';
  let fra: TestNode | undefined;
  let ita: TestNode | undefined;
  try {
    fra = await aNode('node-fra', 'FRA');
    ita = await aNode('node-ita', 'ITA');
    if (saved) process.env.TEST_DATABASE_URL = saved;
    await trust(fra, ita);
    await trust(ita, fra);
    const fdb = fra.server.runtime.db;
    const idb = ita.server.runtime.db;

    // A request delivered, then small answers from the partner.
    const out = await anApprovedRequest(fra, 'ITA');
    const { messageId } = await sendRequest(fdb, fra.server.runtime.config, fra.supervisor.ctx, out, fra.partnerIds['node-ita']);
    await untilMessage(fra, out, messageId, 'delivered');
    const inc = (await idb.selectFrom('exchange_messages').select('case_id').where('id', '=', messageId).executeTakeFirstOrThrow()).case_id!;
    const delivered = async () => Number((await idb.selectFrom('exchange_messages').select((eb) => eb.fn.countAll<string>().as('n')).where('direction', '=', 'out').where('state', '=', 'delivered').executeTakeFirstOrThrow()).n);
    const t0 = performance.now();
    for (let i = 0; i < MESSAGES; i++) await sendReply(idb, ita.server.runtime.config, ita.officer.ctx, inc, { kind: 'acknowledgement', text: `Acknowledged, step ${i}.` });
    const queuedMs = performance.now() - t0;
    await until(async () => (await delivered()) >= MESSAGES, 600_000);
    const allMs = performance.now() - t0;
    const small = { messages: MESSAGES, queued_in_s: +(queuedMs / 1000).toFixed(2), delivered_in_s: +(allMs / 1000).toFixed(2), messages_per_s: +(MESSAGES / (allMs / 1000)).toFixed(1) };
    log(`${database}: ${MESSAGES} small messages delivered in ${small.delivered_in_s} s (${small.messages_per_s}/s; queueing alone ${small.queued_in_s} s)`);

    // A request with a large document.
    const size = DOC_MB * 1_048_576;
    const docCase = await anApprovedRequest(fra, 'ITA', Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(size - 16), Buffer.from('\n%%EOF\n')]));
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let peakBuffers = before.arrayBuffers;
    // BENCH_EXCHANGE_GC=1 (with node --expose-gc): a full collection before each sample, so the peak is what is retained, not garbage not yet collected.
    const collect = process.env.BENCH_EXCHANGE_GC === '1' ? global.gc : undefined;
    const sampler = setInterval(() => {
      collect?.();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    }, collect ? 1000 : 100);
    const t1 = performance.now();
    const big = await sendRequest(fdb, fra.server.runtime.config, fra.supervisor.ctx, docCase, fra.partnerIds['node-ita']);
    const queued = performance.now() - t1;
    await untilMessage(fra, docCase, big.messageId, 'delivered', 1_800_000);
    const bigMs = performance.now() - t1;
    clearInterval(sampler);
    const document = { size_mb: DOC_MB, chunks: Math.ceil(size / (4 * 1_048_576)), queued_s: +(queued / 1000).toFixed(1), delivered_s: +(bigMs / 1000).toFixed(1), rss_before_mb: mb(before.rss), rss_peak_mb: mb(peakRss), heap_before_mb: mb(before.heapUsed), heap_peak_mb: mb(peakHeap), buffers_before_mb: mb(before.arrayBuffers), buffers_peak_mb: mb(peakBuffers) };
    log(`${database}: ${DOC_MB} MB document queued in ${document.queued_s} s, delivered in ${document.delivered_s} s; RSS ${document.rss_before_mb} -> peak ${document.rss_peak_mb} MB, heap ${document.heap_before_mb} -> peak ${document.heap_peak_mb} MB, buffers ${document.buffers_before_mb} -> peak ${document.buffers_peak_mb} MB`);
    return { small, document };
  } finally {
    if (saved) process.env.TEST_DATABASE_URL = saved;
    delete process.env.PALERMO_TEST_DB_PREFIX;
    await fra?.server.close();
    await ita?.server.close();
  }
}

const bench: Bench = async (ctx) => {
  const out: Record<string, unknown> = {};
  // BENCH_EXCHANGE_DATABASES=postgres (or pglite) runs one of them only.
  const only = process.env.BENCH_EXCHANGE_DATABASES?.split(',');
  for (const database of ctx.databases.filter((d) => !only || only.includes(d))) out[database] = await run(database, ctx.log);
  return out;
};
export default bench;
