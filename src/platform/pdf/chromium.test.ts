import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PdfBrowser } from './chromium.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-pdf-'));
const html = path.join(dir, 'doc.html');
fs.writeFileSync(html, '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><style>@page { size: A4; margin: 20mm; }</style><h1>طلب مساعدة قانونية متبادلة</h1><p lang="en">Mutual legal assistance request</p></html>');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie is gone
  } catch {
    return false;
  }
};

/** Every process descending from `pid` (from /proc), the process itself included. */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, ppid] of parent) if (ppid === out[i]) out.push(child);
  return out;
}

/** Wait until none of these processes is alive (or give up after a while and let the assertion say so). */
async function gone(pids: readonly number[]): Promise<number[]> {
  for (let i = 0; i < 200 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

const isPdf = (file: string) => fs.readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';

describe('the long-lived PDF browser', () => {
  const browser = new PdfBrowser({ maxPages: 1 });
  after(async () => {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts lazily and prints two documents in a row with the same browser', async () => {
    assert.equal(browser.pid(), undefined);
    await browser.printFile(html, path.join(dir, 'a.pdf'));
    const pid = browser.pid();
    assert.ok(pid && alive(pid));
    await browser.printFile(html, path.join(dir, 'b.pdf'));
    assert.equal(browser.pid(), pid);
    assert.equal(browser.launches, 1);
    assert.ok(isPdf(path.join(dir, 'a.pdf')) && isPdf(path.join(dir, 'b.pdf')));
  });

  it('prints at most maxPages documents at once; the others wait their turn', async () => {
    const jobs = [1, 2, 3].map((i) => browser.printFile(html, path.join(dir, `q${i}.pdf`)));
    assert.deepEqual(browser.load(), { active: 1, waiting: 2 });
    await Promise.all(jobs);
    assert.deepEqual(browser.load(), { active: 0, waiting: 0 });
    for (const i of [1, 2, 3]) assert.ok(isPdf(path.join(dir, `q${i}.pdf`)));
    assert.equal(browser.launches, 1);
  });

  it('replaces a killed browser: the next PDF still comes out', async () => {
    const pid = browser.pid()!;
    process.kill(pid, 'SIGKILL');
    assert.deepEqual(await gone([pid]), []);
    const out = path.join(dir, 'after-kill.pdf');
    await browser.printFile(html, out);
    assert.ok(isPdf(out));
    assert.equal(browser.launches, 2);
    assert.notEqual(browser.pid(), pid);
  });

  it('leaves no Chromium process after shutdown', async () => {
    const pids = tree(browser.pid()!);
    assert.ok(pids.length > 1, 'Chromium runs helper processes');
    await browser.close();
    assert.equal(browser.pid(), undefined);
    assert.deepEqual(await gone(pids), []);
  });

  it('a print after shutdown starts a browser again, and closing twice is harmless', async () => {
    const out = path.join(dir, 'again.pdf');
    await browser.printFile(html, out);
    assert.ok(isPdf(out));
    assert.equal(browser.launches, 3);
    await browser.close();
    await browser.close();
    assert.equal(browser.pid(), undefined);
  });
});
