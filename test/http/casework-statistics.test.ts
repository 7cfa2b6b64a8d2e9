/**
 * Casework statistics over real HTTP: refusals for users without casework rights, the page with its
 * SVG charts and tables, well-formed CSV, the JSON API, and the public pages that exist only once an
 * authority publishes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';
import { anAuthority } from '../factories/directory.js';
import { CLI_ACTOR } from '../../src/modules/access/actor.js';
import { importAuthorities } from '../../src/modules/directory/import/service.js';
import { countBy, generateCases, insertCases, settingsFor } from '../service/casework-statistics-data.js';

describe('casework statistics over HTTP', () => {
  let server: TestServer;
  const A = `http-stat-a-${process.pid}`;
  const B = `http-stat-b-${process.pid}`;
  const casesA = generateCases(11, 40, A, 'FRA');
  const casesB = generateCases(12, 25, B, 'DEU');
  const officer = () => new Client(server);
  let officerC: Client;
  let supervisorC: Client;
  let nobodyC: Client;

  before(async () => {
    server = await startTestServer();
    const db = server.runtime.db;
    await importAuthorities(db, { actor: CLI_ACTOR }, 'jsonl', async function* () {
      yield Buffer.from([anAuthority({ id: A, country: 'FRA' }), anAuthority({ id: B, country: 'DEU' })].map((d) => JSON.stringify(d)).join('\n'));
    });
    await settingsFor(db, A, 'FRA');
    await settingsFor(db, B, 'DEU');
    await insertCases(db, [...casesA, ...casesB]);
    officerC = officer();
    supervisorC = new Client(server);
    nobodyC = new Client(server);
    await signInAs(officerC, await makeUser(server, { roles: [{ role: 'authority_officer', authority_id: A }], totp: true, name: 'Officer A' }));
    await signInAs(supervisorC, await makeUser(server, { roles: [{ role: 'authority_supervisor', authority_id: A }], totp: true, name: 'Supervisor A' }));
    await signInAs(nobodyC, await makeUser(server, { name: 'Registered only' }));
  });
  after(async () => server?.close());

  it('refuses users without casework rights (403) on pages, CSV and API', async () => {
    for (const path of ['/en/casework/statistics', '/en/casework/statistics/csv/kinds', '/en/casework/statistics/state/FRA', '/api/v1/casework/statistics']) {
      const res = await nobodyC.get(path);
      assert.equal(res.status, 403, path);
      await res.arrayBuffer();
    }
    const api = await nobodyC.get('/api/v1/casework/statistics?authority=' + A);
    assert.equal(api.status, 403);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
    const other = await officerC.get(`/api/v1/casework/statistics?authority=${B}`);
    assert.equal(other.status, 403, 'another authority');
    await other.arrayBuffer();
  });

  it('renders the page with accessible SVG charts and the tables of the same figures', async () => {
    for (const lang of ['en', 'ar', 'zh']) {
      const res = await officerC.get(`/${lang}/casework/statistics`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const svgs = html.match(/<svg[^>]*class="cw-chart"[^>]*>/g) ?? [];
      assert.ok(svgs.length >= 5, `${lang}: charts`);
      for (const s of svgs) {
        assert.match(s, /role="img"/);
        assert.match(s, /aria-label="[^"]+"/);
      }
      assert.match(html, /<title id="chart-kinds-t">/);
      assert.match(html, /<desc id="chart-kinds-d">/);
      assert.match(html, /<table class="cw-stat-table" id="table-kinds">/);
      assert.match(html, /<table class="cw-stat-table" id="table-outcomes-by-kind">/);
      if (lang === 'ar') assert.match(html, /direction="rtl"/);
    }
    const bad = await officerC.get('/en/casework/statistics?year=20x5');
    assert.equal(bad.status, 400);
    await bad.arrayBuffer();
  });

  it('serves every table as well-formed CSV (RFC 4180, UTF-8 with BOM, named columns)', async () => {
    const res = await officerC.get('/en/casework/statistics/csv/kinds?direction=incoming');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="casework-.*-kinds\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark');
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), ['kind', 'incoming', 'outgoing', 'total']);
    const expected = countBy(casesA.filter((s) => s.direction === 'incoming'), (s) => [s.kind, 'total']);
    assert.deepEqual(new Map(rows.map((r) => [r.kind!, Number(r.incoming)])), new Map([...expected].map(([k, v]) => [k, v.incoming])));
    for (const table of ['legal-bases', 'measures', 'partners', 'regions', 'offences', 'outcomes', 'outcomes-by-kind', 'refusal-grounds', 'processing', 'time-in-state', 'backlog', 'years', 'months']) {
      const r = await officerC.get(`/en/casework/statistics/csv/${table}`);
      assert.equal(r.status, 200, table);
      const body = (await r.text()).replace(/^\uFEFF/, '');
      const parsed = parse(body) as string[][];
      assert.ok(parsed.length >= 1 && parsed.every((x) => x.length === parsed[0]!.length), `${table}: rectangular`);
    }
    const none = await officerC.get('/en/casework/statistics/csv/nothing');
    assert.equal(none.status, 404);
    await none.arrayBuffer();
  });

  it('answers the JSON API with the authority\'s figures only', async () => {
    const res = await officerC.get('/api/v1/casework/statistics?year=2025');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { authority: string; figures: { totals: { total: number } } };
    assert.equal(body.authority, A);
    assert.equal(body.figures.totals.total, casesA.filter((s) => s.opened.startsWith('2025')).length);
    const bad = await officerC.get('/api/v1/casework/statistics?kind=nonsense');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /kind/);
  });

  it('shows public figures for a published authority only', async () => {
    const before = await new Client(server).get('/en/statistics/FRA');
    assert.equal(before.status, 404);
    await before.arrayBuffer();
    const officerTry = await officerC.submit('/en/casework/statistics', '/en/casework/statistics/publication', { authority: A, publish: 'true' });
    assert.equal(officerTry.status, 403, 'an officer does not publish');
    await officerTry.arrayBuffer();
    const { html } = await supervisorC.page('/en/casework/statistics');
    assert.match(html, /Publish the figures/);
    const res = await supervisorC.submit('/en/casework/statistics', '/en/casework/statistics/publication', { authority: A, publish: 'true' });
    assert.equal(res.status, 303);
    const anon = new Client(server);
    const page = await anon.get('/en/statistics/FRA');
    assert.equal(page.status, 200);
    const text = await page.text();
    assert.match(text, /<svg[^>]*role="img"/);
    assert.ok(!text.includes('Secret case title'), 'no case data');
    const global = await (await anon.get('/fr/statistics')).text();
    assert.match(global, /href="\/fr\/statistics\/FRA"/);
    assert.ok(!global.includes('/statistics/DEU'), 'an authority that does not publish is not shown');
    const deu = await anon.get('/en/statistics/DEU');
    assert.equal(deu.status, 404);
    await deu.arrayBuffer();
    const api = await anon.get('/api/v1/statistics');
    assert.equal(api.status, 200);
    const json = (await api.json()) as { rows: { key: string }[]; authorities: string[] };
    assert.deepEqual(json.authorities, [A]);
  });
});
