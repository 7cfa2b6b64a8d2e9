/**
 * Worker thread that owns the embedded PGlite database and serves it over the
 * PostgreSQL wire protocol on a private Unix socket. The HTTP event loop never
 * runs database work; it talks to this thread through node-postgres like any server.
 *
 * Messages: parent -> worker { type: 'close' } | { type: 'dump', file } | { type: 'copy', id, sql, data };
 * worker -> parent { type: 'ready' } | { type: 'error', message } | { type: 'closed' } | { type: 'dumped' }
 * | { type: 'copied', id, rows } | { type: 'copy-failed', id, message, code }.
 *
 * 'copy' runs `COPY … FROM '/dev/blob'` on PGlite itself, with `data` as the blob. pglite-socket holds
 * PGlite's lock for one protocol message at a time, not for a connection, so this runs in the session's
 * current state: inside the transaction the (single) socket connection has open while it awaits the reply.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface WorkerInput {
  /** "memory://" or an absolute directory. */
  dataDir: string;
  /** Unix socket path ending in /.s.PGSQL.<port>. */
  socketPath: string;
  /** A data directory dumped earlier (uncompressed tar) to start from instead of a new cluster. */
  loadDataDir?: string;
}

const input = workerData as WorkerInput;
const port = parentPort!;

async function main(): Promise<void> {
  const loadDataDir = input.loadDataDir ? new Blob([fs.readFileSync(input.loadDataDir)]) : undefined;
  const db = await PGlite.create(input.dataDir, { extensions: { pg_trgm, unaccent }, ...(loadDataDir ? { loadDataDir } : {}) });
  // One client connection at a time: the multiplexer of pglite-socket interleaves the
  // messages of concurrent extended-protocol queries, which would break isolation.
  const server = new PGLiteSocketServer({ db, path: input.socketPath, maxConnections: 1 });
  await server.start();
  port.on('message', async (message: { type: string; file?: string; id?: number; sql?: string; data?: Uint8Array<ArrayBuffer> }) => {
    if (message.type === 'copy' && message.sql && message.data) {
      try {
        const result = await db.query(message.sql, [], { blob: new Blob([message.data]) });
        port.postMessage({ type: 'copied', id: message.id, rows: result.affectedRows ?? 0 });
      } catch (err) {
        port.postMessage({ type: 'copy-failed', id: message.id, message: err instanceof Error ? err.message : String(err), code: (err as { code?: unknown }).code });
      }
      return;
    }
    if (message.type === 'dump' && message.file) {
      try {
        const blob = await db.dumpDataDir('none');
        fs.writeFileSync(message.file, Buffer.from(await blob.arrayBuffer()));
        port.postMessage({ type: 'dumped' });
      } catch (err) {
        port.postMessage({ type: 'error', message: String(err) });
      }
      return;
    }
    if (message.type !== 'close') return;
    try {
      await server.stop();
      await db.close();
      port.postMessage({ type: 'closed' });
    } catch (err) {
      port.postMessage({ type: 'error', message: String(err) });
    }
  });
  port.postMessage({ type: 'ready' });
}

main().catch((err: unknown) => {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
});
