import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { formatDate, formatNumber } from '../../src/platform/i18n/messages.js';
import { HOSTILE, seedPortal, type PortalFixture } from './portal-fixture.js';

/** The page's <main> (the frame is not what these tests are about). */
function main(html: string): string {
  const start = html.indexOf('<main');
  return html.slice(start, html.indexOf('</main>', start));
}

function assertEscaped(html: string) {
  assert.ok(!html.includes('<script>alert(1)'), 'no live script tag');
  assert.ok(!html.includes('<b>bold</b>'), 'no live markup');
  assert.ok(html.includes('&lt;script>alert(1)&lt;/script>') || html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is shown, escaped');
  assert.ok(html.includes('&quot;quotes&quot;') || html.includes('"quotes"'), 'quotes are shown');
}

/** Bytes on the wire (compressed as the server sends them to a browser). */
function wireSize(url: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('portal pages', () => {
  let server: TestServer;
  let f: PortalFixture;
  const page = async (path: string) => {
    const res = await server.get(path);
    return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type') ?? '', html: await res.text() };
  };

  before(async () => {
    server = await startTestServer();
    f = await seedPortal(server.runtime.db);
  });
  after(async () => server?.close());

  it('renders the home page: what Palermo is, search, databases with counts, instruments, recent entries', async () => {
    const { status, html } = await page('/en/');
    assert.equal(status, 200);
    assert.match(html, /<html lang="en" dir="ltr">/);
    const m = main(html);
    assert.match(m, /<form class="search-form" role="search" method="get" action="\/en\/search">/);
    assert.match(m, /<input type="search" id="home-q" name="q"/);
    const counts = await server.runtime.db
      .selectFrom('entries')
      .select(['type', sql<number>`count(*)::int`.as('n')])
      .where(sql<boolean>`EXISTS (SELECT 1 FROM entry_texts t WHERE t.entry_id = entries.id AND t.status = 'published')`)
      .groupBy('type')
      .execute();
    for (const [type, path] of [['legislation', '/en/legislation'], ['case', '/en/cases'], ['treaty', '/en/treaties'], ['strategy', '/en/strategies']] as const) {
      const n = counts.find((c) => c.type === type)?.n ?? 0;
      assert.match(m, new RegExp(`<a href="${path}">[^<]+</a></h3><p class="card__count">${formatNumber('en', n)} entr(y|ies)</p>`), `count of ${type}`);
    }
    assert.ok(m.includes(`href="/en/treaties/${f.instrument.id}"`), 'key instrument linked');
    assert.match(m, new RegExp(`href="/en/treaties/${f.instrument.id}">.*?<ul><li><a href="/en/treaties/${f.protocol.id}">`), 'protocol nested under its convention');
    assert.ok(!m.includes(`/en/treaties/${f.bilateral.id}"`) || m.indexOf(`/en/treaties/${f.bilateral.id}"`) > m.indexOf('recent-heading'), 'bilateral treaties are not key instruments');
    assert.ok(m.includes(`href="/en/cases/${f.hostileCase.id}"`), 'recently updated entries');
    assert.ok(m.includes('href="/en/countries"') && m.includes('href="/en/open-data"'));
    assertEscaped(m);
    const bare = await page('/fr');
    assert.equal(bare.status, 200, '/fr without the slash is the home page too');
    assert.match(bare.html, /<html lang="fr" dir="ltr">/);
  });

  it('shows a case with metadata, tags, sources, citation and JSON link, escaping hostile text', async () => {
    const { status, html } = await page(`/en/cases/${f.hostileCase.id}`);
    assert.equal(status, 200);
    assertEscaped(html);
    const m = main(html);
    assert.ok(m.includes('Corte Suprema di Cassazione') && m.includes('12345/2019') && m.includes('ECLI:IT:CASS:2019:12345'));
    assert.ok(m.includes(formatDate('en', '2019-05-14')));
    assert.ok(m.includes('href="/en/countries/ITA"') && m.includes('href="/en/countries/ESP"') && m.includes('href="/en/countries/COL"'));
    assert.ok(m.includes(`href="/en/instruments/${f.instrument.id}/articles/18"`), 'article tag links to the article page');
    assert.ok(m.includes('href="/en/search?crime=drug-offences"') && m.includes('href="/en/search?cooperation=extradition"'), 'terms link to a filtered search');
    assert.ok(m.includes('<p>First paragraph of the facts.</p><p>Second paragraph of the facts.</p>'), 'paragraphs kept');
    assert.match(m, /<div class="legal-text" dir="auto">/);
    assert.ok(m.includes('href="https://www.cortedicassazione.it/" rel="external noopener noreferrer"'));
    assert.ok(m.includes(`<bdi dir="ltr">${server.app.config.publicUrl.replace(/\/$/, '')}/en/cases/${f.hostileCase.id}</bdi>`), 'stable URL in the citation');
    assert.ok(m.includes(`href="/api/v1/cases/${f.hostileCase.id}"`));
    assert.ok(!html.includes('class="demo-notice"'), 'no demo notice on real content');
    assert.ok(html.includes(`<link rel="canonical" href="/en/cases/${f.hostileCase.id}"/>`), "relative: PUBLIC_URL is not set in this test (the localhost default is a guess)");
  });

  it('shows an extract with its law, the machine-translation mark, and the original without it', async () => {
    const en = main((await page(`/en/legislation/${f.extract1.id}`)).html);
    assert.ok(en.includes(`href="/en/laws/${f.law.id}"`));
    assert.ok(en.includes('Machine translation, not reviewed'));
    assert.ok(en.includes('This version is a machine translation from French that has not been reviewed.'));
    assert.ok(en.includes('href="/en/legislation/' + f.extract1.id + '?version=fr"') && en.includes('French (original)'));
    const fr = main((await page(`/fr/legislation/${f.extract1.id}`)).html);
    assert.ok(!fr.includes('Traduction automatique non révisée</span> Cette version'), 'no MT notice on the original');
    assert.ok(fr.includes('Les demandes d’entraide émanant des autorités judiciaires étrangères'));
    assert.ok(fr.includes('Anglais (traduction automatique)') || fr.includes('anglais (traduction automatique)'));
    // ?version= shows another version, marked with its language.
    const asked = main((await page(`/fr/legislation/${f.extract1.id}?version=en`)).html);
    assert.ok(asked.includes('Affiché en anglais.'));
    assert.match(asked, /<span lang="en" dir="auto">International mutual legal assistance<\/span>/);
  });

  it('falls back to another language with a notice and marks the content language', async () => {
    const { html } = await page(`/en/strategies/${f.strategy.id}`);
    const m = main(html);
    assert.ok(m.includes('This text is not available in English. It is shown in Spanish.'));
    assert.match(m, /<h1 id="entry-title" lang="es" dir="auto">Estrategia Nacional/);
    assert.ok(m.includes('2019-2023') || m.includes('2019–2023'));
    assertEscaped(html);
    const zh = main((await page(`/zh/cases/${f.frenchDemoCase.id}`)).html);
    assert.ok(zh.includes('本文本没有中文版本，现以法语显示。'));
    const missing = main((await page(`/en/cases/${f.hostileCase.id}?version=ru`)).html);
    assert.ok(missing.includes('There is no Russian version of this text.'));
    const hostile = await page(`/en/cases/${f.hostileCase.id}?version=%3Cscript%3E`);
    assert.equal(hostile.status, 200);
    assert.ok(!hostile.html.includes('<script>'));
  });

  it('shows the demo notice on demo content', async () => {
    const { html } = await page(`/fr/cases/${f.frenchDemoCase.id}`);
    assert.ok(html.includes('class="demo-notice"'));
    assert.ok(html.includes('Cette page présente des données de démonstration.'));
    assert.ok(main(html).includes('badge--demo'));
  });

  it('shows a section missing from the version shown in another language, marked', async () => {
    const m = main((await page(`/zh/cases/${f.multilingualCase.id}`)).html);
    assert.ok(m.includes('法院决定执行司法协助请求。'), 'summary of the Chinese version');
    assert.ok(m.includes('以英语显示。'), 'facts come from another version, with a note');
    assert.ok(m.includes('<div class="legal-text" lang="en" dir="auto"><p>The competent authorities asked for the freezing of funds.</p>'));
  });

  it('shows a law with its extracts in order, its full text and its file', async () => {
    const en = main((await page(`/en/laws/${f.law.id}`)).html);
    const first = en.indexOf(`/en/legislation/${f.extract1.id}"`);
    const second = en.indexOf(`/en/legislation/${f.extract2.id}"`);
    assert.ok(first > 0 && second > first, 'extracts in the order of the law');
    assert.ok(!en.includes(f.unpublished.id), 'unpublished extracts are not listed');
    assert.ok(en.includes('The full text is held only in French.'));
    assert.ok(en.includes('<p>Article 694\nLes demandes d’entraide…</p><p>Article 695\nL’extradition…</p>'), 'line breaks and paragraphs kept');
    const link = /href="(\/files\/[0-9a-f]{64}\/[^"]+)"/.exec(en)?.[1];
    assert.ok(link, 'file link');
    assert.ok(link.endsWith('/code%20p%C3%A9nal%20%C3%A9.pdf'));
    assert.ok(en.includes('href="https://www.legifrance.gouv.fr/"'));
    assert.ok(en.includes(`href="/api/v1/laws/${f.law.id}"`));
    assertEscaped(en);
    const extract = (await page(`/fr/legislation/${f.extract2.id}`)).html;
    assertEscaped(extract);
    assert.ok(main(extract).includes('<p>Première ligne.\nDeuxième ligne.</p><p>Nouveau paragraphe.'), 'lines and paragraphs kept');
  });

  it('serves a law’s file with its media type and name, and nothing else from the file store', async () => {
    const en = main((await page(`/en/laws/${f.law.id}`)).html);
    const link = /href="(\/files\/([0-9a-f]{64})\/[^"]+)"/.exec(en)!;
    const res = await server.get(link[1]!);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="code p_nal _.pdf"; filename*=UTF-8''code%20p%C3%A9nal%20%C3%A9.pdf`);
    assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(body.toString('base64'), f.law.attachment!.content_base64);
    // A stored file that is not a law attachment (e.g. a casework document) is not served.
    const secret = Buffer.from('confidential');
    const id = (await import('node:crypto')).createHash('sha256').update(secret).digest('hex');
    await server.runtime.db.insertInto('files').values({ id, filename: 'secret.txt', media_type: 'text/plain', byte_size: secret.length, content: secret }).execute();
    const hidden = await server.get(`/files/${id}/secret.txt`);
    assert.equal(hidden.status, 404);
    await hidden.text();
    for (const bad of ['/files/zz/x.pdf', `/files/${'0'.repeat(64)}/x.pdf`]) {
      const r = await server.get(bad);
      assert.equal(r.status, 404, bad);
      await r.text();
    }
  });

  it('shows the treaty status page: metadata, articles, parties with counts, sortable', async () => {
    const { html } = await page(`/en/treaties/${f.instrument.id}`);
    const m = main(html);
    assert.ok(m.includes('4 signatories') && m.includes('4 parties'));
    assert.ok(m.includes(formatDate('en', '2000-11-15')) && m.includes('New York') && m.includes('Secretary-General of the United Nations'));
    assert.ok(m.includes(`href="/en/treaties/${f.protocol.id}"`), 'protocols listed');
    for (const n of ['1', '2', '18', '19']) assert.ok(m.includes(`href="/en/instruments/${f.instrument.id}/articles/${n}"`));
    const rows = (h: string) => [...main(h).matchAll(/<th scope="row"><a href="\/\w+\/countries\/([A-Z]{3})">/g)].map((x) => x[1]);
    assert.deepEqual(rows(html), ['CHN', 'COL', 'EGY', 'FRA', 'ITA']);
    assert.ok(m.includes('<summary>Reservations</summary>') && m.includes('<summary>Declarations</summary>'));
    assertEscaped(m);
    const byConsent = await page(`/en/treaties/${f.instrument.id}?sort=consent`);
    assert.deepEqual(rows(byConsent.html), ['FRA', 'CHN', 'COL', 'ITA', 'EGY']);
    assert.match(main(byConsent.html), /<th scope="col" aria-sort="ascending">Consent to be bound<\/th>/);
    // The reader's collation: the same parties in Arabic and Chinese follow those languages' order.
    for (const lang of ['ar', 'zh', 'fr'] as const) {
      const h = (await page(`/${lang}/treaties/${f.instrument.id}`)).html;
      const names = [...main(h).matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((x) => x[1]!);
      assert.equal(names.length, 5);
      assert.deepEqual(names, [...names].sort(new Intl.Collator(lang === 'zh' ? 'zh-Hans' : lang).compare), `${lang} order`);
    }
    const bad = await page(`/en/treaties/${f.instrument.id}?sort=%3Cx%3E`);
    assert.equal(bad.status, 200);
  });

  it('shows an instrument article with its text, neighbours, terms and the content that cites it', async () => {
    const { status, html } = await page(`/en/instruments/${f.instrument.id}/articles/18`);
    assert.equal(status, 200);
    const m = main(html);
    assert.ok(m.includes('Article 18') && m.includes('Mutual legal assistance'));
    assert.ok(m.includes('States Parties shall afford one another the widest measure of mutual legal assistance.'));
    assert.match(m, /rel="prev"[^>]*>.*?Article 2</);
    assert.match(m, /rel="next"[^>]*>.*?Article 19</);
    assert.ok(m.includes('href="/en/search?cooperation=mla"'), 'what the article is about');
    assert.match(m, /Legislation implementing this article <span class="count">\(1\)<\/span>/);
    assert.match(m, /Cases applying this article <span class="count">\(2\)<\/span>/);
    assert.ok(m.includes(`href="/en/legislation/${f.extract1.id}"`) && m.includes(`href="/en/cases/${f.multilingualCase.id}"`));
    assert.ok(m.includes(`href="/en/search?article=${encodeURIComponent(`${f.instrument.id}:18`)}&amp;type=case"`));
    assert.ok(m.includes(`?version=nl"`), 'link to the Dutch text');
    const fr = main((await page(`/fr/instruments/${f.instrument.id}/articles/18`)).html);
    assert.ok(fr.includes('Aucun texte authentique ou révisé de cet article n’est disponible en français. Il est affiché en anglais.'));
    assert.match(fr, /<div class="legal-text article-text" lang="en" dir="auto">/);
    const fr1 = main((await page(`/fr/instruments/${f.instrument.id}/articles/1`)).html);
    assert.ok(fr1.includes('La présente Convention a pour objet') && !fr1.includes('Aucun texte authentique'));
    assertEscaped((await page(`/en/instruments/${f.instrument.id}/articles/19`)).html);
    const nl = main((await page(`/en/instruments/${f.instrument.id}/articles/18?version=nl`)).html);
    assert.ok(nl.includes('De Staten die partij zijn'));
    assert.ok(nl.includes('Shown in Dutch.'));
  });

  it('lists countries by region in the reader’s collation', async () => {
    const { html } = await page('/en/countries');
    const m = main(html);
    const codes = [...m.matchAll(/href="\/en\/countries\/([A-Z]{3})"/g)].map((x) => x[1]);
    const all = await server.runtime.db.selectFrom('countries').select('iso3').execute();
    assert.equal(codes.length, all.length, 'every country once');
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(m.includes('<h2 id="region-150">Europe</h2>') && m.includes('<h3 id="region-039">Southern Europe</h3>'));
    assert.ok(m.indexOf('/en/countries/ITA"') < m.indexOf('/en/countries/ESP"'), 'Italy before Spain in English');
    const fr = main((await page('/fr/countries')).html);
    assert.ok(fr.indexOf('/fr/countries/ESP"') < fr.indexOf('/fr/countries/ITA"'), 'Espagne before Italie in French');
    assert.match(m, /\/en\/countries\/FRA">France<\/a><span class="count"> \d+ entr(y|ies)<\/span>/);
  });

  it('shows a country profile with treaty status, laws, cases and strategies', async () => {
    const r = await page('/en/countries/ita');
    assert.equal(r.status, 301);
    assert.equal(r.location, '/en/countries/ITA');
    const { status, html } = await page('/en/countries/ITA');
    assert.equal(status, 200);
    const m = main(html);
    assert.ok(m.includes('<h1>Italy</h1>'));
    assert.ok(m.includes('Europe › Southern Europe'));
    assert.match(m, new RegExp(`/en/treaties/${f.instrument.id}">.*?</th><td>${formatDate('en', '2000-12-12', 'medium')}</td><td>Ratification <span class="nowrap">${formatDate('en', '2006-08-02', 'medium')}</span></td>`));
    assert.match(m, new RegExp(`/en/treaties/${f.protocol.id}">.*?</th><td colSpan="3" class="muted">No action recorded</td>`, 'i'));
    assert.ok(m.includes(`/en/treaties/${f.bilateral.id}"`), 'bilateral treaty it is party to');
    assert.ok(m.includes(`/en/cases/${f.hostileCase.id}"`), 'case decided there');
    assert.match(m, new RegExp(`Cases in which this State cooperated <span class="count">\\(2\\)</span>`));
    assert.ok(m.includes('href="/en/search?country=ITA&amp;type=case"'));
    assertEscaped(m);
    const fra = main((await page('/en/countries/FRA')).html);
    assert.ok(fra.includes(`/en/laws/${f.law.id}"`) && fra.includes('2 extracts'), 'laws with extract counts');
    assert.match(fra, /Legislation: latest updates <span class="count">\(2\)<\/span>/);
    for (const bad of ['/en/countries/XXX', '/en/countries/IT', '/en/countries/ITAL']) assert.equal((await page(bad)).status, 404, bad);
  });

  it('explains the open data: API endpoints from the OpenAPI document, bulk downloads, licence', async () => {
    const m = main((await page('/en/open-data')).html);
    assert.ok(m.includes('href="/api/openapi.json"'));
    for (const p of ['/api/v1/legislation/{id}', '/api/v1/cases/{id}', '/api/v1/treaties/{id}', '/api/v1/strategies/{id}', '/api/v1/laws/{id}']) assert.ok(m.includes(`GET ${p}`), p);
    assert.ok(m.includes('href="/api/v1/export"'));
    assert.ok(m.includes('Akoma Ntoso') && m.includes('JSON Lines'));
  });

  it('redirects wrong types, instrument URLs and upper-case ids; keeps the query string', async () => {
    const cases = [
      [`/en/legislation/${f.hostileCase.id}?version=en`, `/en/cases/${f.hostileCase.id}?version=en`],
      [`/fr/cases/${f.extract1.id}`, `/fr/legislation/${f.extract1.id}`],
      [`/ar/strategies/${f.instrument.id}`, `/ar/treaties/${f.instrument.id}`],
      [`/en/treaties/${f.strategy.id}`, `/en/strategies/${f.strategy.id}`],
      [`/en/legislation/${f.law.id}`, `/en/laws/${f.law.id}`],
      [`/zh/instruments/${f.instrument.id}`, `/zh/treaties/${f.instrument.id}`],
      [`/en/cases/${f.hostileCase.id.toUpperCase()}`, `/en/cases/${f.hostileCase.id}`],
      [`/en/instruments/${f.instrument.id.toUpperCase()}/articles/18`, `/en/instruments/${f.instrument.id}/articles/18`],
    ];
    for (const [from, to] of cases) {
      const r = await page(from!);
      assert.equal(r.status, 301, from);
      assert.equal(r.location, to, from);
    }
  });

  it('answers unknown or unpublished content with a 404 page in the reader’s language', async () => {
    for (const path of [
      '/en/cases/no-such-case',
      '/en/legislation/no-such',
      '/en/treaties/no-such',
      '/en/strategies/no-such',
      '/en/laws/no-such-law',
      `/en/legislation/${f.unpublished.id}`,
      `/en/cases/${f.law.id}`,
      `/en/instruments/${f.instrument.id}/articles/99`,
      `/en/instruments/${f.instrument.id}/articles/x<y`,
      '/en/instruments/no-such/articles/1',
      '/en/cases/%3Cscript%3E',
    ]) {
      const r = await page(path);
      assert.equal(r.status, 404, path);
      assert.match(r.type, /text\/html/);
      assert.ok(!r.html.includes('<script'), path);
    }
    const ar = await page('/ar/cases/no-such-case');
    assert.match(ar.html, /<html lang="ar" dir="rtl">/);
    assert.ok(ar.html.includes('الصفحة غير موجودة'));
  });

  it('renders every page type in the six languages, with a language switcher that keeps the page and query', async () => {
    const paths = [
      '/',
      `/legislation/${f.extract1.id}`,
      `/cases/${f.multilingualCase.id}?version=en`,
      `/treaties/${f.instrument.id}?sort=consent`,
      `/strategies/${f.strategy.id}`,
      `/laws/${f.law.id}`,
      `/instruments/${f.instrument.id}/articles/18`,
      '/countries',
      '/countries/EGY',
      '/open-data',
    ];
    for (const lang of LANGS) {
      for (const path of paths) {
        const { status, html } = await page(`/${lang}${path}`);
        assert.equal(status, 200, `${lang}${path}`);
        assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
        for (const other of LANGS) {
          const target = `/${other}${path}`.replace(/&/g, '&amp;');
          assert.ok(html.includes(`href="${target}" lang="${other}" hreflang="${other}"`), `switcher ${lang}${path} → ${other}`);
        }
        // Path templates inside <code> (e.g. /api/v1/instruments/{id}/articles/{n}) are meant literally.
        const prose = main(html).replace(/<code>[\s\S]*?<\/code>/g, '');
        assert.ok(!/\{[a-z_]+\}/.test(prose), `no unformatted placeholder in ${lang}${path}`);
      }
    }
  });

  it('keeps every page under 100 KB of compressed CSS and JavaScript, with no web fonts', async () => {
    const paths = ['/en/', `/en/cases/${f.hostileCase.id}`, `/ar/treaties/${f.instrument.id}`, `/zh/laws/${f.law.id}`, `/en/instruments/${f.instrument.id}/articles/18`, '/ru/countries', '/en/countries/FRA', '/fr/open-data'];
    for (const path of paths) {
      const { html } = await page(path);
      const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g), ...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((x) => x[1]!);
      assert.ok(assets.length >= 1, 'at least the stylesheet');
      let total = 0;
      for (const asset of assets) {
        const { bytes, encoding } = await wireSize(`${server.url}${asset}`);
        if (bytes > 1024) assert.ok(encoding === 'br' || encoding === 'gzip', `${asset} is compressed`);
        total += bytes;
      }
      assert.ok(total < 100 * 1024, `${path}: ${total} bytes of CSS and JS`);
      assert.ok(!/@font-face|\.woff2?\b/.test(html), 'no web fonts');
    }
    const css = await (await server.get(/href="(\/assets\/palermo\.css[^"]+)"/.exec((await page('/en/')).html)![1]!)).text();
    assert.ok(!css.includes('@font-face'), 'no web fonts in the stylesheet');
  });
});
