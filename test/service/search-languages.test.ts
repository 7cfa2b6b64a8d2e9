import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { ensureTestReference, referenceEntryIds } from '../factories/reference.js';
import { aCase, aLaw, aStrategy, aTreaty, anExtract } from '../factories/knowledge.js';
import { saveRecords } from '../../src/modules/knowledge/service.js';
import { search } from '../../src/modules/search/service.js';
import { parseSearchParams, type RawQuery } from '../../src/modules/search/domain/params.js';

/**
 * Ids of the test's own entries a search finds (all pages). The real reference instruments are
 * in the index too (UNTOC, the European Convention on Extradition, ...) and may match as well.
 */
async function ids(rt: TestRuntime, raw: RawQuery): Promise<string[]> {
  const p = parseSearchParams({ per_page: '100', ...raw });
  assert.ok(p.ok, JSON.stringify(p));
  const r = await search(rt.db, p.value);
  const reference = await referenceEntryIds(rt.db);
  return r.results.map((x) => x.id).filter((id) => !reference.has(id)).sort();
}

describe('search in each language', () => {
  let rt: TestRuntime;
  const law = aLaw({ id: 'lang-law' });
  const en = aCase({ id: 'lang-en', cooperating_states: [], court: 'Tribunale di Milano', texts: { en: { title: 'Persons extradited to Colombia', summary: 'Two persons were extradited after the court found dual criminality.' } } });
  const fr = anExtract(law.id, {
    id: 'lang-fr',
    texts: { fr: { title: 'De l’extradition des ressortissants', body: 'Les éléments de la procédure pénale d’extradition sont transmis à l’État requérant.' } },
  });
  const es = aStrategy({ id: 'lang-es', texts: { es: { title: 'Estrategia sobre extradición y asistencia judicial', summary: 'Medidas de cooperación internacional.' } } });
  const ru = aCase({
    id: 'lang-ru',
    country: 'RUS',
    cooperating_states: [],
    texts: { ru: { title: 'Выдача лиц, совершивших преступления', summary: 'Суд оценил объём доказательств, представленных запрашивающим государством.' } },
  });
  const arDiacritics = aCase({ id: 'lang-ar1', country: 'EGY', cooperating_states: [], texts: { ar: { title: 'المُسَاعَدَة القَانُونِيَّة المُتَبَادَلَة فِي المَسَائِل الجِنَائِيَّة' } } });
  const arPlain = aCase({ id: 'lang-ar2', country: 'EGY', cooperating_states: [], texts: { ar: { title: 'طلب المساعدة القانونية المتبادلة', summary: 'إجراءات تسليم المجرمين إلى الدولة الطالبة.' } } });
  const zh = aCase({ id: 'lang-zh', country: 'CHN', cooperating_states: [], texts: { zh: { title: '关于司法协助的法律规定', summary: '法院批准了引渡请求。' } } });

  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    await saveRecords(rt.db, [law, en, fr, es, ru, arDiacritics, arPlain, zh], { origin: 'import' });
  });
  after(async () => rt?.close());

  it('English: stems (extradited, extradition) and drops stop words', async () => {
    assert.deepEqual(await ids(rt, { q: 'extradition', hl: 'en' }), ['lang-en', 'lang-fr']);
    assert.deepEqual(await ids(rt, { q: 'extraditing persons', hl: 'en' }), ['lang-en']);
    assert.deepEqual(await ids(rt, { q: 'the persons of the court', hl: 'en' }), ['lang-en']);
  });

  it('French: stems and folds accents', async () => {
    assert.deepEqual(await ids(rt, { q: 'extraditions', hl: 'fr' }), ['lang-en', 'lang-fr']);
    assert.deepEqual(await ids(rt, { q: 'procedure penale elements', hl: 'fr' }), ['lang-fr']);
    assert.deepEqual(await ids(rt, { q: 'ressortissant', hl: 'fr' }), ['lang-fr']);
  });

  it('Spanish: "extradición" and "extradicion" find the Spanish text; the French word does not', async () => {
    assert.deepEqual(await ids(rt, { q: 'extradición', hl: 'es' }), ['lang-es']);
    assert.deepEqual(await ids(rt, { q: 'extradicion', hl: 'es' }), ['lang-es']);
    assert.deepEqual(await ids(rt, { q: 'extradición', hl: 'fr' }), ['lang-es'], 'the exact, accent-folded form matches in any interface language');
    assert.ok(!(await ids(rt, { q: 'extradition', hl: 'fr' })).includes('lang-es'));
    assert.deepEqual(await ids(rt, { q: 'asistencias judiciales', hl: 'es' }), ['lang-es']);
  });

  it('Russian: stems inflected forms and folds ё', async () => {
    assert.deepEqual(await ids(rt, { q: 'выдачи', hl: 'ru' }), ['lang-ru']);
    assert.deepEqual(await ids(rt, { q: 'объем доказательства', hl: 'ru' }), ['lang-ru']);
  });

  it('Arabic: matches with and without diacritics, and across alef forms', async () => {
    assert.deepEqual(await ids(rt, { q: 'المساعدة القانونية', hl: 'ar' }), ['lang-ar1', 'lang-ar2']);
    assert.deepEqual(await ids(rt, { q: 'المُسَاعَدَة', hl: 'ar' }), ['lang-ar1', 'lang-ar2']);
    assert.deepEqual(await ids(rt, { q: 'اجراءات', hl: 'ar' }), ['lang-ar2']);
    assert.deepEqual(await ids(rt, { q: 'المـــساعدة', hl: 'ar' }), ['lang-ar1', 'lang-ar2'], 'tatweel is ignored');
    assert.deepEqual(await ids(rt, { q: 'والمساعدة', hl: 'ar' }), ['lang-ar1', 'lang-ar2'], 'the conjunction before the article is ignored');
    assert.deepEqual(await ids(rt, { q: 'تسليم', hl: 'ar' }), ['lang-ar2']);
  });

  it('Chinese: two- and four-character words through bigrams, order matters', async () => {
    assert.deepEqual(await ids(rt, { q: '引渡', hl: 'zh' }), ['lang-zh']);
    assert.deepEqual(await ids(rt, { q: '司法协助', hl: 'zh' }), ['lang-zh']);
    assert.deepEqual(await ids(rt, { q: '协助司法', hl: 'zh' }), [], 'the same characters in another order are another word');
    assert.deepEqual(await ids(rt, { q: '规', hl: 'zh' }), ['lang-zh'], 'single characters are indexed too');
    assert.deepEqual(await ids(rt, { q: '法', hl: 'zh' }), ['lang-fr', 'lang-zh'], 'the French extract is found through the Chinese name of its country, 法国');
    assert.deepEqual(await ids(rt, { q: '司法协助', hl: 'en' }), ['lang-zh'], 'Chinese is found from any interface language');
  });

  it('phrases, OR and exclusions', async () => {
    assert.deepEqual(await ids(rt, { q: '"dual criminality"', hl: 'en' }), ['lang-en']);
    assert.deepEqual(await ids(rt, { q: '"criminality dual"', hl: 'en' }), []);
    assert.deepEqual(await ids(rt, { q: 'выдача OR 引渡', hl: 'en' }), ['lang-ru', 'lang-zh']);
    assert.deepEqual(await ids(rt, { q: 'extradition -colombia', hl: 'en' }), ['lang-fr']);
  });

  it('an exclusion removes entries where the excluded word matches in either form', async () => {
    // Stem only: the text says "extradited", the query excludes "extradition" (same English stem).
    assert.deepEqual(await ids(rt, { q: 'persons -extradition', hl: 'en' }), []);
    // Exact only: the court name is indexed exactly; "tribunale" stems to "tribunal" in English.
    assert.deepEqual(await ids(rt, { q: 'tribunale', hl: 'en' }), ['lang-en']);
    assert.deepEqual(await ids(rt, { q: 'persons -tribunale', hl: 'en' }), []);
  });

  it('highlights matches in the language of the displayed version', async () => {
    const p = parseSearchParams({ q: 'extraditions', hl: 'en' });
    assert.ok(p.ok);
    const r = await search(rt.db, p.value);
    const frHit = r.results.find((x) => x.id === 'lang-fr');
    assert.equal(frHit?.lang, 'fr');
    assert.match(frHit?.snippet_html ?? '', /<mark>/, 'the French text is highlighted for an English query');
    const zhQuery = parseSearchParams({ q: '引渡', hl: 'zh' });
    assert.ok(zhQuery.ok);
    const zhHit = (await search(rt.db, zhQuery.value)).results[0];
    assert.equal(zhHit?.snippet_html, '法院批准了<mark>引渡</mark>请求。');
  });
});

