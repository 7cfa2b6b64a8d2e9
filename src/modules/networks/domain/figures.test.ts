import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, figuresCsv, shapeFigures } from './figures.js';

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
});
