import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedPostgres {
  /** Directory holding the Unix socket (node-postgres "host"). */
  socketDir: string;
  port: number;
  /** Write the whole data directory to `file` (an uncompressed tar PGlite can start from). */
  dumpDataDir(file: string): Promise<void>;
  /**
   * Run `copySql` (a `COPY … FROM '/dev/blob'`) on PGlite itself with `data` as the blob (handed over,
   * not copied: the caller must not use it again); resolves with the rows loaded. It runs in the
   * session's current state, i.e. inside the transaction the socket connection has open.
   */
  copyFromBlob(copySql: string, data: Uint8Array): Promise<number>;
  stop(): Promise<void>;
}

const SOCKET_PORT = 5432;

function workerUrl(): URL {
  // Under tsx the sources are .ts; once built they are .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./pglite-worker${ext}`, import.meta.url);
}

/**
 * Start PGlite in a worker thread behind the Postgres wire protocol.
 * @param dataDir an absolute directory for a file-backed database, or "memory://".
 * @param loadDataDir a tar written by dumpDataDir to start from (tests copy one migrated database).
 */
export async function startEmbeddedPostgres(dataDir: string, loadDataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir !== 'memory://') fs.mkdirSync(dataDir, { recursive: true });
  // A short private directory: Unix socket paths are limited to ~107 bytes.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-pg-'));
  fs.chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  const url = workerUrl();
  const workerData = { dataDir, socketPath, ...(loadDataDir ? { loadDataDir } : {}) };
  // Running from sources (tsx), the worker registers the TypeScript loader before loading the module.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, workerData },
      )
    : new Worker(url, { workerData });

  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { type: string; message?: string }) => {
      if (m.type === 'ready') {
        cleanup();
        resolve();
      } else if (m.type === 'error') {
        cleanup();
        reject(new Error(`embedded database failed to start: ${m.message}`));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`embedded database worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });

  let stopped: Promise<void> | undefined;
  let copies = 0;
  return {
    socketDir,
    port: SOCKET_PORT,
    dumpDataDir(file: string) {
      return new Promise<void>((resolve, reject) => {
        const onMessage = (m: { type: string; message?: string }) => {
          if (m.type !== 'dumped' && m.type !== 'error') return;
          worker.off('message', onMessage);
          if (m.type === 'error') reject(new Error(`embedded database dump failed: ${m.message}`));
          else resolve();
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'dump', file });
      });
    },
    copyFromBlob(copySql: string, data: Uint8Array) {
      const id = ++copies;
      return new Promise<number>((resolve, reject) => {
        const onMessage = (m: { type: string; id?: number; rows?: number; message?: string; code?: string }) => {
          if (m.id !== id || (m.type !== 'copied' && m.type !== 'copy-failed')) return;
          worker.off('message', onMessage);
          if (m.type === 'copied') resolve(m.rows ?? 0);
          else reject(Object.assign(new Error(m.message), { code: m.code }));
        };
        worker.on('message', onMessage);
        worker.postMessage({ type: 'copy', id, sql: copySql, data }, [data.buffer as ArrayBuffer]);
      });
    },
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('embedded database did not close within 30 s')), 30_000);
        worker.on('message', (m: { type: string; message?: string }) => {
          if (m.type === 'closed' || m.type === 'error') {
            clearTimeout(timer);
            void worker.terminate().then(() => {
              fs.rmSync(socketDir, { recursive: true, force: true });
              if (m.type === 'error') reject(new Error(`embedded database close failed: ${m.message}`));
              else resolve();
            });
          }
        });
        worker.postMessage({ type: 'close' });
      });
      return stopped;
    },
  };
}