describe('search across languages through taxonomy labels', () => {
  let rt: TestRuntime;
  // A test instrument (the real UNTOC comes from the reference loader): article 18 is about MLA,
  // and its title is held only in English.
  const instrument = aTreaty({
    id: 'tst-untoc',
    kind: 'universal',
    short_name: 'TST',
    adopted_on: '2000-11-15',
    parties: [],
    texts: { en: { title: 'Test convention against organized crime' } },
    provisions: [
      { number: '16', titles: { en: 'Extradition', fr: 'Extradition' }, terms: ['cooperation:extradition'] },
      { number: '18', titles: { en: 'Article eighteen' }, terms: ['cooperation:mla'] },
    ],
  });
  const tagged = aCase({ id: 'x-tagged', cooperating_states: [], texts: { en: { title: 'Order on the freezing of bank accounts' } }, articles: ['tst-untoc:18'] });
  const untagged = aCase({ id: 'x-untagged', cooperating_states: [], texts: { en: { title: 'Order on the freezing of bank accounts held abroad' } } });
  const ownTerm = aCase({ id: 'x-term', cooperating_states: [], texts: { en: { title: 'Seizure of a vessel' } }, cooperation_types: ['mla'] });

  before(async () => {
    rt = await createTestRuntime();
    await ensureTestReference(rt.db);
    await saveRecords(rt.db, [instrument], { origin: 'import' });
    await saveRecords(rt.db, [tagged, untagged, ownTerm], { origin: 'import' });
  });
  after(async () => rt?.close());

  it('a French query "entraide judiciaire" finds an entry tagged with the MLA article that has no French text', async () => {
    assert.deepEqual(await ids(rt, { q: 'entraide judiciaire', hl: 'fr' }), ['x-tagged', 'x-term']);
  });

  it('the same in the other languages, through the labels of the article terms', async () => {
    assert.deepEqual(await ids(rt, { q: 'asistencia judicial recíproca', hl: 'es' }), ['x-tagged', 'x-term']);
    assert.deepEqual(await ids(rt, { q: 'взаимной правовой помощи', hl: 'ru' }), ['x-tagged', 'x-term']);
    assert.deepEqual(await ids(rt, { q: 'المساعدة القانونية', hl: 'ar' }), ['x-tagged', 'x-term']);
    assert.deepEqual(await ids(rt, { q: '司法协助', hl: 'zh' }), ['x-tagged', 'x-term']);
  });

  it('article titles are searchable, and labels rank below the entry\u2019s own text', async () => {
    assert.deepEqual(await ids(rt, { q: '"article eighteen"', hl: 'en' }), ['x-tagged']);
    const p = parseSearchParams({ q: 'freezing OR mutual', hl: 'en', type: 'case' });
    assert.ok(p.ok);
    const r = await search(rt.db, p.value);
    assert.deepEqual(r.results.map((x) => x.id).sort(), ['x-tagged', 'x-term', 'x-untagged']);
    assert.notEqual(r.results[r.results.length - 1]?.id, 'x-tagged', 'an entry matching in its title outranks one matching only a label');
  });

  it('changing what an article is about re-indexes the entries tagged with it', async () => {
    await saveRecords(rt.db, [{ ...instrument, provisions: [instrument.provisions![0]!, { number: '18', titles: { en: 'Article eighteen' }, terms: ['cooperation:extradition'] }] }], { origin: 'import' });
    assert.deepEqual(await ids(rt, { q: 'entraide judiciaire', hl: 'fr' }), ['x-term']);
    assert.deepEqual(await ids(rt, { q: 'выдача', hl: 'ru' }), ['x-tagged']);
  });
});
