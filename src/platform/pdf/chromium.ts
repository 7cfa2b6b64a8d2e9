/**
 * One headless Chromium per process for printing HTML to PDF (the directory's PDF book, the digest,
 * the request writer's documents). Started lazily at the first print, reused for every document (a
 * new browser context and page per document, closed after), started again when it crashed or was
 * disconnected, closed by the server's close hook (server.ts) and after a CLI command. At most
 * `maxPages` documents are printed at once; the others wait their turn (first come, first served).
 *
 * Chromium is driven through playwright-core (maintained, already used by the browser tests)
 * rather than our own DevTools-protocol client. It is launched as a browser server so that its
 * process is ours to watch (pid) and to kill on shutdown.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Chromium is not installed where it is looked for (the caller turns this into its own 503). */
export class ChromiumNotFoundError extends Error {
  constructor(readonly where: string) {
    super(`Chromium was not found at ${where}: install it or set CHROMIUM_PATH`);
  }
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function alive(server: BrowserServer): boolean {
  const p = server.process();
  return p.exitCode === null && p.signalCode === null;
}

interface Running {
  server: BrowserServer;
  browser: Browser;
  /** The executable it was started from. */
  exe: string;
}

export interface PrintOptions {
  /** Give up after this long (the page is closed; the browser stays). */
  timeoutMs?: number;
}

export class PdfBrowser {
  private running: Running | undefined;
  private starting: Promise<Running> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** How many times a browser was started (tests; /metrics could show it). */
  launches = 0;

  constructor(
    private readonly options: { maxPages: number; executablePath?: () => string } = { maxPages: 2 },
  ) {}

  /** The pid of the running browser, if one runs. */
  pid(): number | undefined {
    return this.running?.server.process().pid;
  }

  private async start(exe: string): Promise<Running> {
    const server = await chromium.launchServer({ executablePath: exe, headless: true, args: ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    let browser: Browser;
    try {
      browser = await chromium.connect(server.wsEndpoint());
    } catch (err) {
      await server.kill();
      throw err;
    }
    this.launches++;
    const running: Running = { server, browser, exe };
    const forget = () => {
      if (this.running === running) this.running = undefined;
    };
    browser.on('disconnected', forget);
    server.process().once('exit', () => {
      forget();
      void browser.close().catch(() => undefined);
    });
    return running;
  }

  /**
   * The browser, started when none runs (one start at a time). The executable is looked for at
   * every print (a stat): Chromium removed, or CHROMIUM_PATH pointing elsewhere, is reported at once;
   * a browser started from another path is replaced.
   */
  private async ensure(): Promise<Running> {
    const exe = (this.options.executablePath ?? chromiumPath)();
    if (!fs.existsSync(exe)) throw new ChromiumNotFoundError(exe);
    const current = this.running;
    if (current && current.browser.isConnected() && alive(current.server)) {
      if (current.exe === exe) return current;
      this.running = undefined;
      void current.server.kill().catch(() => undefined);
    }
    this.starting ??= this.start(exe).finally(() => (this.starting = undefined));
    this.running = await this.starting;
    return this.running;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.maxPages) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes to the next in line
    else this.active--;
  }

  /** Documents being printed and waiting (tests). */
  load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /**
   * Print an HTML file to a PDF file: A4 unless the document's CSS says otherwise, backgrounds,
   * no header or footer, links and named destinations kept. One retry with a fresh browser when the
   * browser died under the page.
   */
  async printFile(htmlFile: string, pdfFile: string, options: PrintOptions = {}): Promise<void> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt++) {
        const running = await this.ensure();
        const { browser } = running;
        try {
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            page.setDefaultTimeout(options.timeoutMs ?? 120_000);
            await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
            await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
          } finally {
            await context.close().catch(() => undefined);
          }
          return;
        } catch (err) {
          // The browser crashed or was killed under us (its exit may not be noticed yet): start
          // another and print again, once.
          const dead = !browser.isConnected() || !alive(running.server) || /has been closed|target closed|disconnected/i.test((err as Error).message ?? '');
          if (attempt >= 2 || !dead) throw err;
          if (this.running === running) this.running = undefined;
          void running.server.kill().catch(() => undefined);
        }
      }
    } finally {
      this.release();
    }
  }

  /** Close the browser and wait until its process is gone (a later print starts another). */
  async close(): Promise<void> {
    const running = this.running ?? (await this.starting?.catch(() => undefined));
    this.running = undefined;
    if (!running) return;
    const proc = running.server.process();
    await running.browser.close().catch(() => undefined);
    await running.server.close().catch(() => undefined);
    if (alive(running.server)) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGKILL');
      await exited;
    }
  }
}

const maxPages = Math.max(1, Number.parseInt(process.env.PDF_MAX_PAGES ?? '', 10) || 2);

/** This process's PDF browser. */
export const pdfBrowser = new PdfBrowser({ maxPages });
