import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { breakdownCsv, csvField, figuresCsv, shapeBreakdown, shapeFigures } from './figures.js';

describe('network figures', () => {
  it('counts per year and network with totals, newest year first', () => {
    const f = shapeFigures(
      [
        { year: 2021, network_id: 'casc', n: 30 },
        { year: 2021, network_id: 'wacap', n: 40 },
        { year: 2021, network_id: 'seajust', n: 6 },
        { year: 2020, network_id: 'wacap', n: 12 },
      ],
      ['casc', 'wacap', 'seajust'],
    );
    assert.deepEqual(f.years, [2021, 2020]);
    assert.equal(f.yearTotals[2021], 76);
    assert.equal(f.cells[2020]!.casc, 0);
    assert.equal(f.networkTotals.wacap, 52);
    assert.equal(f.total, 88);
    assert.equal(f.max, 76);
    assert.equal(figuresCsv(f, { casc: 'CASC', wacap: 'WACAP', seajust: 'SEAJust' }), 'year,CASC,WACAP,SEAJust,total\r\n2021,30,40,6,76\r\n2020,0,12,0,12\r\n');
  });
  it('neutralises formulas and quotes fields in CSV', () => {
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField(null), '');
  });

  it('counts per kind (vocabulary order first) or offence and network, with totals and CSV', () => {
    const b = shapeBreakdown(
      [
        { key: 'extradition', network_id: 'casc', n: 2 },
        { key: 'mla', network_id: 'wacap', n: 5 },
        { key: 'mla', network_id: 'casc', n: 1 },
      ],
      ['casc', 'wacap'],
      ['mla', 'extradition'],
    );
    assert.deepEqual(b.keys, ['mla', 'extradition']);
    assert.deepEqual(b.cells.mla, { casc: 1, wacap: 5 });
    assert.equal(b.total, 8);
    assert.equal(breakdownCsv(b, 'kind', { casc: 'CASC', wacap: 'WACAP' }), 'kind,CASC,WACAP,total\r\nmla,1,5,6\r\nextradition,2,0,2\r\n');
    const offences = shapeBreakdown([{ key: 'b-offence', network_id: 'casc', n: 1 }, { key: 'a-offence', network_id: 'casc', n: 3 }], ['casc']);
    assert.deepEqual(offences.keys, ['a-offence', 'b-offence'], 'most cases first without a vocabulary');
  });
});
