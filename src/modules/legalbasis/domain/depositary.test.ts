import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseName, parseDepositaryDate, parseStatusRows, participantCode } from './depositary.js';
import { UN_MEMBER_STATES, UN_SHORT_NAMES } from './un-names.js';

const HEADER = ['Participant', 'Signature', 'Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)'];
const rows = (...r: string[][]) => [HEADER, ...r];
const lines = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('depositary names', () => {
  it('knows the 193 Member States', () => {
    assert.equal(UN_MEMBER_STATES.length, 193);
    assert.ok(!UN_MEMBER_STATES.includes('VAT') && !UN_MEMBER_STATES.includes('PSE'));
  });
  it('maps every UN short name back to its code', () => {
    for (const [iso3, name] of Object.entries(UN_SHORT_NAMES)) assert.equal(participantCode(name), iso3, name);
  });
  it('maps the names the depositary used in 2014', () => {
    assert.equal(participantCode('Bolivia (Plurinational State of)'), 'BOL');
    assert.equal(participantCode('The former Yugoslav Republic of Macedonia'), 'MKD');
    assert.equal(participantCode('St. Vincent and the Grenadines'), 'VCT');
    assert.equal(participantCode('Côte d’Ivoire'), 'CIV');
    assert.equal(participantCode("Côte d'Ivoire"), 'CIV');
    assert.equal(participantCode('United Kingdom of Great Britain and Northern Ireland'), 'GBR');
    assert.equal(participantCode('Swaziland'), 'SWZ');
    assert.equal(participantCode('Turkey'), 'TUR');
    assert.equal(participantCode('Atlantis'), undefined);
  });
  it('normalises articles and apostrophes', () => {
    assert.equal(normaliseName("  The Lao People’s Democratic Republic (the) "), "lao people's democratic republic");
  });
});

describe('depositary dates', () => {
  it('reads "12 Dec 2000"', () => {
    assert.equal(parseDepositaryDate('12 Dec 2000'), '2000-12-12');
    assert.equal(parseDepositaryDate('1 Jan 2004'), '2004-01-01');
  });
  it('refuses impossible or other forms', () => {
    for (const bad of ['31 Feb 2001', '12/12/2000', '2000-12-12', '12 Dez 2000', '', '12 Dec 00']) assert.equal(parseDepositaryDate(bad), undefined, bad);
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseDepositaryDate(s)));
  });
});

describe('parseStatusRows', () => {
  it('reads signatures, consent kinds by flag, and skips the European Union', () => {
    const { status, issues } = parseStatusRows(
      '18-12.csv',
      rows(['France', '12 Dec 2000', '29 Oct 2002 AA'], ['Afghanistan', '', '24 Sep 2003 a'], ['Germany', '12 Dec 2000', '14 Jun 2006'], ['Montenegro', '', '23 Oct 2006 d'], ['Austria', '12 Dec 2000', ''], ['European Union', '12 Dec 2000', '21 May 2004 AA']),
      lines(7),
    );
    assert.deepEqual(issues, []);
    assert.equal(status!.instrument, 'untoc');
    assert.deepEqual(status!.skipped, ['European Union']);
    assert.deepEqual(status!.parties, [
      { country: 'FRA', signed_on: '2000-12-12', consent_on: '2002-10-29', consent_kind: 'approval' },
      { country: 'AFG', consent_on: '2003-09-24', consent_kind: 'accession' },
      { country: 'DEU', signed_on: '2000-12-12', consent_on: '2006-06-14', consent_kind: 'ratification' },
      { country: 'MNE', consent_on: '2006-10-23', consent_kind: 'succession' },
      { country: 'AUT', signed_on: '2000-12-12' },
    ]);
  });
  it('names the file, line and field of every problem', () => {
    const { issues } = parseStatusRows('dir/18-14.csv', rows(['Atlantis', '1 Jan 2004', ''], ['France', '9 Dec 2003', '11 Jul 2005 X'], ['Italy', 'yesterday', ''], ['Spain', '', ''], ['France', '9 Dec 2003', '']), lines(6));
    assert.deepEqual(
      issues.map((i) => [i.file, i.line, i.field]),
      [
        ['dir/18-14.csv', 2, 'Participant'],
        ['dir/18-14.csv', 3, HEADER[2]],
        ['dir/18-14.csv', 4, 'Signature'],
        ['dir/18-14.csv', 5, 'Signature'],
        ['dir/18-14.csv', 6, 'Participant'],
      ],
    );
    assert.match(issues[0]!.message, /unknown participant "Atlantis"/);
  });
  it('refuses an unknown file name and a wrong header', () => {
    assert.match(parseStatusRows('18-99.csv', rows(), lines(1)).issues[0]!.message, /unknown depositary number "18-99"/);
    assert.equal(parseStatusRows('18-12.csv', [['State', 'Date']], [1]).issues[0]!.field, 'header');
  });
  it('never throws on arbitrary rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 10 }), (recs) => {
        const r = parseStatusRows('18-12.csv', [HEADER, ...recs], lines(recs.length + 1));
        assert.ok(r.status || r.issues.length);
      }),
    );
  });
});
