import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../../platform/i18n/languages.js';
import { M49_INTERMEDIATE, M49_REGIONS, M49_SUBREGIONS } from '../definitions/m49.js';
import { buildCountries, buildRegions, readPlaceSources } from './places.js';

describe('countries and regions from CLDR and ISO 3166', () => {
  const src = readPlaceSources();
  const countries = buildCountries(src);
  const regions = buildRegions(src);
  const country = (iso3: string) => countries.find((c) => c.iso3 === iso3);
  const regionCodes = new Set(regions.map((r) => r.code));

  it('lists every ISO 3166-1 country and territory once, without user-assigned codes', () => {
    assert.equal(countries.length, 249);
    assert.equal(new Set(countries.map((c) => c.iso3)).size, 249);
    assert.equal(new Set(countries.map((c) => c.iso2)).size, 249);
    assert.equal(new Set(countries.map((c) => c.m49)).size, 249);
    for (const code of ['XK', 'EU', 'UN', 'ZZ', 'QO', 'EZ']) assert.ok(!countries.some((c) => c.iso2 === code), `${code} excluded`);
    for (const c of countries) {
      assert.match(c.iso3, /^[A-Z]{3}$/);
      assert.match(c.iso2, /^[A-Z]{2}$/);
      assert.match(c.m49, /^[0-9]{3}$/);
    }
  });

  it('names every country and region in the six languages', () => {
    for (const item of [...countries, ...regions]) {
      for (const lang of LANGS) assert.ok(item.names[lang]?.trim(), `${'iso3' in item ? item.iso3 : item.code} has a ${lang} name`);
    }
    assert.equal(country('EGY')!.names.ar, 'مصر');
    assert.equal(country('CHN')!.names.zh, '中国');
    assert.equal(country('FRA')!.names.fr, 'France');
    assert.equal(country('RUS')!.names.ru, 'Россия');
    assert.equal(country('ESP')!.names.es, 'España');
    assert.equal(regions.find((r) => r.code === '001')!.names.en, 'World');
  });

  it('classifies countries in the M49 hierarchy', () => {
    assert.deepEqual(
      { ...country('FRA'), names: undefined },
      { iso3: 'FRA', iso2: 'FR', m49: '250', region_code: '150', subregion_code: '155', intermediate_region_code: null, names: undefined },
    );
    assert.equal(country('EGY')!.subregion_code, '015');
    assert.equal(country('EGY')!.region_code, '002');
    const gha = country('GHA')!;
    assert.deepEqual([gha.region_code, gha.subregion_code, gha.intermediate_region_code], ['002', '202', '011']);
    const bra = country('BRA')!;
    assert.deepEqual([bra.region_code, bra.subregion_code, bra.intermediate_region_code], ['019', '419', '005']);
    const jey = country('JEY')!;
    assert.deepEqual([jey.region_code, jey.subregion_code, jey.intermediate_region_code], ['150', '154', '830']);
    assert.equal(country('USA')!.subregion_code, '021');
    assert.equal(country('AUS')!.subregion_code, '053');
  });

  it('leaves Antarctica without region and classifies every other territory', () => {
    const ata = country('ATA')!;
    assert.deepEqual([ata.region_code, ata.subregion_code, ata.intermediate_region_code], [null, null, null]);
    const unclassified = countries.filter((c) => !c.region_code || !c.subregion_code).map((c) => c.iso3);
    assert.deepEqual(unclassified, ['ATA']);
  });

  it('builds a consistent hierarchy that agrees with CLDR containment', () => {
    assert.equal(regions.length, 1 + M49_REGIONS.length + Object.keys(M49_SUBREGIONS).length + Object.keys(M49_INTERMEDIATE).length);
    for (const r of regions) {
      if (r.level === 'world') assert.equal(r.parent_code, null);
      else assert.ok(r.parent_code && regionCodes.has(r.parent_code), `${r.code} has a known parent`);
    }
    const byCode = new Map(regions.map((r) => [r.code, r]));
    for (const c of countries.filter((x) => x.region_code)) {
      assert.equal(byCode.get(c.subregion_code!)!.parent_code, c.region_code, `${c.iso3}: sub-region inside region`);
      if (c.intermediate_region_code) assert.equal(byCode.get(c.intermediate_region_code)!.parent_code, c.subregion_code, `${c.iso3}: intermediate inside sub-region`);
    }
    // CLDR itself contains each sub-region in its region (directly or through a grouping such as 202 or 419).
    const contains = (area: string, member: string): boolean =>
      Object.entries(src.containment).some(([k, v]) => k.split('-')[0] === area && (v._contains ?? []).includes(member));
    for (const [code, parent] of Object.entries(M49_SUBREGIONS)) assert.ok(contains(parent, code), `CLDR: ${code} in ${parent}`);
    for (const [code, parent] of Object.entries(M49_INTERMEDIATE)) if (code !== '830') assert.ok(contains(parent, code), `CLDR: ${code} in ${parent}`);
  });

  it('uses the names closer to UN usage where CLDR offers them', () => {
    assert.equal(country('COD')!.names.en, 'Congo (DRC)');
    assert.equal(country('PSE')!.names.en, 'Palestine');
    assert.equal(country('MMR')!.names.en, 'Myanmar');
  });
});
