import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePartySort, partyCounts, sortParties } from './parties.js';

const NAMES: Record<string, Record<string, string>> = {
  fr: { FRA: 'France', EGY: 'Égypte', COL: 'Colombie', ALB: 'Albanie', ZWE: 'Zimbabwe' },
  zh: { FRA: '法国', EGY: '埃及', COL: '哥伦比亚', ALB: '阿尔巴尼亚', ZWE: '津巴布韦' },
  en: { FRA: 'France', EGY: 'Egypt', COL: 'Colombia', ALB: 'Albania', ZWE: 'Zimbabwe' },
};

const parties = [
  { country: 'FRA', consent_on: '2002-10-29' },
  { country: 'EGY' },
  { country: 'COL', consent_on: '2004-08-04' },
  { country: 'ALB', consent_on: '2002-08-21' },
  { country: 'ZWE' },
];

describe('treaty status table', () => {
  it('sorts States by name in the reader’s collation', () => {
    const order = (lang: 'fr' | 'zh' | 'en') => sortParties(parties, (c) => NAMES[lang]![c]!, lang, 'country').map((p) => p.country);
    // French: accented É sorts with E, between Colombie and France (a code-point sort would put it last).
    assert.deepEqual(order('fr'), ['ALB', 'COL', 'EGY', 'FRA', 'ZWE']);
    // Chinese: pinyin order, syllable by syllable (ā'ěrbāníyà, āijí, fǎguó, gēlúnbǐyà, jīnbābùwéi), not code points.
    assert.deepEqual(order('zh'), ['ALB', 'EGY', 'FRA', 'COL', 'ZWE']);
  });

  it('sorts by date of consent, earliest first, States without consent last by name', () => {
    assert.deepEqual(
      sortParties(parties, (c) => NAMES.en![c]!, 'en', 'consent').map((p) => p.country),
      ['ALB', 'FRA', 'COL', 'EGY', 'ZWE'],
    );
  });

  it('counts signatories and parties', () => {
    assert.deepEqual(
      partyCounts([
        { signed_on: '2000-12-12', consent_kind: 'ratification', consent_on: '2002-01-01' },
        { signed_on: '2000-12-12' },
        { consent_kind: 'accession', consent_on: '2004-01-01' },
        { consent_kind: 'definitive_signature', consent_on: '2001-01-01' },
      ]),
      { signatories: 3, parties: 3 },
    );
  });

  it('accepts only the known sorts', () => {
    assert.equal(parsePartySort('consent'), 'consent');
    assert.equal(parsePartySort('country'), 'country');
    assert.equal(parsePartySort('<script>'), 'country');
    assert.equal(parsePartySort(['consent']), 'country');
    assert.equal(parsePartySort(undefined), 'country');
  });
});
