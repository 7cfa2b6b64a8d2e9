import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { aCase, aLaw, anExtract, aStrategy } from '../factories/knowledge.js';
import { ensureTestReference } from '../factories/reference.js';
import { getSetting, setSetting } from '../../src/platform/db/settings.js';
import { json } from '../../src/platform/db/types.js';
import { LANGS } from '../../src/platform/i18n/languages.js';
import { saveRecords, saveTreatyParties, getEntry } from '../../src/modules/knowledge/service.js';
import { getArticle, getInstrument, listInstruments } from '../../src/modules/knowledge/instruments.js';
import { REFERENCE_VERSION_KEY, ensureReferenceData, lastReferenceLoad } from '../../src/modules/reference/loader.js';
import { currentReferenceVersion } from '../../src/modules/reference/sources/version.js';
import {
  countryName,
  getCountry,
  getCountryProfile,
  listCountries,
  listCountriesInRegion,
  listRegions,
  listTerms,
  termLabel,
} from '../../src/modules/reference/service.js';

describe('reference data loader', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime({}, { fresh: true }); // the first start loads the reference data
  });
  after(async () => rt?.close());

  it('loads everything when the runtime starts and records the source version', async () => {
    assert.equal(await getSetting<string>(rt.db, REFERENCE_VERSION_KEY), currentReferenceVersion());
    const load = lastReferenceLoad(rt.db);
    assert.ok(load?.loaded);
    assert.deepEqual(load.countries && { created: load.countries.created, updated: load.countries.updated }, { created: 249, updated: 0 });
    assert.equal(load.regions?.created, 30);
    assert.equal(load.terms?.created, 52);
    assert.equal(load.instruments?.created, 8);
    assert.equal(load.instruments?.articles, 288);
    const [countries, regions, terms] = await Promise.all([
      rt.db.selectFrom('countries').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      rt.db.selectFrom('regions').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      rt.db.selectFrom('taxonomy_terms').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    assert.deepEqual([countries.n, regions.n, terms.n], [249, 30, 52]);
  });

  it('stores names in six languages and the M49 classification', async () => {
    const countries = await listCountries(rt.db);
    assert.equal(countries.length, 249);
    for (const c of countries) for (const lang of LANGS) assert.ok(c.names[lang], `${c.iso3} ${lang}`);
    const fra = await getCountry(rt.db, 'fra');
    assert.deepEqual(
      fra && { m49: fra.m49, region: fra.region_code, sub: fra.subregion_code, en: fra.names.en },
      { m49: '250', region: '150', sub: '155', en: 'France' },
    );
    const egy = await getCountry(rt.db, 'EGY');
    assert.equal(egy?.subregion_code, '015');
    assert.equal(egy?.names.ar, 'مصر');
    assert.equal(countryName(countries, 'CHN', 'zh'), '中国');
    assert.equal(countryName(countries, 'EGY', 'ar'), 'مصر');
    const ata = await getCountry(rt.db, 'ATA');
    assert.equal(ata?.region_code, null);
  });

  it('keeps the regions hierarchy and filters countries by any level', async () => {
    const regions = await listRegions(rt.db);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    assert.equal(byCode.get('155')?.parent_code, '150');
    assert.equal(byCode.get('011')?.parent_code, '202');
    assert.equal(byCode.get('202')?.parent_code, '002');
    assert.equal(byCode.get('150')?.parent_code, '001');
    assert.equal(byCode.get('150')?.names.fr, 'Europe');
    const western = (await listCountriesInRegion(rt.db, '155'))!.map((c) => c.iso3);
    assert.ok(western.includes('FRA') && western.includes('DEU') && !western.includes('ITA'));
    const europe = (await listCountriesInRegion(rt.db, '150'))!;
    assert.ok(europe.some((c) => c.iso3 === 'ITA') && europe.some((c) => c.iso3 === 'FRA'));
    const westAfrica = (await listCountriesInRegion(rt.db, '011'))!;
    assert.ok(westAfrica.every((c) => c.region_code === '002' && c.subregion_code === '202'));
    assert.equal((await listCountriesInRegion(rt.db, '001'))?.length, 249);
    assert.equal(await listCountriesInRegion(rt.db, '999'), undefined);
  });

  it('loads the taxonomies with six-language labels', async () => {
    const terms = await listTerms(rt.db);
    assert.equal(terms.length, 52);
    assert.equal((await listTerms(rt.db, 'measure')).length, 17);
    for (const t of terms) for (const lang of LANGS) assert.ok(t.labels[lang], `${t.taxonomy}:${t.code} ${lang}`);
    assert.equal(termLabel(terms, 'cooperation', 'mla', 'fr'), 'Entraide judiciaire');
    assert.equal(termLabel(terms, 'cooperation', 'mla', 'zh'), '司法协助');
    const measure = terms.find((t) => t.taxonomy === 'measure' && t.code === 'taking-evidence');
    assert.match(measure?.reference ?? '', /^UNTOC art\. 18\(3\)\(a\)/);
  });

  it('stores the instruments as treaty entries with their articles and terms', async () => {
    const instruments = await listInstruments(rt.db);
    assert.deepEqual(instruments.map((i) => i.id).sort(), ['coe-cybercrime', 'coe-extradition', 'coe-mla', 'uncac', 'untoc', 'untoc-firearms', 'untoc-som', 'untoc-tip']);
    const untoc = await getInstrument(rt.db, 'untoc');
    assert.equal(untoc?.article_count, 41);
    assert.equal(untoc?.titles.fr, 'Convention des Nations Unies contre la criminalité transnationale organisée');
    assert.equal(untoc?.entry_into_force_on, '2003-09-29');
    assert.deepEqual(untoc?.articles.find((a) => a.number === '18')?.titles, { en: 'Mutual legal assistance' });
    const a18 = await getArticle(rt.db, 'untoc', '18');
    assert.match(a18?.texts.en ?? '', /shall afford one another the widest measure of mutual legal assistance/);
    assert.ok(a18?.terms.includes('cooperation:mla'));
    const entry = await getEntry(rt.db, 'untoc');
    assert.equal(entry?.type, 'treaty');
    const mla = await getInstrument(rt.db, 'coe-mla');
    assert.ok(mla?.articles.every((a) => Object.keys(a.titles).length === 0));
    const origin = await rt.db.selectFrom('entries').select('origin').where('id', '=', 'untoc').executeTakeFirstOrThrow();
    assert.equal(origin.origin, 'reference');
  });

  it('does nothing when the sources did not change', async () => {
    const before = await rt.db.selectFrom('countries').select('updated_at').where('iso3', '=', 'FRA').executeTakeFirstOrThrow();
    const report = await ensureReferenceData(rt.db);
    assert.equal(report.loaded, false);
    const after = await rt.db.selectFrom('countries').select('updated_at').where('iso3', '=', 'FRA').executeTakeFirstOrThrow();
    assert.deepEqual(after.updated_at, before.updated_at);
  });

  it('reloads when the recorded version differs, updating only the rows that changed', async () => {
    await setSetting(rt.db, REFERENCE_VERSION_KEY, '0.outdated');
    await rt.db.updateTable('countries').set({ names: json({ ar: 'x', zh: 'x', en: 'Frankreich', fr: 'x', es: 'x', ru: 'x' }) }).where('iso3', '=', 'FRA').execute();
    await rt.db.updateTable('taxonomy_terms').set({ position: 99 }).where('taxonomy', '=', 'crime').where('code', '=', 'terrorism').execute();
    const report = await ensureReferenceData(rt.db);
    assert.equal(report.loaded, true);
    assert.equal(report.previousVersion, '0.outdated');
    assert.deepEqual(report.countries && [report.countries.created, report.countries.updated, report.countries.unchanged], [0, 1, 248]);
    assert.deepEqual(report.terms && [report.terms.created, report.terms.updated, report.terms.unchanged], [0, 1, 51]);
    assert.deepEqual(report.instruments && [report.instruments.created, report.instruments.updated], [0, 0]);
    assert.equal((await getCountry(rt.db, 'FRA'))?.names.en, 'France', 'cache invalidated after the load');
    assert.equal(await getSetting<string>(rt.db, REFERENCE_VERSION_KEY), currentReferenceVersion());
  });

  it('replaces CLDR-era names and removes areas M49 no longer has once nothing is in them', async () => {
    // As a database loaded from CLDR had it: area 830 Channel Islands with Jersey in it, common names.
    await rt.db.insertInto('regions').values({ code: '830', level: 'intermediate', parent_code: '154', names: json({ ar: 'x', zh: 'x', en: 'Channel Islands', fr: 'x', es: 'x', ru: 'x' }) }).execute();
    await rt.db.updateTable('countries').set({ intermediate_region_code: '830' }).where('iso3', '=', 'JEY').execute();
    await rt.db.updateTable('countries').set({ names: json({ ar: 'روسيا', zh: '俄罗斯', en: 'Russia', fr: 'Russie', es: 'Rusia', ru: 'Россия' }), kind: 'area' }).where('iso3', '=', 'RUS').execute();
    const report = await ensureReferenceData(rt.db, { force: true });
    assert.deepEqual(report.regions?.removed, ['830']);
    assert.deepEqual(report.countries && [report.countries.updated], [2]);
    const rus = await getCountry(rt.db, 'RUS');
    assert.deepEqual([rus?.kind, rus?.names.en, rus?.names.fr, rus?.formal_names?.en], ['member_state', 'Russian Federation', 'Fédération de Russie', 'Russian Federation']);
    assert.equal((await getCountry(rt.db, 'JEY'))?.intermediate_region_code, null);
  });

  it('keeps treaty parties and tags that other data added', async () => {
    await saveTreatyParties(rt.db, 'untoc', [{ country: 'FRA', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-10-29' }]);
    const report = await ensureReferenceData(rt.db, { force: true });
    assert.equal(report.loaded, true);
    assert.deepEqual(report.instruments && [report.instruments.created, report.instruments.updated, report.instruments.unchanged], [0, 0, 8]);
    const parties = await rt.db.selectFrom('treaty_parties').select('country').where('treaty_id', '=', 'untoc').execute();
    assert.deepEqual(parties.map((p) => p.country), ['FRA']);
  });

  it('keeps terms no longer defined while content uses them, and removes the others', async () => {
    await rt.db
      .insertInto('taxonomy_terms')
      .values([
        { taxonomy: 'crime', code: 'retired-in-use', position: 50, labels: json({ en: 'Old', fr: 'Ancien', es: 'Antiguo', ru: 'Старый', ar: 'قديم', zh: '旧' }) },
        { taxonomy: 'crime', code: 'retired-unused', position: 51, labels: json({ en: 'Old', fr: 'Ancien', es: 'Antiguo', ru: 'Старый', ar: 'قديم', zh: '旧' }) },
      ])
      .execute();
    await saveRecords(rt.db, [aCase({ crime_types: ['retired-in-use'], cooperating_states: ['ESP'] })], { origin: 'import' });
    const report = await ensureReferenceData(rt.db, { force: true });
    assert.deepEqual(report.terms?.removed, ['crime:retired-unused']);
    assert.deepEqual(report.terms?.kept, ['crime:retired-in-use']);
    const left = await rt.db.selectFrom('taxonomy_terms').select('code').where('code', 'like', 'retired-%').execute();
    assert.deepEqual(left.map((r) => r.code), ['retired-in-use']);
  });

  it('coexists with the test factory placeholders', async () => {
    await ensureTestReference(rt.db);
    assert.equal((await getCountry(rt.db, 'ITA'))?.names.ru, 'Италия');
    assert.equal((await listTerms(rt.db, 'crime')).find((t) => t.code === 'drug-offences')?.labels.en, 'Drug offences');
  });
});

describe('country profile', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
  });
  after(async () => rt?.close());

  it('counts published entries by type and lists treaty participation', async () => {
    const law = aLaw({ country: 'COL', original_lang: 'es', texts: { es: { title: 'Código Penal' } } });
    await saveRecords(
      rt.db,
      [
        law,
        anExtract(law.id, { country: 'COL' }),
        anExtract(law.id, { country: 'COL' }),
        aCase({ country: 'COL', cooperating_states: ['ESP'] }),
        aStrategy({ country: 'COL' }),
        aCase({ country: 'COL', cooperating_states: ['ESP'], texts: { en: { title: 'Draft case', status: 'draft' } } }),
      ],
      { origin: 'import' },
    );
    await saveTreatyParties(rt.db, 'untoc', [{ country: 'COL', signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2004-08-04', demo: true }]);
    const profile = await getCountryProfile(rt.db, 'col');
    assert.ok(profile);
    assert.equal(profile.country.iso3, 'COL');
    assert.deepEqual(profile.regions.map((r) => r.code), ['019', '419', '005']);
    assert.deepEqual(profile.entry_counts, { legislation: 2, case: 1, treaty: 0, strategy: 1 });
    assert.equal(profile.treaties.length, 1);
    const [p] = profile.treaties;
    assert.equal(p?.treaty_id, 'untoc');
    assert.equal(p?.consent_on, '2004-08-04');
    assert.equal(p?.titles.es, 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional');
    assert.equal(p?.demo, true);
    assert.equal(await getCountryProfile(rt.db, 'XXX'), undefined);
  });
});
