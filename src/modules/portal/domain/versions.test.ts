import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LANGS } from '../../../platform/i18n/languages.js';
import { chooseVersion, fieldWithFallback, orderedTags, pickText, rankVersions } from './versions.js';

describe('language version choice', () => {
  it('shows the reader’s language when it is held, even if machine-translated', () => {
    assert.deepEqual(chooseVersion({ fr: {}, ar: { machine_translated: true } }, 'ar'), { lang: 'ar', fallback: false });
  });

  it('falls back to a human version before a machine translation, English first, then the original', () => {
    assert.deepEqual(chooseVersion({ fr: {}, en: {} }, 'zh'), { lang: 'en', fallback: true });
    assert.equal(chooseVersion({ en: { machine_translated: true }, it: {} }, 'ru', { original: 'it' })?.lang, 'it');
    assert.equal(chooseVersion({ es: {}, it: {} }, 'ru', { original: 'it' })?.lang, 'it');
    assert.equal(chooseVersion({ es: {}, de: {} }, 'ru')?.lang, 'es');
    assert.equal(chooseVersion({ pt: {}, de: {} }, 'ar')?.lang, 'de', 'other languages in tag order');
  });

  it('honours ?version= when the version exists and reports it when it does not', () => {
    assert.deepEqual(chooseVersion({ fr: {}, en: {} }, 'en', { requested: 'fr' }), { lang: 'fr', fallback: true });
    assert.deepEqual(chooseVersion({ fr: {}, en: {} }, 'en', { requested: 'en' }), { lang: 'en', fallback: false });
    assert.deepEqual(chooseVersion({ fr: {}, en: {} }, 'en', { requested: 'zh' }), { lang: 'en', fallback: false, missing: 'zh' });
    assert.deepEqual(chooseVersion({ fr: {} }, 'ar', { requested: 'zh' }), { lang: 'fr', fallback: true, missing: 'zh' });
  });

  it('returns undefined when nothing is held', () => {
    assert.equal(chooseVersion({}, 'en'), undefined);
    assert.equal(pickText({}, 'en'), undefined);
    assert.equal(pickText(null, 'en'), undefined);
  });

  it('always picks a held version, and marks a fallback exactly when it is not the reader’s language', () => {
    const tag = fc.constantFrom('ar', 'zh', 'en', 'fr', 'es', 'ru', 'it', 'nl', 'pt-BR', 'zh-Hant');
    fc.assert(
      fc.property(fc.uniqueArray(tag, { minLength: 1, maxLength: 8 }), fc.constantFrom(...LANGS), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (tags, reader, mt) => {
        const versions = Object.fromEntries(tags.map((t, i) => [t, { machine_translated: mt[i] }]));
        const choice = chooseVersion(versions, reader)!;
        assert.ok((tags as string[]).includes(choice.lang));
        assert.equal(choice.fallback, choice.lang !== reader);
        assert.equal(tags.includes(reader), !choice.fallback);
        assert.deepEqual(new Set(rankVersions(versions, reader)), new Set(tags));
      }),
    );
  });

  it('takes a missing field from the best other version', () => {
    const texts: Record<string, { title: string; summary?: string; facts?: string }> = { zh: { title: '案例', summary: '摘要' }, ar: { title: 'قضية', facts: 'الوقائع' }, en: { title: 'Case', facts: 'Facts' } };
    assert.deepEqual(fieldWithFallback(texts, 'zh', 'zh', 'summary'), { value: '摘要', lang: 'zh' });
    assert.deepEqual(fieldWithFallback(texts, 'zh', 'zh', 'facts'), { value: 'Facts', lang: 'en' });
    assert.deepEqual(fieldWithFallback(texts, 'ar', 'ar', 'facts'), { value: 'الوقائع', lang: 'ar' });
    assert.equal(fieldWithFallback(texts, 'zh', 'zh', 'title')?.value, '案例');
    assert.equal(fieldWithFallback<{ title: string; summary?: string }, 'summary'>({ en: { title: 'x' } }, 'en', 'en', 'summary'), undefined);
  });

  it('orders versions in UN order, then other tags alphabetically', () => {
    assert.deepEqual(orderedTags(['nl', 'en', 'ar', 'de', 'zh']), ['ar', 'zh', 'en', 'de', 'nl']);
  });

  it('picks titles with the same rules and tells whether the one shown is a machine translation', () => {
    assert.deepEqual(pickText({ fr: 'Loi', en: 'Law' }, 'ru', { mt: ['en'] }), { text: 'Loi', lang: 'fr', mt: false });
    assert.deepEqual(pickText({ fr: 'Loi', en: 'Law' }, 'en', { mt: ['en'] }), { text: 'Law', lang: 'en', mt: true });
  });
});
