/** A real Palermo HTTP server on a free port over a fresh test database. */
import type { App } from '../../src/platform/http/app.js';
import { createApp } from '../../src/server.js';
import type { Config } from '../../src/config.js';
import { createTestRuntime, type TestRuntime } from './db.js';

export interface TestServer {
  url: string;
  app: App;
  runtime: TestRuntime;
  /** fetch() relative to the server. */
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** As `serve` does: the HTTP app and the job workers. */
export async function startTestServer(overrides: Partial<Config> = {}, runtime?: TestRuntime): Promise<TestServer> {
  const rt = runtime ?? (await createTestRuntime({ rateLimitPerMinute: 100_000, ...overrides }));
  const app = await createApp(rt);
  await app.listen({ port: 0, host: '127.0.0.1' });
  await rt.jobs.startWorkers();
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    runtime: rt,
    get: (path, init) => fetch(`${url}${path}`, { redirect: 'manual', ...init }),
    async close() {
      await app.close();
      await rt.jobs.stopWorkers();
      await rt.close();
    },
  };
}
