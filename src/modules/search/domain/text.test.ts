import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bigrams, cjkBigramText, cjkUnigramText, cleanText, configFor, forExact, forStemming, hasCjk, normalizeArabic } from './text.js';

describe('search text preparation', () => {
  it('maps languages to text search configurations', () => {
    assert.equal(configFor('en'), 'palermo_en');
    assert.equal(configFor('fr'), 'palermo_fr');
    assert.equal(configFor('es'), 'palermo_es');
    assert.equal(configFor('ru'), 'palermo_ru');
    assert.equal(configFor('ar'), 'palermo_ar');
    assert.equal(configFor('zh'), 'palermo_simple');
    assert.equal(configFor('zh-Hant'), 'palermo_simple');
    assert.equal(configFor('pt-BR'), 'portuguese');
    assert.equal(configFor('de'), 'german');
    assert.equal(configFor('it'), 'italian');
    assert.equal(configFor('nl'), 'dutch');
    assert.equal(configFor('et'), 'palermo_simple', 'estonian is missing from PostgreSQL 15');
    assert.equal(configFor('sw'), 'palermo_simple');
  });

  it('removes control characters (NUL breaks PostgreSQL) and applies NFKC', () => {
    assert.equal(cleanText('a\u0000b\u0007c\u009fd'), 'a b c d');
    assert.equal(cleanText('ＵＮＴＯＣ'), 'UNTOC');
    assert.equal(cleanText('\ufefb'), '\u0644\u0627', 'Arabic ligature lam-alef becomes two letters');
    assert.equal(cleanText('x\ud800y'), 'x y', 'lone surrogate');
  });

  it('normalises Arabic: tashkeel, tatweel, alef forms, alef maksura; conjunction before the article for stemming; teh marbuta for the exact form', () => {
    assert.equal(normalizeArabic('المُسَاعَدَة'), 'المساعدة');
    assert.equal(normalizeArabic('المـــساعدة'), 'المساعدة');
    assert.equal(normalizeArabic('إجراءات أحمد آمن ٱلله'), 'اجراءات احمد امن الله');
    assert.equal(normalizeArabic('على'), 'علي');
    assert.equal(normalizeArabic('المساعدة', 'exact'), 'المساعده');
    assert.equal(normalizeArabic('طلب والمساعدة فالقانون والد والي'), 'طلب المساعدة القانون والد والي');
    assert.equal(normalizeArabic('والمساعدة', 'exact'), 'والمساعده', 'the exact form keeps the conjunction');
    assert.equal(normalizeArabic('Extradition'), 'Extradition');
  });

  it('segments CJK text into overlapping bigrams and single characters', () => {
    assert.deepEqual(bigrams('司法协助'), ['司法', '法协', '协助']);
    assert.deepEqual(bigrams('法'), ['法']);
    assert.equal(cjkBigramText('UNTOC公约第18条').trim().replace(/\s+/g, ' '), 'UNTOC 公约 约第 18 条');
    assert.equal(cjkUnigramText('司法 协助'), '司 法 协 助');
    assert.ok(hasCjk('引渡'));
    assert.ok(hasCjk('カタカナ'));
    assert.ok(!hasCjk('extradition'));
  });

  it('prepares the same text alike for documents and queries', () => {
    assert.equal(forStemming('المُسَاعَدَة'), forStemming('المساعدة'));
    assert.equal(forExact('المُسَاعَدَة'), forExact('المساعده'));
    assert.equal(forExact('司法协助').trim(), '司法 法协 协助');
  });
});
