/** The case page of a judgment imported from Akoma Ntoso: its details, and its numbered paragraphs each with a linkable anchor. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { importFile } from '../../src/modules/bulk/import/service.js';

const JUDGMENT = path.resolve(import.meta.dirname, '../../resources/akn/judgments-uk/tna-ewca-civ-2020-611.xml');

describe('case page of an Akoma Ntoso judgment', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    const report = await importFile(server.runtime.db, JUDGMENT);
    assert.equal(report.outcome, 'succeeded', JSON.stringify(report.issues));
  });
  after(async () => server?.close());

  it('shows neutral citation, parties and judges, and links each numbered paragraph (#para-N) in every language', async () => {
    for (const lang of ['en', 'ar', 'zh']) {
      const res = await server.get(`/${lang}/cases/ewca-civ-2020-611`);
      assert.equal(res.status, 200, lang);
      const html = await res.text();
      assert.ok(html.includes('[2020] EWCA Civ 611'), lang);
      assert.ok(html.includes('LORD JUSTICE UNDERHILL'), lang);
      assert.ok(html.includes('Bloomberg LP'), lang);
      assert.match(html, /<p id="para-1"><a class="para-num" href="#para-1" aria-label="[^"]+">1\.<\/a> This is an appeal from the judgment of Mr Justice Nicklin/, lang);
      assert.match(html, /<p id="para-2"><a class="para-num" href="#para-2"/, lang);
      assert.ok(html.includes('lang="en"'), `${lang}: the English text is marked as English`);
    }
    const ids = [...(await (await server.get('/en/cases/ewca-civ-2020-611')).text()).matchAll(/ id="(para-\d+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'anchors are unique');
    assert.ok(ids.length > 100, `${ids.length} paragraphs`);
  });
});
