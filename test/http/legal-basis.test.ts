import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureFullTestReference } from '../factories/reference.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importShippedStatus, importTreatyStatus, SHIPPED_STATUS } from '../../src/modules/legalbasis/import-service.js';

type Json = Record<string, any>;

describe('legal basis API and pages', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await ensureFullTestReference(server.runtime.db);
    await importShippedStatus(server.runtime.db);
  });
  after(async () => server?.close());

  it('GET /api/v1/legal-basis answers with instruments, status, order and the depositary date', async () => {
    const res = await server.get('/api/v1/legal-basis?from=FRA&to=COL&kind=mla');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Json;
    assert.deepEqual(body.binding.map((i: Json) => i.id).slice(0, 2), ['untoc', 'uncac']);
    assert.equal(body.binding[0].from.consent_on, '2002-10-29');
    assert.equal(body.binding[0].as_of, '2014');
    assert.equal(body.steps[0].code, 'untoc_18_paras_9_29');
    assert.deepEqual(body.as_of, ['2014']);
    assert.equal(body.binding[0].from.entry_into_force_on, '2003-09-29');
    assert.equal(body.binding[0].from.in_force, 'in_force');
  });

  it('says when a State is a party but the instrument is not yet in force for it on the day asked', async () => {
    const res = await server.get('/api/v1/legal-basis?from=FRA&to=COL&kind=mla&on=2003-10-01');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Json;
    assert.equal(body.on, '2003-10-01');
    assert.equal(body.binding[0].to.in_force, 'not_yet_in_force');
    assert.deepEqual(body.steps[0], { code: 'not_yet_in_force', instrument: 'untoc', state: 'COL', from_on: '2004-09-03' });
    const html = await (await server.get('/en/legal-basis?from=FRA&to=COL&kind=mla&on=2003-10-01')).text();
    assert.match(html, /not yet in force for it on Oct 1, 2003: in force from Sep 3, 2004/);
    assert.match(html, /in force for it since Sep 29, 2003/);
    const bad = await server.get('/en/legal-basis?from=FRA&to=COL&kind=mla&on=2003-02-30');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="e-on"/);
    const treaty = await (await server.get('/en/treaties/untoc')).text();
    assert.match(treaty, /Sep 29, 2003/);
  });

  it('says when nothing binds both (reciprocity and domestic law)', async () => {
    // Somalia is in none of the five depositary files of 2014; it signed none either.
    const res = await server.get('/api/v1/legal-basis?from=FRA&to=SOM&kind=extradition');
    const body = (await res.json()) as Json;
    assert.equal(res.status, 200);
    assert.deepEqual(body.binding, []);
    assert.deepEqual(body.steps, [{ code: 'nothing_binds' }]);
    assert.ok(body.not_binding.some((i: Json) => i.id === 'untoc' && i.from && i.to === null));
  });

  it('400 problem+json naming the parameter for unknown States and kinds', async () => {
    for (const [query, field] of [
      ['from=XYZ&to=FRA&kind=mla', 'from'],
      ['from=FRA&to=12&kind=mla', 'to'],
      ['from=FRA&to=COL&kind=rendition', 'kind'],
      ['from=FRA&to=COL', 'kind'],
      ['from=FRA&to=COL&kind=mla&on=2014-13-01', 'on'],
      ['from=FRA&to=COL&kind=mla&on=yesterday', 'on'],
    ] as const) {
      const res = await server.get(`/api/v1/legal-basis?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as Json;
      assert.deepEqual(
        body.errors.map((e: Json) => e.field),
        [field],
        query,
      );
    }
  });

  it('never answers 500 to any query (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ from: fc.oneof(fc.string(), fc.constantFrom('FRA', 'fra', 'COL', 'ZZZ')), to: fc.oneof(fc.string(), fc.constantFrom('COL', 'ITA', '')), kind: fc.oneof(fc.string(), fc.constantFrom('mla', 'extradition', 'jit')), on: fc.option(fc.oneof(fc.string(), fc.constantFrom('2003-10-01', '0000-01-01', '9999-12-31', '2004-02-29')), { nil: undefined }), extra: fc.option(fc.string(), { nil: undefined }) }), async (q) => {
        const params = new URLSearchParams({ from: q.from, to: q.to, kind: q.kind, ...(q.on !== undefined ? { on: q.on } : {}), ...(q.extra !== undefined ? { extra: q.extra } : {}) });
        const res = await server.get(`/api/v1/legal-basis?${params}`);
        assert.ok(res.status === 200 || res.status === 400, `${params} → ${res.status}`);
        await res.arrayBuffer();
      }),
      { numRuns: 60 },
    );
  });

  it('the page works without JavaScript, in the six languages, and says "as published by the depositary"', async () => {
    const res = await server.get('/en/legal-basis?from=FRA&to=COL&kind=extradition');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<form method="get"/);
    assert.match(html, /Status as published by the depositary, as of 2014\./);
    assert.match(html, /UNTOC/);
    for (const lang of ['ar', 'zh', 'fr', 'es', 'ru']) {
      const r = await server.get(`/${lang}/legal-basis?from=FRA&to=COL&kind=mla`);
      assert.equal(r.status, 200, lang);
      assert.match(await r.text(), /2014/);
    }
    const bad = await server.get('/en/legal-basis?from=FRA&to=XYZ&kind=mla');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="e-to"/);
    assert.equal((await server.get('/en/legal-basis')).status, 200);
  });

  it('names the shipped instruments by their short names in the reader\'s language (ar, zh), not in English', async () => {
    const names = {
      ar: ['اتفاقية الجريمة المنظمة', 'اتفاقية مكافحة الفساد'],
      zh: ['有组织犯罪公约', '反腐败公约'],
      fr: ['Convention contre la criminalité organisée'],
    } as const;
    for (const [lang, expected] of Object.entries(names)) {
      const html = await (await server.get(`/${lang}/legal-basis?from=FRA&to=COL&kind=mla`)).text();
      const table = html.slice(html.indexOf('legal-basis-table'));
      for (const name of expected) assert.ok(table.includes(name), `${lang}: ${name}`);
      assert.doesNotMatch(table, />(UNTOC|UNCAC)</, lang);
      // The order of the steps names the treaties in the reader's language too.
      assert.doesNotMatch(html.slice(html.indexOf('legal-basis-steps'), html.indexOf('legal-basis-table')), /UNTOC|UNCAC/, lang);
    }
  });

  it('the directory lookup shows the legal basis when the requesting State is given', async () => {
    const res = await server.get('/en/directory/lookup?state=COL&request=mla&from=FRA');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="lookup-basis-heading"/);
    assert.match(html, /as published by the depositary, as of 2014/);
    const bad = await server.get('/en/directory/lookup?state=COL&request=mla&from=QQQ');
    assert.equal(bad.status, 400);
  });

  it('the directory lookup tells the legal basis for the day asked (on=), and refuses a malformed day naming on', async () => {
    const res = await server.get('/en/directory/lookup?state=COL&request=mla&from=FRA&on=2003-10-01');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<input type="date" id="f-on" name="on" value="2003-10-01"/, 'the day kept in the form');
    assert.match(html, /not yet in force for it on Oct 1, 2003: in force from Sep 3, 2004/, 'Colombia: not yet bound on that day');
    assert.match(html, /in force for it since Sep 29, 2003/);
    assert.ok(html.includes('href="/en/legal-basis?from=FRA&amp;to=COL&amp;kind=mla&amp;on=2003-10-01"'), 'the full answer for the same day');
    const today = await (await server.get('/en/directory/lookup?state=COL&request=mla&from=FRA&on=')).text();
    assert.doesNotMatch(today, /not yet in force for it on/, 'empty: today, when both are bound');
    const zh = await server.get('/zh/directory/lookup?state=COL&request=mla&from=FRA&on=2003-10-01');
    assert.equal(zh.status, 200);
    for (const on of ['2003-02-30', 'yesterday', '2003-1-01', '20031001', "'; DROP TABLE x;--"]) {
      for (const q of [`state=COL&request=mla&from=FRA&on=${encodeURIComponent(on)}`, `on=${encodeURIComponent(on)}`]) {
        const bad = await server.get(`/ar/directory/lookup?${q}`);
        assert.equal(bad.status, 400, `${q}`);
        const body = await bad.text();
        assert.match(body, /<span class="field-error" id="e-on">/, `${q}: the error beside the field`);
        assert.match(body, /aria-describedby="e-on"/);
        assert.ok(body.includes('ليس تاريخا'), `${q}: the error in the reader's language`);
        assert.doesNotMatch(body, /id="lookup-basis-heading"/, `${q}: no legal basis for a day not understood`);
      }
    }
  });

  it('treaty and country pages carry the depositary note', async () => {
    const treaty = await (await server.get('/fr/treaties/untoc')).text();
    assert.match(treaty, /État tel que publié par le dépositaire, au 2014\./);
    const country = await (await server.get('/en/countries/FRA')).text();
    assert.match(country, /Status as published by the depositary, as of 2014\./);
    assert.match(country, /legal-basis\?from=FRA/);
  });
  it('treaty and country pages give each State’s date of entry into force, and mark a party for which the instrument is not yet in force', async () => {
    const mne = await (await server.get('/en/countries/MNE')).text();
    assert.match(mne, /date of entry into force for it not given by the depositary/);
    const fra = await (await server.get('/en/countries/FRA')).text();
    assert.match(fra, /Sep 29, 2003/);
    // Tuvalu accedes today (a newer import): UNTOC enters into force for it on the thirtieth day after.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-status-'));
    const today = new Date();
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const csv = fs.readFileSync(path.join(SHIPPED_STATUS.dir, '18-12.csv'), 'utf8').trimEnd() + `\nTuvalu,,${today.getUTCDate()} ${months[today.getUTCMonth()]} ${today.getUTCFullYear()} a\n`;
    fs.writeFileSync(path.join(dir, '18-12.csv'), csv);
    await importTreatyStatus(server.runtime.db, dir, { asOf: '2014', source: 'test: 2014 status and one accession today' });
    fs.rmSync(dir, { recursive: true, force: true });
    const tuv = await (await server.get('/en/countries/TUV')).text();
    assert.match(tuv, /class="not-yet-in-force"> \(not yet in force on /);
    const treaty = await (await server.get('/fr/treaties/untoc')).text();
    assert.match(treaty, /pas encore en vigueur le /);
    const api = (await (await server.get('/api/v1/legal-basis?from=FRA&to=TUV&kind=mla')).json()) as Json;
    assert.equal(api.binding[0].to.in_force, 'not_yet_in_force');
    assert.equal(api.steps[0].code, 'not_yet_in_force');
  });
});
