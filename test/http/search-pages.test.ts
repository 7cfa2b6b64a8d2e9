import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aStrategy } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { TOP_VALUES } from '../../src/modules/search/pages/facet-panel.js';

const YEARS = 12;

describe('search pages', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    const cases = Array.from({ length: YEARS }, (_, i) =>
      aCase({
        id: `p-case-${i}`,
        decision_date: `${2000 + i}-06-01`,
        demo: i === YEARS - 1,
        texts: { en: { title: `Extradition case number ${i}`, summary: 'The court granted extradition.' }, fr: { title: `Affaire d’extradition no ${i}` } },
      }),
    );
    await saveRecords(server.runtime.db, [...cases, aStrategy({ id: 'p-strategy', period_start: 2005 })], { origin: 'import' });
  });
  after(async () => server?.close());

  const html = async (path: string, status = 200) => {
    const res = await server.get(path);
    assert.equal(res.status, status, path);
    return res.text();
  };

  it('renders the search page as a GET form with facets, results and pagination', async () => {
    // Cases only: the real reference instruments match "extradition" too.
    const page = await html('/en/search?q=extradition&type=case&per_page=5');
    assert.match(page, /<form class="search" method="get" action="\/en\/search" role="search"/);
    assert.match(page, /<label for="search-q"[^>]*>Search terms<\/label><input type="search" id="search-q" name="q" value="extradition"/);
    assert.match(page, /<fieldset class="facet facet--type"><legend>Database<\/legend>/);
    assert.match(page, /<input type="checkbox" id="f-type-1" name="type" value="case" checked\/><label for="f-type-1"><span dir="auto">Case law<\/span> <span class="count">12<\/span>/);
    assert.match(page, /<h2 id="results-heading" tabindex="-1">12 results<\/h2>/);
    assert.match(page, /<button type="submit" class="facets__apply">Apply filters<\/button>/);
    assert.match(page, /<nav class="search-pagination" aria-label="Result pages">/);
    assert.match(page, /<a href="\/en\/search\?q=extradition&amp;type=case&amp;per_page=5" aria-current="page" aria-label="Page 1">1<\/a>/);
    assert.match(page, /href="\/en\/search\?q=extradition&amp;type=case&amp;page=3&amp;per_page=5"/);
    assert.match(page, /<mark>extradition<\/mark>/);
    assert.match(page, /<link rel="canonical" href="\/en\/search\?q=extradition&amp;type=case&amp;per_page=5"\/>/);
    assert.match(page, /<script type="module" src="\/assets\/search\.js\?v=/);
    assert.match(page, /<span class="badge badge--demo">Demo data<\/span>/);
  });

  it('shows long facets cut to the top values with a link to all of them', async () => {
    // Cases only: the reference instruments add years of their own.
    const page = await html('/en/search?type=case');
    const years = page.match(/name="year"/g) ?? [];
    assert.equal(years.length, TOP_VALUES);
    assert.match(page, /<a href="\/en\/search\?type=case&amp;expand=year">Show all 12 \(Year\)<\/a>/);
    const all = await html('/en/search?type=case&expand=year');
    assert.equal((all.match(/name="year"/g) ?? []).length, YEARS);
    assert.match(all, /<input type="hidden" name="expand" value="year"\/>/);
    assert.match(all, />Show fewer \(Year\)</);
  });

  it('shows selected filters as removable links and keeps a checked value visible', async () => {
    const page = await html('/en/search?year=2000&country=ita&q=extradition');
    assert.match(page, /<a class="chip" href="\/en\/search\?q=extradition&amp;year=2000" aria-label="Remove filter: Country: Italy">/);
    assert.match(page, /<a class="chip" href="\/en\/search\?q=extradition&amp;country=ITA" aria-label="Remove filter: Year: 2000">/);
    assert.match(page, /<a class="chips__clear" href="\/en\/search\?q=extradition">Clear all filters<\/a>/);
    assert.match(page, /name="year" value="2000" checked/);
    assert.match(page, /1 result</);
  });

  it('serves the database pages scoped to one type, in every language', async () => {
    const page = await html('/fr/cases?q=extradition');
    assert.match(page, /<h1>Jurisprudence<\/h1>/);
    assert.match(page, /<form class="search" method="get" action="\/fr\/cases"/);
    assert.doesNotMatch(page, /name="type"/);
    assert.match(page, /<a href="\/fr\/cases" aria-current="page">Jurisprudence<\/a>/);
    assert.match(page, /12 résultats/);
    assert.match(page, /Affaire d’extradition no/);
    const strategies = await html('/es/strategies');
    assert.match(strategies, /1 resultado</);
    for (const path of ['/ar/legislation', '/zh/treaties', '/ru/strategies']) await html(path);
    const ar = await html('/ar/search?q=extradition');
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.match(ar, /<a href="\/ar\/cases\/p-case-\d+" lang="en" dir="auto">/, 'an English title on an Arabic page is marked as English');
    const ru = await html('/ru/cases?year=2001&year=2002&year=2003');
    assert.match(ru, /3 результата/);
    const none = await html('/en/search?q=zzzzunfindable');
    assert.match(none, /No entries match your search\./);
  });

  it('escapes the query everywhere it is shown', async () => {
    const page = await html(`/en/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
  });

  it('ignores unknown parameters of shared links but refuses bad values with a clear page', async () => {
    await html('/en/search?utm_source=newsletter&q=extradition');
    const bad = await html('/en/search?page=0', 400);
    assert.match(bad, /page: must be between 1/);
    const long = await html(`/en/search?q=${'x'.repeat(5000)}`, 400);
    assert.match(long, /q: must be at most 1000 characters/);
  });

  it('never fails on arbitrary query text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constantFrom('en', 'ar', 'zh'), async (q, lang) => {
        const res = await server.get(`/${lang}/search?q=${encodeURIComponent(q)}`);
        await res.arrayBuffer();
        return res.status === 200;
      }),
      { numRuns: 60 },
    );
  });
});
