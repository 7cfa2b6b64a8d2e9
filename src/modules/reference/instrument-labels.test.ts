import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../platform/i18n/languages.js';
import { INSTRUMENTS } from './definitions/instruments.js';
import { articleTitleFor, instrumentMetadataValue, instrumentShortName, translatedArticleTitle, translatedInstrumentTitle } from './instrument-labels.js';
import { buildTreatyRecords, readInstrumentSources } from './sources/instruments.js';

const SCRIPT: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

describe('instrument names and article headings in the six languages', () => {
  const records = buildTreatyRecords(readInstrumentSources());

  it('translates every article heading of the shipped instruments into the five other languages, in their scripts', () => {
    let count = 0;
    for (const r of records) {
      for (const p of r.provisions!) {
        if (!p.titles?.en) continue;
        for (const lang of ['ar', 'zh', 'fr', 'es', 'ru'] as const) {
          const t = translatedArticleTitle(r.id, p.titles.en, lang);
          assert.ok(t?.text && t.translated && t.lang === lang, `${r.id}:${p.number} (${p.titles.en}) in ${lang}`);
          if (SCRIPT[lang]) assert.match(t.text, SCRIPT[lang]!, `${r.id}:${p.number} in ${lang} is in its script`);
          count++;
        }
      }
    }
    assert.equal(count, (288 - 30) * 5, 'every heading but the 30 articles of ETS No. 30, which has none');
  });

  it('gives short names and metadata values in the six languages', () => {
    for (const def of INSTRUMENTS) {
      for (const lang of LANGS) {
        assert.ok(instrumentShortName(def.id, lang), `${def.id} short name in ${lang}`);
        for (const v of [def.organization, def.depositary, def.adopted_at]) assert.ok(instrumentMetadataValue(v, lang), `${v} in ${lang}`);
      }
      if (SCRIPT.ar) assert.match(instrumentShortName(def.id, 'ar')!, SCRIPT.ar);
    }
    assert.equal(instrumentShortName('user-treaty', 'ar'), undefined);
  });

  it('translates Council of Europe titles only into languages where they are not authentic', () => {
    assert.equal(translatedInstrumentTitle('coe-extradition', 'fr'), undefined);
    assert.equal(translatedInstrumentTitle('coe-extradition', 'en'), undefined);
    assert.deepEqual(translatedInstrumentTitle('coe-extradition', 'zh'), { text: '欧洲引渡公约', lang: 'zh', translated: true });
    assert.equal(translatedInstrumentTitle('untoc', 'zh'), undefined, 'UN titles are authentic in the six languages');
  });

  it('prefers the authentic heading in the reader’s language, then the translation, then English', () => {
    assert.deepEqual(articleTitleFor('untoc', { en: 'Mutual legal assistance', fr: 'Entraide judiciaire (authentique)' }, 'fr'), { text: 'Entraide judiciaire (authentique)', lang: 'fr', translated: false });
    assert.deepEqual(articleTitleFor('untoc', { en: 'Mutual legal assistance' }, 'zh'), { text: '司法协助', lang: 'zh', translated: true });
    assert.deepEqual(articleTitleFor('untoc', { en: 'Mutual legal assistance' }, 'en'), { text: 'Mutual legal assistance', lang: 'en', translated: false });
    assert.deepEqual(articleTitleFor('untoc', { en: 'A heading nobody translated' }, 'ar'), { text: 'A heading nobody translated', lang: 'en', translated: false });
    assert.equal(articleTitleFor('coe-mla', undefined, 'ar'), undefined);
  });
});
