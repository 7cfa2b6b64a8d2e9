import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS } from '../../../platform/i18n/languages.js';
import { TAXONOMIES, TAXONOMY_NAMES } from './taxonomies.js';

/** The codes other modules rely on (issue §2). */
const EXPECTED = {
  crime: [
    'corruption',
    'counterfeiting',
    'cybercrime',
    'drug-offences',
    'money-laundering',
    'obstruction-of-justice',
    'organized-criminal-group',
    'piracy-maritime-crime',
    'smuggling-of-migrants',
    'firearms-trafficking',
    'cultural-property-trafficking',
    'wildlife-forest-fisheries-crime',
    'trafficking-in-persons',
    'falsified-medical-products',
    'terrorism',
  ],
  cooperation: [
    'extradition',
    'mla',
    'confiscation',
    'transfer-sentenced-persons',
    'transfer-proceedings',
    'joint-investigations',
    'law-enforcement-cooperation',
    'special-investigative-techniques',
  ],
  issue: [
    'electronic-evidence',
    'liability-of-legal-persons',
    'witness-protection',
    'victim-assistance',
    'jurisdiction',
    'dual-criminality',
    'confidentiality',
    'human-rights-safeguards',
    'gender',
    'children',
    'statute-of-limitations',
    'video-conference',
  ],
  measure: [
    'taking-evidence',
    'service-of-documents',
    'search-seizure-freezing',
    'examining-objects-sites',
    'information-expert-evaluations',
    'documents-records',
    'tracing-proceeds',
    'voluntary-appearance',
    'other-assistance',
    'video-hearing',
    'data-preservation',
    'traffic-data-disclosure',
    'subscriber-information',
    'stored-data-access',
    'real-time-traffic-data',
    'interception-content-data',
    'emergency-disclosure',
  ],
};

const SCRIPT = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u } as const;

describe('taxonomy definitions', () => {
  it('have exactly the agreed codes, in the agreed order', () => {
    assert.deepEqual(TAXONOMY_NAMES, ['crime', 'cooperation', 'issue', 'measure']);
    for (const t of TAXONOMY_NAMES) assert.deepEqual(TAXONOMIES[t].map((d) => d.code), EXPECTED[t], t);
  });

  it('label every term in the six languages, translated (not copied from English) in Arabic, Chinese and Russian', () => {
    for (const t of TAXONOMY_NAMES) {
      for (const d of TAXONOMIES[t]) {
        for (const lang of LANGS) {
          const label = d.labels[lang];
          assert.ok(label && label.trim() === label && label.length > 1, `${t}:${d.code} ${lang} label`);
        }
        for (const lang of ['ar', 'zh', 'ru'] as const) {
          assert.notEqual(d.labels[lang], d.labels.en, `${t}:${d.code} ${lang} differs from English`);
          assert.match(d.labels[lang], SCRIPT[lang], `${t}:${d.code} ${lang} is written in its script`);
        }
      }
    }
  });

  it('give scope notes only in the six languages, and all six when given', () => {
    for (const t of TAXONOMY_NAMES) {
      for (const d of TAXONOMIES[t]) {
        if (!d.descriptions) continue;
        assert.deepEqual(Object.keys(d.descriptions).sort(), [...LANGS].sort(), `${t}:${d.code}`);
        for (const text of Object.values(d.descriptions)) assert.ok(text?.trim());
      }
    }
  });

  it('cite the legal source of every assistance measure', () => {
    for (const d of TAXONOMIES.measure) assert.ok(d.reference, `measure:${d.code} has a reference`);
    const ref = (code: string) => TAXONOMIES.measure.find((d) => d.code === code)?.reference ?? '';
    assert.match(ref('taking-evidence'), /^UNTOC art\. 18\(3\)\(a\)/);
    assert.match(ref('other-assistance'), /^UNTOC art\. 18\(3\)\(i\)/);
    assert.match(ref('video-hearing'), /^UNTOC art\. 18\(18\)/);
    assert.match(ref('data-preservation'), /Budapest Convention arts\. 16, 29/);
  });

  it('use the UN terminology for mutual legal assistance', () => {
    const mla = TAXONOMIES.cooperation.find((d) => d.code === 'mla')!.labels;
    assert.deepEqual(mla, {
      ar: 'المساعدة القانونية المتبادلة',
      zh: '司法协助',
      en: 'Mutual legal assistance',
      fr: 'Entraide judiciaire',
      es: 'Asistencia judicial recíproca',
      ru: 'Взаимная правовая помощь',
    });
  });
});
