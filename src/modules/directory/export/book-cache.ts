/**
 * The books' file cache: each book (format, language, edition, site, directory version) is built once
 * and kept under DATA_DIR/cache/books — the installation's own directory, never the system temporary
 * directory shared with other installations on the machine. Per node:
 *  - single flight: requests for a book being built wait for that build instead of starting another;
 *  - one build at a time (Chromium and docx are heavy): a flood of requests for different books
 *    queues, so generation can never be triggered faster than it completes;
 *  - a build writes a temporary file and renames it into place, so a reader never sees half a book;
 *  - the newest books are kept (KEEP), older ones deleted.
 * With several app nodes each node keeps its own cache (the key holds the directory version, read
 * from the database, so a change on any node makes every node build the new book on next request).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEEP = 24;

let builds = 0;
/** Number of books built by this process (tests: concurrent requests build once). */
export function bookBuildCount(): number {
  return builds;
}

export interface BookKey {
  format: 'pdf' | 'docx';
  lang: string;
  restricted: boolean;
  site: string;
  version: string;
  /** The day the book is dated (its cover says "generated on"). */
  day: string;
}

const inflight = new Map<string, Promise<string>>();
let queue: Promise<unknown> = Promise.resolve();

/** Run builds one after the other in this process. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** The cache directory of an installation: DATA_DIR/cache/books. */
export function bookCacheDir(dataDir: string): string {
  return path.resolve(dataDir, 'cache', 'books');
}

export function bookFileName(key: BookKey): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify([key.format, key.lang, key.restricted, key.site, key.version, key.day])).digest('hex').slice(0, 32);
  return `${key.restricted ? 'restricted' : 'public'}-${key.lang}-${hash}.${key.format}`;
}

/**
 * The path of the book for this key: from the cache, or built now by `build(file, workDir)` (which
 * writes the book to `file`; `workDir` is a private scratch directory under the cache, removed after).
 */
export async function cachedBook(dir: string, key: BookKey, build: (file: string, workDir: string) => Promise<void>): Promise<string> {
  const target = path.join(dir, bookFileName(key));
  if (fs.existsSync(target)) return target;
  const running = inflight.get(target);
  if (running) return running;
  const job = serial(async () => {
    if (fs.existsSync(target)) return target;
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    const work = await fs.promises.mkdtemp(path.join(dir, 'build-'));
    try {
      const tmp = path.join(work, `book.${key.format}`);
      builds++;
      await build(tmp, work);
      await fs.promises.rename(tmp, target);
      await prune(dir);
      return target;
    } finally {
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }).finally(() => inflight.delete(target));
  inflight.set(target, job);
  return job;
}

async function prune(dir: string): Promise<void> {
  const files = (await fs.promises.readdir(dir).catch(() => [] as string[])).filter((f) => /\.(pdf|docx)$/.test(f));
  const stats = await Promise.all(files.map(async (f) => ({ f, t: (await fs.promises.stat(path.join(dir, f)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
  for (const { f } of stats.sort((a, b) => b.t - a.t).slice(KEEP)) await fs.promises.rm(path.join(dir, f), { force: true });
}
