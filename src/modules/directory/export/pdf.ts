/**
 * The PDF book: the book HTML written to a temporary file, printed by headless Chromium
 * (the only renderer at hand that shapes Arabic and lays out Chinese correctly). One rendering at a
 * time; finished books are cached on disk by language, edition and directory version.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { directoryVersion } from '../repository.js';
import { bookHtmlChunks, type BookOptions } from './book-html.js';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export class ChromiumMissingError extends AppError {
  constructor(where: string) {
    super(503, 'chromium-missing', `The PDF book needs Chromium, which was not found at ${where}: install it or set CHROMIUM_PATH`);
  }
}

const CACHE_DIR = path.join(os.tmpdir(), 'palermo-directory-books');
const KEEP = 12;
let queue: Promise<unknown> = Promise.resolve();

/** Run jobs one after the other (Chromium is heavy; a second request waits for the first). */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

async function writeChunks(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const out = fs.createWriteStream(file);
  try {
    for await (const c of chunks) if (!out.write(c)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    throw err;
  }
}

/** Print an HTML file to PDF with headless Chromium. */
export async function printToPdf(htmlFile: string, pdfFile: string, workDir: string, timeoutMs = 10 * 60_000): Promise<void> {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) throw new ChromiumMissingError(exe);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-pdf-header-footer',
    `--user-data-dir=${path.join(workDir, 'profile')}`,
    `--print-to-pdf=${pdfFile}`,
    `file://${htmlFile}`,
  ];
  const child = spawn(exe, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0 || !fs.existsSync(pdfFile)) throw new Error(`Chromium could not print the book (exit ${code}): ${stderr.slice(0, 500)}`);
}

/** The path of the PDF book for these options (rendered now, or taken from the cache). */
export async function bookPdf(db: Kysely<DB>, options: BookOptions): Promise<string> {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) throw new ChromiumMissingError(exe);
  const version = await directoryVersion(db);
  const key = crypto.createHash('sha256').update(JSON.stringify([options.lang, options.viewer.restricted, options.site, version, new Date().toISOString().slice(0, 10)])).digest('hex').slice(0, 24);
  const target = path.join(CACHE_DIR, `${key}.pdf`);
  if (fs.existsSync(target)) return target;
  return serial(async () => {
    if (fs.existsSync(target)) return target;
    await fs.promises.mkdir(CACHE_DIR, { recursive: true, mode: 0o700 });
    const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'palermo-book-'));
    try {
      const html = path.join(work, 'book.html');
      await writeChunks(html, bookHtmlChunks(db, options));
      const pdf = path.join(work, 'book.pdf');
      await printToPdf(html, pdf, work);
      await fs.promises.rename(pdf, target).catch(async () => {
        await fs.promises.copyFile(pdf, target);
      });
      await pruneCache();
      return target;
    } finally {
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  });
}

async function pruneCache(): Promise<void> {
  const files = await fs.promises.readdir(CACHE_DIR).catch(() => [] as string[]);
  const stats = await Promise.all(files.map(async (f) => ({ f, t: (await fs.promises.stat(path.join(CACHE_DIR, f))).mtimeMs })));
  for (const { f } of stats.sort((a, b) => b.t - a.t).slice(KEEP)) await fs.promises.rm(path.join(CACHE_DIR, f), { force: true });
}
