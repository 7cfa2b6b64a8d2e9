import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildDigest, UNSPECIFIED, type DigestInput, type DigestLabels } from './digest.js';

const labels: DigestLabels = {
  cooperation: (c) => c.toUpperCase(),
  offence: (c) => `offence ${c}`,
  country: (c) => `State ${c}`,
  region: (c) => (c === 'ATA' ? undefined : { code: '150', name: 'Europe' }),
  instrument: (id) => `Instrument ${id}`,
  unspecified: 'Not specified',
};

const input = (over: Partial<DigestInput>): DigestInput => ({
  id: 'x',
  country: 'FRA',
  texts: { en: { title: 'T' } },
  cooperation_types: [],
  crime_types: [],
  cooperating_states: [],
  instruments: [],
  ...over,
});

describe('buildDigest', () => {
  it('counts a case in each of its groups, largest first, "not specified" last, ties by name', () => {
    const d = buildDigest(
      [
        input({ id: 'a', cooperation_types: ['mla', 'extradition'], decision_date: '2020-01-01' }),
        input({ id: 'b', cooperation_types: ['mla'], decision_date: '2021-01-01' }),
        input({ id: 'c', country: 'ATA' }),
        input({ id: 'd', cooperation_types: ['confiscation'] }),
      ],
      labels,
      'en',
    );
    assert.deepEqual(d.groups.cooperation.map((g) => [g.key, g.count]), [['mla', 2], ['confiscation', 1], ['extradition', 1], [UNSPECIFIED, 1]]);
    assert.deepEqual(d.groups.cooperation[0]!.caseIds, ['b', 'a'], 'newest decision first');
    assert.deepEqual(d.groups.region.map((g) => [g.key, g.count]), [['150', 3], [UNSPECIFIED, 1]]);
    assert.deepEqual(d.groups.instrument, [], 'no "not specified" group of instruments');
  });

  it('shows the reader’s version, else English, French, Spanish, then any, marked as a fallback', () => {
    const d = buildDigest(
      [input({ id: 'a', texts: { ru: { title: 'Дело', summary: 'Кратко' }, es: { title: 'Caso', summary: 'Breve' } } }), input({ id: 'b', texts: { ru: { title: 'Дело' } } })],
      labels,
      'ar',
    );
    assert.deepEqual(d.cases.find((c) => c.id === 'a')?.summary, { text: 'Breve', lang: 'es', fallback: true });
    assert.deepEqual(d.cases.find((c) => c.id === 'b')?.title, { text: 'Дело', lang: 'ru', fallback: true });
    assert.equal(d.cases.find((c) => c.id === 'b')?.summary, undefined);
    const mixed = buildDigest([input({ id: 'm', texts: { ar: { title: 'قضية' }, en: { title: 'Case', summary: 'Summary' } } })], labels, 'ar');
    assert.deepEqual(mixed.cases[0]?.title, { text: 'قضية', lang: 'ar', fallback: false });
    assert.deepEqual(mixed.cases[0]?.summary, { text: 'Summary', lang: 'en', fallback: true }, 'a summary from another version rather than none');
    const ru = buildDigest([input({ id: 'a', texts: { ru: { title: 'Дело' } } })], labels, 'ru');
    assert.equal(ru.cases[0]?.title.fallback, false);
  });
});
