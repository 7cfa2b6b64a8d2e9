import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dirOf, isLang, negotiateLang, pickLocalized } from './languages.js';
import { defineMessages, translator } from './messages.js';

describe('languages', () => {
  it('negotiates from Accept-Language with quality values', () => {
    assert.equal(negotiateLang('fr-CH, fr;q=0.9, en;q=0.8'), 'fr');
    assert.equal(negotiateLang('de;q=1, zh-CN;q=0.8'), 'zh');
    assert.equal(negotiateLang('en;q=0, ar'), 'ar');
    assert.equal(negotiateLang(undefined), 'en');
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(fc.property(fc.string(), (h) => isLang(negotiateLang(h))));
  });

  it('knows the writing direction', () => {
    assert.equal(dirOf('ar'), 'rtl');
    assert.equal(dirOf('zh'), 'ltr');
    assert.equal(dirOf('fa-IR'), 'rtl');
  });

  it('falls back and reports which language was used', () => {
    assert.deepEqual(pickLocalized({ en: 'Hello', fr: 'Bonjour' }, 'fr'), { text: 'Bonjour', lang: 'fr' });
    assert.deepEqual(pickLocalized({ en: 'Hello' }, 'ar'), { text: 'Hello', lang: 'en' });
    assert.deepEqual(pickLocalized({ pt: 'Olá' }, 'ru'), { text: 'Olá', lang: 'pt' });
    assert.equal(pickLocalized({}, 'en'), undefined);
  });
});

describe('ICU messages', () => {
  const m = defineMessages({
    en: { results: '{count, plural, one {# result} other {# results}}' },
    fr: { results: '{count, plural, one {# résultat} other {# résultats}}' },
    es: { results: '{count, plural, one {# resultado} other {# resultados}}' },
    ru: { results: '{count, plural, one {# результат} few {# результата} many {# результатов} other {# результата}}' },
    ar: {
      results: '{count, plural, zero {لا نتائج} one {نتيجة واحدة} two {نتيجتان} few {# نتائج} many {# نتيجة} other {# نتيجة}}',
    },
    zh: { results: '{count}个结果' },
  });

  it('uses the six Arabic plural forms', () => {
    const t = translator(m, 'ar');
    assert.equal(t('results', { count: 0 }), 'لا نتائج');
    assert.equal(t('results', { count: 1 }), 'نتيجة واحدة');
    assert.equal(t('results', { count: 2 }), 'نتيجتان');
    assert.match(t('results', { count: 3 }), /نتائج/);
    assert.match(t('results', { count: 11 }), /نتيجة/);
    assert.match(t('results', { count: 100 }), /نتيجة/);
  });

  it('uses Russian few/many forms', () => {
    const t = translator(m, 'ru');
    assert.equal(t('results', { count: 2 }), '2 результата');
    assert.equal(t('results', { count: 5 }), '5 результатов');
    assert.equal(t('results', { count: 21 }), '21 результат');
  });
});
