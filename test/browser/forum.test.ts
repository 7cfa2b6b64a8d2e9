/**
 * The forum in real Chromium, in English, Arabic and Chinese: an officer opens a private space with
 * another authority, starts a thread with an attachment (no JavaScript needed: plain forms), the
 * other authority's officer reads it and replies; an officer of a third authority gets 403 with
 * nothing of the space shown. axe finds no serious violation on the forum pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';

const LANGS = ['en', 'ar', 'zh'] as const;
const TEXT = {
  en: { title: 'Consultation before a refusal', thread: 'Dual criminality', body: 'Can your authority execute this request?', reply: 'Yes, within two weeks.' },
  ar: { title: 'تشاور قبل الرفض', thread: 'ازدواجية التجريم', body: 'هل يمكن لسلطتكم تنفيذ هذا الطلب؟', reply: 'نعم، خلال أسبوعين.' },
  zh: { title: '拒绝前的协商', thread: '双重犯罪', body: '贵机关能否执行这一请求？', reply: '可以，两周内完成。' },
} as const;

describe('the forum in a real browser (en, ar, zh)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { a: '', b: '', c: '' };
  let dir: string;

  async function signIn(user: { email: string; secret: string | null }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    return page;
  }

  async function noAxe(page: Page, where: string) {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  }

  before(async () => {
    server = await startTestServer();
    const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'EGY' }), anAuthority({ country: 'CHN' })];
    await importAuthorities(server.runtime.db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
    });
    [ids.a, ids.b, ids.c] = docs.map((d) => d.id) as [string, string, string];
    browser = await launchBrowser();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'forum-browser-'));
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('opens a private space, posts with an attachment, replies; a non-member sees nothing', async () => {
    const a = await signIn(await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.a }], totp: true, name: 'Anne Officer' }));
    const b = await signIn(await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.b }], totp: true, name: 'سامي الموظف' }));
    const outsider = await signIn(await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.c }], totp: true, name: '王官员' }));
    for (const lang of LANGS) {
      const t = TEXT[lang];
      await a.goto(`${server.url}/${lang}/forum`);
      assert.equal(await a.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await noAxe(a, `${lang} forum`);
      await a.selectOption('#space-kind', 'private');
      await a.fill('#space-title', t.title);
      await a.fill('#space-members', ids.b);
      await Promise.all([a.waitForURL(/\/forum\/spaces\/[0-9a-f-]+$/), a.click('form[action$="/forum/spaces"] button[type=submit]')]);
      const spaceUrl = a.url();
      assert.equal(await a.textContent('h1'), t.title);
      await noAxe(a, `${lang} space`);

      const file = path.join(dir, `minutes-${lang}.txt`);
      await fs.writeFile(file, `${t.body}\n`);
      await a.fill('#post-title', t.thread);
      await a.fill('#post-body', t.body);
      await a.setInputFiles('#post-file', file);
      await Promise.all([a.waitForURL(/\/forum\/threads\/[0-9a-f-]+$/), a.click('form[action$="/threads"] button[type=submit]')]);
      const threadPath = new URL(a.url()).pathname;
      assert.equal(await a.textContent('h1'), t.thread);
      assert.equal(await a.locator('.forum-attachments a').count(), 1);
      await noAxe(a, `${lang} thread`);

      await b.goto(`${server.url}${threadPath}`);
      assert.equal(await b.getAttribute('.forum-post-text', 'dir'), 'auto');
      assert.match((await b.textContent('.forum-post-text')) ?? '', new RegExp(t.body.replace(/[?？]/g, '.')));
      await b.fill('#post-body', t.reply);
      await Promise.all([b.waitForURL(/#post-/), b.click('form[action$="/posts"] button[type=submit]')]);
      assert.equal(await b.locator('.forum-posts > li').count(), 2);
      await noAxe(b, `${lang} thread after reply`);

      for (const url of [spaceUrl, `${server.url}${threadPath}`]) {
        const res = await outsider.goto(url);
        assert.equal(res?.status(), 403);
        const html = await outsider.content();
        assert.ok(!html.includes(t.title) && !html.includes(t.thread), `${lang}: nothing of the space shown to a non-member`);
      }
    }
  });
});
