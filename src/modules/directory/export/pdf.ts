/**
 * The PDF book: the book HTML written to a scratch file, printed by headless Chromium (the only
 * renderer at hand that shapes Arabic and lays out Chinese correctly; one browser per process,
 * platform/pdf/chromium.ts). Caching and one build at a time: book-cache.ts.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { chromiumPath, ChromiumNotFoundError, pdfBrowser } from '../../../platform/pdf/chromium.js';
import { bookHtmlChunks, COUNTRY_ANCHOR, type BookOptions } from './book-html.js';
import { destinationPages, samePages } from './pdf-pages.js';

export { chromiumPath };

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

/**
 * Print an HTML file to PDF with the process's long-lived headless Chromium (platform/pdf): a page
 * of its own, closed after. `workDir` is kept for the callers' scratch files.
 */
export async function printToPdf(htmlFile: string, pdfFile: string, _workDir: string, timeoutMs = 10 * 60_000): Promise<void> {
  try {
    await pdfBrowser.printFile(htmlFile, pdfFile, { timeoutMs });
  } catch (err) {
    if (err instanceof ChromiumNotFoundError) throw new ChromiumMissingError(err.where);
    throw err;
  }
  if (!fs.existsSync(pdfFile)) throw new Error('Chromium printed no PDF');
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
