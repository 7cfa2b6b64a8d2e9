/**
 * UN names of States and areas on pages and in the lookup: UNTERM short and formal names, M49 names
 * of areas and regions, in the reader's language; States apart from areas (issue 13, section 1).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('UN names of States and areas on pages', () => {
  let server: TestServer;
  const page = async (path: string) => {
    const res = await server.get(path);
    return { status: res.status, html: await res.text() };
  };
  const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  it('heads a State page with its UNTERM short name, its formal name and its kind, in the reader language', async () => {
    const en = main((await page('/en/countries/BOL')).html);
    assert.match(en, /<h1>Bolivia \(Plurinational State of\)<\/h1>/);
    assert.match(en, /<p class="formal-name">Plurinational State of Bolivia<\/p>/);
    assert.match(en, /Member State of the United Nations/);
    assert.match(main((await page('/fr/countries/RUS')).html), /<h1>Fédération de Russie<\/h1>/);
    assert.match(main((await page('/zh/countries/RUS')).html), /<h1>俄罗斯联邦<\/h1>/);
    assert.match(main((await page('/ar/countries/RUS')).html), /<h1>الاتحاد الروسي<\/h1>/);
    const vat = main((await page('/en/countries/VAT')).html);
    assert.match(vat, /<h1>Holy See<\/h1>/);
    assert.match(vat, /Non-member observer State/);
    assert.doesNotMatch(vat, /\*/);
  });

  it('labels areas: with their own regime, or not a State', async () => {
    const hkg = main((await page('/en/countries/HKG')).html);
    assert.match(hkg, /<h1>China, Hong Kong Special Administrative Region<\/h1>/);
    assert.match(hkg, /Area with its own regime of international cooperation/);
    assert.doesNotMatch(hkg, /formal-name/);
    const ata = main((await page('/en/countries/ATA')).html);
    assert.match(ata, /Area \(not a State\)/);
    assert.match(ata, /What Palermo holds on this area/);
  });

  it('lists countries with UN names and M49 region names, areas marked', async () => {
    const en = main((await page('/en/countries')).html);
    for (const name of ['Russian Federation', 'Democratic Republic of the Congo', 'Antigua and Barbuda', 'Latin America and the Caribbean', 'South-eastern Asia']) assert.ok(en.includes(name), name);
    for (const name of ['>Russia<', 'Congo (DRC)', 'Antigua &amp; Barbuda', 'Hong Kong SAR China', '>Southeast Asia<', '>Latin America<']) assert.ok(!en.includes(name), `no CLDR name ${name}`);
    assert.match(en, /Bouvet Island<\/a>\s*<span class="place-kind">Area \(not a State\)<\/span>/);
    const zh = main((await page('/zh/countries')).html);
    assert.ok(zh.includes('拉丁美洲和加勒比'));
  });

  it('offers only States and areas with their own regime as the requested State of the lookup', async () => {
    const html = main((await page('/en/directory/lookup')).html);
    const select = html.slice(html.indexOf('<select id="f-state"'), html.indexOf('</select>', html.indexOf('<select id="f-state"')));
    assert.match(select, /<optgroup label="States">/);
    assert.match(select, /<optgroup label="Areas with their own regime of international cooperation"><option value="HKG">China, Hong Kong Special Administrative Region<\/option><option value="MAC">/);
    assert.match(select, /value="RUS">Russian Federation</);
    for (const iso3 of ['ATA', 'BVT', 'TWN', 'GRL']) assert.ok(!select.includes(`value="${iso3}"`), `${iso3} not offered`);
    assert.equal((select.match(/<option value="[A-Z]{3}"/g) ?? []).length, 199);
  });

  it('refuses an area as requested State and gives no permanent-mission advice for an area with its own regime', async () => {
    const res = await server.get('/api/v1/authorities/lookup?state=ATA&request=mla');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    assert.deepEqual(body.errors.map((e) => e.field), ['state']);
    assert.match(body.errors[0]!.message, /not a State/);
    const hkg = main((await page('/en/directory/lookup?state=HKG&request=mla')).html);
    assert.match(hkg, /an area with its own regime of international cooperation/);
    assert.doesNotMatch(hkg, /permanent mission/);
    const rus = main((await page('/en/directory/lookup?state=RUS&request=mla')).html);
    assert.match(rus, /The directory holds no authority for Russian Federation\. Contact the State through diplomatic channels or its permanent mission/);
  });
});
