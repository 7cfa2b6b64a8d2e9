import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { saveRecords, saveTreatyParties } from '../../src/modules/knowledge/service.js';
import { aCase } from '../factories/knowledge.js';

type Json = Record<string, any>;

describe('reference data API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await saveRecords(server.runtime.db, [aCase({ country: 'ITA', cooperating_states: ['ESP'] })], { origin: 'import' });
    await saveTreatyParties(server.runtime.db, 'untoc', [{ country: 'ITA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2006-08-02' }]);
  });
  after(async () => server?.close());

  async function getJson(path: string, status = 200): Promise<Json> {
    const res = await server.get(path);
    assert.equal(res.status, status, `${path} → ${res.status}`);
    if (status < 400) {
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300', `${path} cache-control`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    } else {
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
    return (await res.json()) as Json;
  }

  it('lists all countries and areas with codes, regions, kind and their UN names', async () => {
    const body = await getJson('/api/v1/countries');
    assert.equal(body.countries.length, 249);
    const fra = body.countries.find((c: Json) => c.iso3 === 'FRA');
    assert.deepEqual(fra, {
      iso3: 'FRA',
      iso2: 'FR',
      m49: '250',
      region_code: '150',
      subregion_code: '155',
      intermediate_region_code: null,
      kind: 'member_state',
      names: { ar: 'فرنسا', zh: '法国', en: 'France', fr: 'France', es: 'Francia', ru: 'Франция' },
      formal_names: { ar: 'الجمهورية الفرنسية', zh: '法兰西共和国', en: 'French Republic', fr: 'République française', es: 'República Francesa', ru: 'Французская Республика' },
    });
    const rus = body.countries.find((c: Json) => c.iso3 === 'RUS');
    assert.deepEqual([rus.names.en, rus.names.fr], ['Russian Federation', 'Fédération de Russie']);
    const hkg = body.countries.find((c: Json) => c.iso3 === 'HKG');
    assert.deepEqual([hkg.kind, hkg.names.en, hkg.formal_names], ['area_own_regime', 'China, Hong Kong Special Administrative Region', null]);
  });

  it('filters countries by kind: States only, or one kind', async () => {
    const states = await getJson('/api/v1/countries?kind=state');
    assert.equal(states.countries.length, 197);
    const codes = new Set(states.countries.map((c: Json) => c.iso3));
    for (const iso3 of ['RUS', 'VAT', 'PSE', 'COK']) assert.ok(codes.has(iso3), iso3);
    for (const iso3 of ['ATA', 'BVT', 'HKG', 'TWN', 'PRI']) assert.ok(!codes.has(iso3), iso3);
    const ownRegime = await getJson('/api/v1/countries?kind=area_own_regime&region=142');
    assert.deepEqual(ownRegime.countries.map((c: Json) => c.iso3), ['HKG', 'MAC']);
    const bad = await getJson('/api/v1/countries?kind=territory', 400);
    assert.deepEqual(bad.errors.map((e: Json) => e.field), ['kind']);
  });

  it('filters countries by an M49 area at any level', async () => {
    const western = await getJson('/api/v1/countries?region=155');
    assert.deepEqual(western.countries.map((c: Json) => c.iso3), ['AUT', 'BEL', 'CHE', 'DEU', 'FRA', 'LIE', 'LUX', 'MCO', 'NLD']);
    const caribbean = await getJson('/api/v1/countries?region=029');
    assert.ok(caribbean.countries.length > 20 && caribbean.countries.every((c: Json) => c.intermediate_region_code === '029'));
  });

  it('names the bad parameter of a countries request', async () => {
    for (const [path, field] of [
      ['/api/v1/countries?region=999', 'region'],
      ['/api/v1/countries?region=abc', 'region'],
      ['/api/v1/countries?regoin=150', 'regoin'],
      ['/api/v1/countries/12', 'iso3'],
      ['/api/v1/countries/FRAN', 'iso3'],
    ] as const) {
      const body = await getJson(path, 400);
      assert.deepEqual(
        body.errors.map((e: Json) => e.field),
        [field],
        path,
      );
    }
  });

  it('gives a country profile, case-insensitively', async () => {
    const body = await getJson('/api/v1/countries/ita');
    assert.equal(body.iso3, 'ITA');
    assert.equal(body.names.zh, '意大利');
    assert.deepEqual(body.regions.map((r: Json) => r.code), ['150', '039']);
    assert.deepEqual(body.entry_counts, { legislation: 0, case: 1, treaty: 0, strategy: 0 });
    assert.equal(body.treaties.length, 1);
    assert.equal(body.treaties[0].treaty_id, 'untoc');
    assert.equal(body.treaties[0].consent_kind, 'ratification');
    assert.equal(body.treaties[0].titles.ru, 'Конвенция Организации Объединенных Наций против транснациональной организованной преступности');
    const missing = await getJson('/api/v1/countries/XXX', 404);
    assert.equal(missing.status, 404);
    assert.match(missing.detail, /XXX/);
  });

  it('lists the M49 regions with country counts', async () => {
    const body = await getJson('/api/v1/regions');
    assert.equal(body.regions.length, 30);
    const europe = body.regions.find((r: Json) => r.code === '150');
    assert.equal(europe.level, 'region');
    assert.equal(europe.names.ar, 'أوروبا');
    assert.ok(europe.country_count > 40);
    assert.equal(body.regions.find((r: Json) => r.code === '001').country_count, 249);
  });

  it('lists the taxonomies and one taxonomy, and refuses an unknown one', async () => {
    const all = await getJson('/api/v1/taxonomies');
    assert.deepEqual(all.taxonomies.map((t: Json) => [t.taxonomy, t.terms.length]), [
      ['crime', 15],
      ['cooperation', 8],
      ['issue', 12],
      ['measure', 17],
    ]);
    const coop = await getJson('/api/v1/taxonomies/cooperation');
    const mla = coop.terms.find((t: Json) => t.code === 'mla');
    assert.equal(mla.labels.es, 'Asistencia judicial recíproca');
    assert.match(mla.reference, /UNTOC art\. 18/);
    const bad = await getJson('/api/v1/taxonomies/crimes', 400);
    assert.equal(bad.errors[0].field, 'taxonomy');
    assert.match(bad.errors[0].message, /crime, cooperation, issue, measure/);
  });

  it('lists instruments and gives one with its articles', async () => {
    const list = await getJson('/api/v1/instruments');
    assert.equal(list.instruments.length, 8);
    const untoc = await getJson('/api/v1/instruments/untoc');
    assert.equal(untoc.short_name, 'UNTOC');
    assert.equal(untoc.article_count, 41);
    assert.equal(untoc.articles.length, 41);
    const a18 = untoc.articles.find((a: Json) => a.number === '18');
    assert.deepEqual(a18.titles, { en: 'Mutual legal assistance' });
    assert.ok(a18.terms.includes('cooperation:mla'));
    assert.equal(a18.texts, undefined, 'the list carries no article texts');
    const tip = await getJson('/api/v1/instruments/untoc-tip');
    assert.equal(tip.parent_id, 'untoc');
    await getJson('/api/v1/instruments/no-such-treaty', 404);
    const bad = await getJson('/api/v1/instruments/Bad%20Id', 400);
    assert.equal(bad.errors[0].field, 'id');
  });

  it('gives an article with its texts, the languages held and its page', async () => {
    const body = await getJson('/api/v1/instruments/untoc/articles/18');
    assert.equal(body.instrument.id, 'untoc');
    assert.match(body.texts.en, /shall afford one another the widest measure of mutual legal assistance/);
    assert.equal(body.texts.nl, undefined, 'the Dutch translation is not a language version of the treaty');
    assert.deepEqual(body.languages, { texts: ['en'], titles: ['en'] });
    assert.equal(body.previous, '17');
    assert.equal(body.next, '19');
    assert.equal(body.page_urls.fr, '/fr/instruments/untoc/articles/18');
    assert.equal(Object.keys(body.page_urls).length, 6);
    const first = await getJson('/api/v1/instruments/coe-mla/articles/1');
    assert.equal(first.previous, null);
    assert.deepEqual(first.languages.titles, []);
    await getJson('/api/v1/instruments/untoc/articles/42', 404);
    await getJson('/api/v1/instruments/nothing/articles/1', 404);
    const bad = await getJson('/api/v1/instruments/untoc/articles/eighteen', 400);
    assert.equal(bad.errors[0].field, 'n');
  });

  it('gives the headings in the requested language, Palermo translations marked as such', async () => {
    const en = await getJson('/api/v1/instruments/untoc/articles/18');
    assert.deepEqual(en.heading, { text: 'Mutual legal assistance', lang: 'en', translated: false });
    const zh = await getJson('/api/v1/instruments/untoc/articles/18?lang=zh');
    assert.equal(zh.heading.lang, 'zh');
    assert.equal(zh.heading.translated, true);
    assert.match(zh.heading.text, /\p{Script=Han}/u);
    assert.deepEqual(zh.titles, { en: 'Mutual legal assistance' }, 'titles keep only the authentic headings');
    const list = await getJson('/api/v1/instruments/untoc?lang=ar');
    const untitled = list.articles.filter((a: Json) => a.heading === null || a.heading.lang !== 'ar' || !a.heading.translated);
    assert.deepEqual(untitled, [], 'every UNTOC heading has its Arabic translation');
    assert.ok(list.articles.every((a: Json) => /\p{Script=Arabic}/u.test(a.heading.text)));
    // The 1959 Convention has no headings: null, not an invented one.
    const coe = await getJson('/api/v1/instruments/coe-mla/articles/1?lang=fr');
    assert.equal(coe.heading, null);
    const bad = await getJson('/api/v1/instruments/untoc/articles/18?lang=nl', 400);
    assert.equal(bad.errors[0].field, 'lang');
  });

  it('answers any article path with 200, 400 or 404, never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 1, maxLength: 12 }), async (id, n) => {
        const res = await server.get(`/api/v1/instruments/${encodeURIComponent(id)}/articles/${encodeURIComponent(n)}`);
        await res.arrayBuffer();
        assert.ok([200, 400, 404].includes(res.status), `${id}/${n} → ${res.status}`);
      }),
      { numRuns: 60 },
    );
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = (await (await server.get('/api/openapi.json')).json()) as Json;
    for (const path of [
      '/api/v1/countries',
      '/api/v1/countries/{iso3}',
      '/api/v1/regions',
      '/api/v1/taxonomies',
      '/api/v1/taxonomies/{taxonomy}',
      '/api/v1/instruments',
      '/api/v1/instruments/{id}',
      '/api/v1/instruments/{id}/articles/{n}',
    ]) {
      const op = doc.paths[path]?.get;
      assert.ok(op, `${path} documented`);
      assert.deepEqual(op.tags, ['reference']);
      assert.ok(op.summary && op.description, `${path} summary and description`);
      assert.ok(op.responses['200'], `${path} 200 response`);
    }
  });
});
