/**
 * The curators' upload of authentic instrument texts (/{lang}/instrument-texts): refused to readers
 * and practitioners; a Markdown or Akoma Ntoso file is checked first (the articles found, nothing
 * written), then imported (stored, audited, on the article page); a bad file gives 400 with the
 * problems by line and writes nothing; CSRF checked; any upload answers 200, 400 or 413, never 500.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { anAknExtract, anAuthenticExtract } from '../factories/instrument-texts.js';
import { Client, makeUser, signInAs, upload } from './accounts-support.js';

const hidden = (html: string, name: string) => {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : undefined;
};

describe('upload of authentic instrument texts (curators)', () => {
  let server: TestServer;
  let curator: Client;
  let practitioner: Client;
  const stored = async () => (await server.runtime.db.selectFrom('instrument_texts').select(['treaty_id', 'lang', 'sha256']).orderBy('lang').execute()).map((r) => `${r.treaty_id}:${r.lang}`);
  const audited = async () => (await server.runtime.db.selectFrom('audit_events').select('id').where('action', '=', 'reference.import_instrument_text').execute()).length;

  before(async () => {
    server = await startTestServer();
    curator = new Client(server);
    await signInAs(curator, await makeUser(server, { totp: true, roles: [{ role: 'curator' }] }));
    practitioner = new Client(server);
    await signInAs(practitioner, await makeUser(server, { roles: [{ role: 'practitioner' }] }));
  });
  after(async () => server?.close());

  it('is for curators only', async () => {
    assert.equal((await server.get('/en/instrument-texts')).status, 401);
    assert.equal((await practitioner.get('/en/instrument-texts')).status, 403);
    const page = await curator.page('/en/instrument-texts');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /<h1>Import an authentic text<\/h1>/);
    assert.match(page.html, /enctype="multipart\/form-data"/);
    const { csrf } = await practitioner.page('/en/account');
    const res = await upload(practitioner, '/en/instrument-texts', [['_csrf', csrf], ['instrument', 'untoc'], ['lang', 'fr'], ['file', new Blob([anAuthenticExtract()]), 'x.md']]);
    assert.equal(res.status, 403);
    assert.deepEqual(await stored(), []);
  });

  it('is linked for curators from a treaty page whose headings are Palermo translations, the form preselected', async () => {
    const treaty = await curator.page('/ar/treaties/untoc');
    assert.equal(treaty.res.status, 200);
    const link = /href="(\/ar\/instrument-texts\?[^"]+)"/.exec(treaty.html);
    assert.ok(link, 'the curator sees the link to load an authentic text');
    const url = link[1]!.replace(/&amp;/g, '&');
    assert.match(url, /instrument=untoc/);
    assert.match(url, /lang=ar/);
    const reader = await practitioner.page('/ar/treaties/untoc');
    assert.doesNotMatch(reader.html, /instrument-texts/);
    const form = await curator.page(url);
    assert.equal(form.res.status, 200);
    assert.match(form.html, /<option value="untoc" selected/);
    assert.match(form.html, /<option value="ar" selected/);
  });

  it('checks a Markdown file (articles found, nothing written), then imports exactly the checked text, audited', async () => {
    const { csrf } = await curator.page('/en/instrument-texts');
    const check = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['step', 'preview'], ['instrument', 'untoc'], ['lang', 'fr'], ['source', ''], ['file', new Blob([anAuthenticExtract()]), 'untoc-fr.md']]);
    assert.equal(check.status, 200);
    const html = await check.text();
    assert.match(html, /2 articles of UNTOC in French \(Markdown\)\. Nothing has been written yet\./);
    assert.match(html, /<th scope="row">18<\/th><td lang="fr" dir="auto">Entraide judiciaire<\/td>/);
    assert.match(html, /Not in the file \(readers will see the English text\): articles 2, 3,/);
    assert.deepEqual(await stored(), [], 'the check writes nothing');
    assert.equal(await audited(), 0);
    const content = hidden(html, 'content');
    assert.equal(content, anAuthenticExtract());
    assert.equal(hidden(html, 'source'), 'untoc-fr.md', 'the file name stands for an empty source');
    const done = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['step', 'import'], ['instrument', 'untoc'], ['lang', 'fr'], ['source', 'untoc-fr.md'], ['content', content!]]);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /2 articles imported as the authentic text of UNTOC in French\./);
    assert.deepEqual(await stored(), ['untoc:fr']);
    assert.equal(await audited(), 1);
    const article = await (await server.get('/fr/instruments/untoc/articles/18')).text();
    assert.match(article, /les États Parties s’accordent l’entraide judiciaire la plus large possible/);
  });

  it('checks and imports an Akoma Ntoso act, in Arabic and Chinese pages too', async () => {
    for (const lang of ['ar', 'zh'] as const) {
      const { csrf } = await curator.page(`/${lang}/instrument-texts`);
      const res = await upload(curator, `/${lang}/instrument-texts`, [['_csrf', csrf], ['step', 'preview'], ['instrument', 'untoc'], ['lang', 'es'], ['source', 'UNTC'], ['file', new Blob([anAknExtract()]), 'untoc-es.xml']]);
      assert.equal(res.status, 200, lang);
      const html = await res.text();
      assert.match(html, /Akoma Ntoso/);
      assert.match(html, /<td lang="es" dir="auto">Asistencia judicial recíproca<\/td>/);
    }
    const { csrf } = await curator.page('/en/instrument-texts');
    const done = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['step', 'import'], ['instrument', 'untoc'], ['lang', 'es'], ['source', 'UNTC'], ['content', anAknExtract()]]);
    assert.equal(done.status, 200);
    assert.deepEqual(await stored(), ['untoc:es', 'untoc:fr']);
  });

  it('lists the problems of a bad file by line (400) and writes nothing, on the check and on the import', async () => {
    const before = await audited();
    const { csrf } = await curator.page('/en/instrument-texts');
    const bad = anAuthenticExtract({ articles: [{ number: '18', paragraphs: ['ok'] }, { number: '99', paragraphs: ['no such article'] }] });
    for (const step of ['preview', 'import']) {
      const parts: ([string, string] | [string, Blob, string])[] = [['_csrf', csrf], ['step', step], ['instrument', 'untoc'], ['lang', 'ru'], ['source', 'x']];
      parts.push(step === 'import' ? ['content', bad] : ['file', new Blob([bad]), 'bad.md']);
      const res = await upload(curator, '/en/instrument-texts', parts);
      assert.equal(res.status, 400, step);
      const html = await res.text();
      assert.match(html, /1 problem: the file was not imported and nothing was written/);
      assert.match(html, /Line 12: <span lang="en" dir="ltr">article 99 is not an article of this instrument/);
    }
    const akn = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['instrument', 'untoc'], ['lang', 'es'], ['file', new Blob([anAknExtract({ docType: 'judgment' })]), 'j.xml']]);
    assert.equal(akn.status, 400);
    assert.match(await akn.text(), /Line 3: <span lang="en" dir="ltr">&lt;judgment> is an Akoma Ntoso &lt;judgment> document/);
    const lang = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['instrument', 'coe-mla'], ['lang', 'zh'], ['file', new Blob([anAuthenticExtract()]), 'x.md']]);
    assert.equal(lang.status, 400);
    assert.match(await lang.text(), /lang: <span lang="en" dir="ltr">(&quot;|")zh(&quot;|") is not an authentic language of ETS No\. 30; import one of: fr/);
    assert.deepEqual(await stored(), ['untoc:es', 'untoc:fr']);
    assert.equal(await audited(), before);
  });

  it('refuses a form without its CSRF token before reading the file, and a file over 5 MB with 413', async () => {
    const res = await upload(curator, '/en/instrument-texts', [['instrument', 'untoc'], ['lang', 'fr'], ['file', new Blob([anAuthenticExtract()]), 'x.md']]);
    assert.equal(res.status, 403);
    const { csrf } = await curator.page('/en/instrument-texts');
    const big = await upload(curator, '/en/instrument-texts', [['_csrf', csrf], ['instrument', 'untoc'], ['lang', 'fr'], ['file', new Blob(['### Article 1\n', 'x'.repeat(5_100_000)]), 'big.md']]);
    assert.equal(big.status, 413);
    assert.deepEqual(await stored(), ['untoc:es', 'untoc:fr']);
  });

  it('answers any upload with 200, 400 or 413, never a server error (fuzzed)', async () => {
    const { csrf } = await curator.page('/en/instrument-texts');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          step: fc.constantFrom('preview', 'import', 'other', ''),
          instrument: fc.oneof(fc.constantFrom('untoc', 'uncac', 'coe-mla'), fc.string({ maxLength: 20 })),
          lang: fc.oneof(fc.constantFrom('fr', 'es', 'ar', 'en'), fc.string({ maxLength: 5 })),
          content: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('<akomaNtoso', '<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>x</num></article></body></act></akomaNtoso>', '### Article 1\n\ntext')),
          asFile: fc.boolean(),
        }),
        async (f) => {
          const parts: ([string, string] | [string, Blob, string])[] = [['_csrf', csrf], ['step', f.step], ['instrument', f.instrument], ['lang', f.lang], ['source', 'fuzz']];
          parts.push(f.asFile ? ['file', new Blob([f.content]), 'f.md'] : ['content', f.content]);
          const res = await upload(curator, '/en/instrument-texts', parts);
          await res.arrayBuffer();
          assert.ok([200, 400, 413].includes(res.status), `${JSON.stringify(f)} → ${res.status}`);
        },
      ),
      { numRuns: 40 },
    );
  });
});
