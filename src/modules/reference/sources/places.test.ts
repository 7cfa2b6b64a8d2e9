import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../../platform/i18n/languages.js';
import { STATE_KINDS } from '../definitions/un-names.js';
import { buildCountries, buildRegions, readPlaceSources } from './places.js';

describe('States, areas and regions from the UN lists (UNTERM, UNSD M49)', () => {
  const src = readPlaceSources();
  const countries = buildCountries(src);
  const regions = buildRegions(src);
  const country = (iso3: string) => countries.find((c) => c.iso3 === iso3)!;
  const region = (code: string) => regions.find((r) => r.code === code)!;

  it('lists every M49 country or area once, with ISO 3166-1 codes', () => {
    assert.equal(countries.length, 249);
    for (const key of ['iso3', 'iso2', 'm49'] as const) assert.equal(new Set(countries.map((c) => c[key])).size, 249, `${key} unique`);
    for (const code of ['XK', 'EU', 'UN', 'ZZ', 'QO', 'EZ']) assert.ok(!countries.some((c) => c.iso2 === code), `${code} excluded`);
  });

  it('uses the UNTERM short names of States in the six languages, without articles or notes', () => {
    assert.deepEqual(country('RUS').names, {
      ar: 'الاتحاد الروسي',
      zh: '俄罗斯联邦',
      en: 'Russian Federation',
      fr: 'Fédération de Russie',
      es: 'Federación de Rusia',
      ru: 'Российская Федерация',
    });
    assert.equal(country('COD').names.en, 'Democratic Republic of the Congo');
    assert.equal(country('COG').names.en, 'Congo');
    assert.equal(country('ATG').names.en, 'Antigua and Barbuda');
    assert.equal(country('BOL').names.en, 'Bolivia (Plurinational State of)');
    assert.equal(country('IRN').names.fr, "Iran (République islamique d')");
    assert.equal(country('VNM').names.en, 'Viet Nam');
    assert.equal(country('GBR').names.fr, "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord");
    assert.equal(country('VAT').names.en, 'Holy See');
    assert.equal(country('PSE').names.en, 'State of Palestine');
    assert.equal(country('COK').names.fr, 'Îles Cook');
    assert.equal(country('TUR').names.en, 'Türkiye');
    assert.equal(country('CIV').names.fr, "Côte d'Ivoire");
    for (const c of countries) {
      for (const lang of LANGS) {
        const name = c.names[lang];
        assert.ok(name.trim(), `${c.iso3} has a ${lang} name`);
        assert.doesNotMatch(name, /\*|\((the|le|la|les|l'|el|los|las)\)$/u, `${c.iso3} ${lang}: "${name}"`);
      }
    }
  });

  it('keeps the UNTERM formal names of States, without the leading article', () => {
    assert.equal(country('BOL').formal_names!.en, 'Plurinational State of Bolivia');
    assert.equal(country('BOL').formal_names!.fr, 'État plurinational de Bolivie');
    assert.equal(country('FRA').formal_names!.en, 'French Republic');
    assert.equal(country('VAT').formal_names!.es, 'Santa Sede');
    for (const c of countries) assert.equal(c.formal_names === null, !STATE_KINDS.has(c.kind), `${c.iso3}: formal names exactly for States`);
  });

  it('tells States from areas', () => {
    const byKind = (kind: string) => countries.filter((c) => c.kind === kind).map((c) => c.iso3);
    assert.equal(byKind('member_state').length, 193);
    assert.deepEqual(byKind('observer_state'), ['PSE', 'VAT']);
    assert.deepEqual(byKind('non_member_state'), ['COK', 'NIU']);
    assert.deepEqual(byKind('area_own_regime'), ['HKG', 'MAC']);
    for (const iso3 of ['ATA', 'BVT', 'TWN', 'GRL', 'PRI', 'ESH', 'SHN']) assert.equal(country(iso3).kind, 'area', iso3);
    assert.equal(country('HKG').names.en, 'China, Hong Kong Special Administrative Region');
    assert.equal(country('HKG').names.zh, '中国香港特别行政区');
  });

  it('classifies countries in the M49 hierarchy, with M49 region names in each language', () => {
    const fra = country('FRA');
    assert.deepEqual([fra.iso2, fra.m49, fra.region_code, fra.subregion_code, fra.intermediate_region_code], ['FR', '250', '150', '155', null]);
    assert.deepEqual([country('GHA').region_code, country('GHA').subregion_code, country('GHA').intermediate_region_code], ['002', '202', '011']);
    assert.deepEqual([country('BRA').region_code, country('BRA').subregion_code, country('BRA').intermediate_region_code], ['019', '419', '005']);
    assert.deepEqual([country('JEY').subregion_code, country('JEY').intermediate_region_code], ['154', null]);
    assert.deepEqual([country('ATA').region_code, country('ATA').subregion_code], [null, null]);
    assert.deepEqual(countries.filter((c) => !c.region_code || !c.subregion_code).map((c) => c.iso3), ['ATA']);
    assert.equal(region('001').names.en, 'World');
    assert.equal(region('419').names.en, 'Latin America and the Caribbean');
    assert.equal(region('035').names.en, 'South-eastern Asia');
    assert.equal(region('053').names.fr, 'Australie et Nouvelle-Zélande');
    assert.equal(region('202').names.zh, '撒哈拉以南非洲');
    assert.equal(regions.length, 30);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    for (const c of countries.filter((x) => x.region_code)) {
      assert.equal(byCode.get(c.subregion_code!)!.parent_code, c.region_code, `${c.iso3}: sub-region inside region`);
      if (c.intermediate_region_code) assert.equal(byCode.get(c.intermediate_region_code)!.parent_code, c.subregion_code, `${c.iso3}: intermediate inside sub-region`);
    }
  });
});
