import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureTestReference } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { FACETS } from '../../src/modules/search/domain/params.js';

interface Body {
  total: number;
  page: number;
  per_page: number;
  results: Record<string, unknown>[];
  facets: Record<string, { value: string; label: string; count: number }[]>;
}

describe('search API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await ensureTestReference(server.runtime.db);
    const law = aLaw({ id: 'a-law' });
    await saveRecords(
      server.runtime.db,
      [
        aCase({ id: 'a-case', texts: { en: { title: 'Extradition of a <b>money</b> launderer', summary: 'Extradition to Spain was granted & executed.' } }, crime_types: ['money-laundering'] }),
        law,
        anExtract(law.id, { id: 'a-leg' }),
        aStrategy({ id: 'a-strategy' }),
      ],
      { origin: 'import' },
    );
  });
  after(async () => server?.close());

  const get = async (path: string) => {
    const res = await server.get(path);
    return { res, body: (await res.json()) as Body & { errors?: { field: string; message: string }[]; status?: number } };
  };

  it('returns results, facets and paging in the documented shape', async () => {
    // Scoped to Italy: the real reference instruments (no country) match "extradition" too.
    const { res, body } = await get('/api/v1/search?q=extradition&hl=fr&country=ITA');
    assert.equal(res.status, 200);
    assert.equal(body.total, 1);
    assert.equal(body.page, 1);
    assert.equal(body.per_page, 20);
    assert.deepEqual(Object.keys(body.facets).sort(), [...FACETS].sort());
    const [hit] = body.results;
    assert.deepEqual(Object.keys(hit!).sort(), ['context', 'country', 'date', 'demo', 'id', 'lang', 'machine_translated', 'snippet', 'snippet_html', 'title', 'type', 'url'].sort());
    assert.equal(hit!.url, '/fr/cases/a-case');
    assert.equal(hit!.lang, 'en');
    assert.equal(hit!.title, 'Extradition of a <b>money</b> launderer', 'JSON carries the title as text');
    assert.equal(hit!.snippet_html, '<mark>Extradition</mark> to Spain was granted &amp; executed.', 'the headline takes the full stop of its sentence');
    assert.equal(hit!.snippet, 'Extradition to Spain was granted & executed.');
    assert.deepEqual(body.facets.type!.map((v) => [v.value, v.label, v.count]), [
      ['legislation', 'Législation', 0],
      ['case', 'Jurisprudence', 1],
      ['treaty', 'Traités', 0],
      ['strategy', 'Stratégies', 0],
      ['provider', 'Fournisseurs de services', 0],
    ]);
  });

  it('takes repeated parameters as several values of one facet', async () => {
    const { body } = await get('/api/v1/search?type=case&type=strategy&per_page=1&page=2');
    assert.equal(body.total, 2);
    assert.equal(body.results.length, 1);
    assert.equal(body.per_page, 1);
    const single = await get('/api/v1/search?type=legislation&country=fra');
    assert.deepEqual(single.body.results.map((r) => r.id), ['a-leg']);
  });

  it('rejects bad parameters with problem+json naming each one', async () => {
    const cases: [string, string][] = [
      ['page=0', 'page'],
      ['per_page=101', 'per_page'],
      ['per_page=abc', 'per_page'],
      ['type=book', 'type.0'],
      ['country=12', 'country.0'],
      ['hl=de', 'hl'],
      ['sort=random', 'sort'],
      ['year=19', 'year.0'],
      ['article=untoc', 'article.0'],
      ['colour=red', 'colour'],
      [`q=${'x'.repeat(1001)}`, 'q'],
      ['page=101&per_page=100', 'page'],
    ];
    for (const [query, field] of cases) {
      const { res, body } = await get(`/api/v1/search?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(
        body.errors?.some((e) => e.field === field),
        `${query}: ${JSON.stringify(body.errors)}`,
      );
    }
  });

  it('never fails on malformed queries', async () => {
    const fixed = ['"', '"""', '-', '- - -', 'OR', '-"', 'the of and', '\u0000', "\u0007bell", '!(&|:*)', "'", '\\', '司', '🙂🙂', 'a'.repeat(1000), 'e-mail -', '<script>alert(1)</script>'];
    for (const q of fixed) {
      const res = await server.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, JSON.stringify(q));
    }
    for (const raw of ['%ED%A0%80', '%00', '%FF%FE', '%E2%80%AE', '%C0%AF']) {
      const res = await server.get(`/api/v1/search?q=${raw}`);
      assert.ok(res.status === 200 || res.status === 400, `${raw}: ${res.status}`);
    }
    const long = await server.get(`/api/v1/search?q=${'x'.repeat(5000)}`);
    assert.equal(long.status, 400, 'a 5000-character query is refused with a 400, not a 500');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('en', 'fr', 'ar', 'zh', 'ru', 'es'), async (q, hl) => {
        const res = await server.get(`/api/v1/search?hl=${hl}&q=${encodeURIComponent(q)}`);
        await res.arrayBuffer();
        return res.status === 200;
      }),
      { numRuns: 150 },
    );
  });

  it('never fails on arbitrary parameters: 200 or 400, never 500', async () => {
    const key = fc.constantFrom('q', 'type', 'country', 'region', 'article', 'year', 'lang', 'page', 'per_page', 'sort', 'hl', 'zz');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 6 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await server.get(`/api/v1/search?${qs}`);
        await res.arrayBuffer();
        return res.status === 200 || res.status === 400;
      }),
      { numRuns: 150 },
    );
  });

  it('is documented in the OpenAPI document under the search tag', async () => {
    const doc = (await (await server.get('/api/openapi.json')).json()) as { paths: Record<string, { get: { tags: string[]; parameters: { name: string }[] } }> };
    const op = doc.paths['/api/v1/search']?.get;
    assert.ok(op);
    assert.deepEqual(op.tags, ['search']);
    const names = op.parameters.map((p) => p.name).sort();
    for (const f of [...FACETS, 'q', 'hl', 'sort', 'page', 'per_page']) assert.ok(names.includes(f), f);
  });
});
