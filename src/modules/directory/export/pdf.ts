/**
 * The PDF book: the book HTML written to a scratch file, printed by headless Chromium (the only
 * renderer at hand that shapes Arabic and lays out Chinese correctly). Caching and one build at a
 * time: book-cache.ts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { bookHtmlChunks, COUNTRY_ANCHOR, type BookOptions } from './book-html.js';
import { destinationPages, samePages } from './pdf-pages.js';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export class ChromiumMissingError extends AppError {
  constructor(where: string) {
    super(503, 'chromium-missing', `The PDF book needs Chromium, which was not found at ${where}: install it or set CHROMIUM_PATH`);
  }
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

/** Prints of the book at most: the first finds the pages, the next put them in the contents (see below). */
const MAX_PRINTS = 3;

/**
 * Write the PDF book for these options to `file` (`workDir`: scratch space for the HTML and Chromium's
 * profile). Printed once to learn on which page each country's section starts (the contents link to
 * every section, so Chromium writes a named destination for each), then again with those page
 * numbers in the contents. The contents reserve the numbers' width, so the second print keeps the
 * pages; it is checked, and printed once more should anything have moved.
 */
export async function buildBookPdf(db: Kysely<DB>, options: BookOptions, file: string, workDir: string): Promise<void> {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) throw new ChromiumMissingError(exe);
  const html = path.join(workDir, 'book.html');
  let pages: ReadonlyMap<string, number> | undefined;
  for (let print = 1; print <= MAX_PRINTS; print++) {
    await writeChunks(html, bookHtmlChunks(db, { ...options, ...(pages ? { pages } : {}) }));
    await printToPdf(html, file, workDir);
    const printed = await destinationPages(await fs.promises.readFile(file), COUNTRY_ANCHOR);
    if (!printed.size || (pages && samePages(pages, printed))) return;
    pages = printed;
  }
}
