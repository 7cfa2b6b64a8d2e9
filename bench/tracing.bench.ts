/**
 * Cost of tracing on a request (issue 11): BENCH_TRACING_REQUESTS sequential page requests over
 * real HTTP (a search page: a request span, a search span and a dozen query spans each), with
 * tracing off, on (spans batched to a local OTLP/HTTP receiver on 127.0.0.1 that accepts and drops
 * them), and off again. Reports the median and p95 per request, the process's CPU time per request
 * and the machine's load average.
 * PGlite only (the spans made do not depend on the database).
 */
import http from 'node:http';
import os from 'node:os';
import type { Bench } from './run.js';
import { createTestRuntime } from '../test/helpers/db.js';
import { aLaw } from '../test/factories/knowledge.js';
import { saveRecords } from '../src/modules/knowledge/service.js';
import { createApp } from '../src/server.js';
import { startTracing } from '../src/platform/tracing.js';

const REQUESTS = Number(process.env.BENCH_TRACING_REQUESTS ?? 400);
const PATH = '/en/search?q=convention';

function quantiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { median_ms: at(0.5), p95_ms: at(0.95) };
}

const bench: Bench = async (ctx) => {
  let spansReceived = 0;
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      spansReceived += (Buffer.concat(chunks).toString().match(/"spanId"/g) ?? []).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/v1/traces`;
  const rt = await createTestRuntime({ rateLimitPerMinute: 1_000_000 });
  const out: Record<string, unknown> = { requests: REQUESTS, path: PATH, load_before: os.loadavg().map((l) => Math.round(l * 100) / 100) };
  try {
    await saveRecords(rt.db, Array.from({ length: 20 }, () => aLaw()), { origin: 'import' });
    const run = async (label: string, url: string) => {
      for (let i = 0; i < 30; i++) await (await fetch(url)).text(); // warm-up
      const ms: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        const res = await fetch(url);
        await res.text();
        if (res.status !== 200) throw new Error(`${label}: status ${res.status}`);
        ms.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      // CPU of the whole process (client, server, PGlite worker thread) per request: steadier than wall time on a loaded machine.
      out[label] = { ...quantiles(ms), cpu_ms_per_request: Math.round(((used.user + used.system) / 1000 / REQUESTS) * 100) / 100 };
      ctx.log(`${label}: ${JSON.stringify(out[label])}`);
    };
    // An app built while tracing is off has no request hooks; one built while it is on keeps them.
    const plain = await createApp(rt);
    await plain.listen({ port: 0, host: '127.0.0.1' });
    const plainUrl = `http://127.0.0.1:${(plain.server.address() as { port: number }).port}${PATH}`;
    await run('warm_up', plainUrl); // discarded: the first requests pay for compilation and caches
    const building = startTracing({ url: receiverUrl, serviceName: 'palermo-bench' });
    const traced = await createApp(rt);
    await building.shutdown();
    await traced.listen({ port: 0, host: '127.0.0.1' });
    const tracedUrl = `http://127.0.0.1:${(traced.server.address() as { port: number }).port}${PATH}`;
    // Alternated, so that drift in the machine's load weighs on both.
    for (const round of [1, 2]) {
      await run(`off_${round}`, plainUrl);
      const tracing = startTracing({ url: receiverUrl, serviceName: 'palermo-bench' });
      await run(`on_${round}`, tracedUrl);
      await tracing.shutdown();
    }
    await traced.close();
    await plain.close();
    out.spans_received = spansReceived;
    out.spans_per_request = Math.round((spansReceived / (2 * (REQUESTS + 30))) * 10) / 10;
    out.load_after = os.loadavg().map((l) => Math.round(l * 100) / 100);
  } finally {
    await rt.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
  return out;
};

export default bench;
