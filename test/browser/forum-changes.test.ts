/**
 * The forum's later parts in real Chromium (English and Arabic): the "N new" marker leads to the
 * first unread post; the author edits a post (shown "edited", the earlier text in a disclosure); the
 * owner hides a post with a reason; the search form finds a post; axe finds no serious violation.
 * Plain forms: no JavaScript needed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchBrowser, seriousAxeViolations, signInWithTotp } from '../helpers/browser.js';
import { makeUser } from '../http/accounts-support.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';

const TEXT = {
  en: { space: 'Consultation on a refusal', thread: 'Dual criminality', body: 'First draft about zebracode', edited: 'Corrected text', reason: 'Personal data' },
  ar: { space: 'تشاور بشأن الرفض', thread: 'ازدواجية التجريم', body: 'المسودة الأولى حول zebracode', edited: 'النص المصحح', reason: 'بيانات شخصية' },
} as const;

describe('forum edits, moderation, unread and search in a real browser (en, ar)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { a: '', b: '' };

  async function signIn(user: { email: string; secret: string | null }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInWithTotp(page, server.url, user);
    return page;
  }
  const noAxe = async (page: Page, where: string) => assert.deepEqual(await seriousAxeViolations(page), [], where);

  before(async () => {
    server = await startTestServer();
    const docs = [anAuthority({ country: 'FRA' }), anAuthority({ country: 'EGY' })];
    await importAuthorities(server.runtime.db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n'));
    });
    [ids.a, ids.b] = docs.map((d) => d.id) as [string, string];
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('marks new posts, edits, hides and searches', async () => {
    const owner = await signIn(await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: ids.a }], totp: true, name: 'Anne Superviseure' }));
    const member = await signIn(await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: ids.b }], totp: true, name: 'سامي الموظف' }));
    for (const lang of ['en', 'ar'] as const) {
      const t = TEXT[lang];
      await owner.goto(`${server.url}/${lang}/forum`);
      await owner.selectOption('#space-kind', 'private');
      await owner.fill('#space-title', t.space);
      await owner.fill('#space-members', ids.b);
      await Promise.all([owner.waitForURL(/\/forum\/spaces\/[0-9a-f-]+$/), owner.click('form[action$="/forum/spaces"] button[type=submit]')]);
      const spaceUrl = owner.url();
      await owner.fill('#post-title', t.thread);
      await owner.fill('#post-body', t.body);
      await Promise.all([owner.waitForURL(/\/forum\/threads\/[0-9a-f-]+$/), owner.click('form[action$="/threads"] button[type=submit]')]);

      // The member sees "1 new" on the space page, and the marker leads to the first unread post.
      await member.goto(spaceUrl);
      assert.equal(await member.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await noAxe(member, `${lang} space with new posts`);
      await Promise.all([member.waitForURL(/#post-/), member.click('a.forum-unread')]);
      assert.equal(await member.locator('.forum-posts > li').count(), 1);
      await member.goto(spaceUrl);
      assert.equal(await member.locator('a.forum-unread').count(), 0, 'read: no marker');

      // The owner edits their post: "edited", the earlier text behind a disclosure.
      await owner.click('.forum-tool summary >> nth=0');
      await owner.fill('textarea[id^="edit-"]', t.edited);
      await Promise.all([owner.waitForURL(/#post-/), owner.click('form[action$="/edit"] button[type=submit]')]);
      assert.match((await owner.textContent('.forum-post-text')) ?? '', new RegExp(t.edited));
      await owner.click('.forum-history summary');
      assert.match((await owner.textContent('.forum-history')) ?? '', new RegExp(t.body));
      await noAxe(owner, `${lang} edited post`);

      // Search finds the post for the member.
      await member.goto(`${server.url}/${lang}/forum`);
      await member.fill('#forum-q', t.edited);
      await Promise.all([member.waitForURL(/\/forum\/search\?q=/), member.click('form[role=search] button[type=submit]')]);
      assert.ok((await member.locator('.forum-search-results > li').count()) >= 1);
      await noAxe(member, `${lang} search`);

      // The owner hides the post with a reason; the member sees it hidden.
      await owner.click('.forum-tool >> nth=1 >> summary');
      await owner.fill('input[id^="hide-"]', t.reason);
      await Promise.all([owner.waitForURL(/#post-/), owner.click('form[action$="/hide"] button[type=submit]')]);
      await member.goto(owner.url());
      assert.match((await member.textContent('.forum-hidden')) ?? '', new RegExp(t.reason));
      assert.equal(await member.locator('.forum-post-text').count(), 0);
    }
  });
});
