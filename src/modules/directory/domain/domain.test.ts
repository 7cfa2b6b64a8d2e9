/** Pure rules of the directory: open-now across time zones and DST, visibility, checks, search text, lookup. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { localClock, openStatus } from './hours.js';
import { visibleAuthority } from './visibility.js';
import { checkAuthority, type DirectoryRefs } from './checks.js';
import { normalizeSearchText, toPrefixQuery, likePattern } from './search-text.js';
import { lookup } from './lookup.js';
import { VISIBILITY_FIELDS, type AuthorityDocument, type Hours } from './schema.js';
import { formToDocument, parseExceptions } from '../pages/form-parse.js';

const office = (tz: string): Hours => ({ time_zone: tz, weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })) });

describe('office hours', () => {
  it('computes the local time across daylight-saving changes', () => {
    // Paris: 2024-03-31 01:30 UTC is 03:30 CEST (the clocks jumped from 02:00 to 03:00).
    assert.equal(localClock('Europe/Paris', new Date('2024-03-31T01:30:00Z')).time, '03:30');
    assert.equal(localClock('Europe/Paris', new Date('2024-03-31T00:30:00Z')).time, '01:30');
    assert.equal(localClock('Europe/Paris', new Date('2024-03-31T01:30:00Z')).offset, 'GMT+02:00');
    // New York: 2024-11-03 06:30 UTC is 01:30 EST (after the fall back), 05:30 UTC is 01:30 EDT.
    assert.equal(localClock('America/New_York', new Date('2024-11-03T06:30:00Z')).offset, 'GMT-05:00');
    assert.equal(localClock('America/New_York', new Date('2024-11-03T05:30:00Z')).offset, 'GMT-04:00');
    // Sydney is ahead: Monday 08:30 local is still Sunday in UTC.
    const syd = localClock('Australia/Sydney', new Date('2024-06-02T22:30:00Z'));
    assert.deepEqual([syd.date, syd.weekday, syd.time], ['2024-06-03', 1, '08:30']);
  });

  it('says open or closed, with the next change, in the office’s own time zone', () => {
    // 08:30 UTC on Monday 2024-07-01: 10:30 in Paris (open), 04:30 in New York (closed), 17:30 in Tokyo (closed).
    const now = new Date('2024-07-01T08:30:00Z');
    const paris = openStatus(office('Europe/Paris'), now);
    assert.deepEqual([paris.state, paris.closesAt], ['open', '17:00']);
    const ny = openStatus(office('America/New_York'), now);
    assert.deepEqual([ny.state, ny.opensAt?.time, ny.opensAt?.inDays], ['closed', '09:00', 0]);
    const tokyo = openStatus(office('Asia/Tokyo'), now);
    assert.deepEqual([tokyo.state, tokyo.opensAt?.weekday, tokyo.opensAt?.inDays], ['closed', 2, 1]);
    // In winter Paris is UTC+1: 16:30 UTC on a Friday is 17:30, closed until Monday.
    const friday = openStatus(office('Europe/Paris'), new Date('2024-01-05T16:30:00Z'));
    assert.deepEqual([friday.state, friday.opensAt?.weekday, friday.opensAt?.inDays], ['closed', 1, 3]);
    // The same UTC instant in summer (UTC+2) is 18:30.
    assert.equal(openStatus(office('Europe/Paris'), new Date('2024-07-05T16:30:00Z')).clock.time, '18:30');
  });

  it('handles holidays, intervals past midnight and 24/7 offices', () => {
    const hours: Hours = { ...office('Europe/Paris'), exceptions: [{ date: '2024-12-25', closed: true, note: 'Christmas' }] };
    const xmas = openStatus(hours, new Date('2024-12-25T10:00:00Z'));
    assert.equal(xmas.state, 'closed');
    assert.deepEqual(xmas.exception, { closed: true, note: 'Christmas' });
    const night: Hours = { time_zone: 'UTC', weekly: [{ day: 1, open: '22:00', close: '06:00' }] };
    assert.equal(openStatus(night, new Date('2024-07-02T03:00:00Z')).state, 'open', 'Tuesday 03:00 is in Monday night');
    assert.equal(openStatus({ time_zone: 'Asia/Tokyo', always_open: true, weekly: [] }, new Date()).state, 'always');
  });
});

const refs: DirectoryRefs = { countries: new Set(['FRA']), articles: new Set(['untoc:18', 'untoc:16']), measures: new Set(['taking-evidence', 'data-preservation']) };
const base: AuthorityDocument = {
  id: 'fra-x',
  country: 'FRA',
  names: { fr: 'Bureau', en: 'Office' },
  functions: [{ code: 'mla', articles: ['untoc:18'] }],
  contacts: [{ name: 'Secret Person' }],
  direct_lines: [{ number: '+33 1 00 00 00 00' }],
  requirements: [{ measure: 'taking-evidence', status: 'applicable' }],
  notes: { en: 'n' },
  verified: { on: '2024-01-01', by: 'Someone' },
};

describe('visibility', () => {
  it('removes every practitioners-only field for public readers, whatever the settings', () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, fc.constantFrom('public', 'practitioners')]))) as fc.Arbitrary<Record<string, 'public' | 'practitioners'>>, (visibility) => {
        const doc = { ...base, visibility } as AuthorityDocument;
        const pub = visibleAuthority(doc, { restricted: false }) as Record<string, unknown>;
        for (const f of VISIBILITY_FIELDS) if (visibility[f] === 'practitioners') assert.equal(pub[f], undefined, f);
        assert.deepEqual(pub.verified, { on: '2024-01-01' });
        assert.deepEqual(visibleAuthority(doc, { restricted: true }), doc);
      }),
    );
  });

  it('defaults contacts and direct lines to practitioners only', () => {
    const pub = visibleAuthority(base, { restricted: false });
    assert.equal(pub.contacts, undefined);
    assert.equal(pub.direct_lines, undefined);
    assert.ok(pub.requirements && pub.notes);
  });
});

describe('checks and text', () => {
  it('names the field of each problem', () => {
    const r = checkAuthority({ ...base, country: 'XXX', functions: [{ code: 'mla', articles: ['untoc:99'] }, { code: 'mla' }], hours: { time_zone: 'Not/AZone', weekly: [] } }, refs);
    assert.ok(!r.ok);
    assert.deepEqual(r.issues.map((i) => i.field).sort(), ['country', 'functions.0.articles.0', 'functions.1.code', 'hours.time_zone']);
    const long = checkAuthority({ ...base, names: { en: 'x'.repeat(501) } }, refs);
    assert.ok(!long.ok && long.issues[0]!.field === 'names.en');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      checkAuthority(v, refs);
    }));
  });

  it('splits Chinese into bigrams and folds Arabic variants, on both sides', () => {
    assert.match(normalizeSearchText('司法部'), /司法 法部/);
    assert.equal(normalizeSearchText('إدارة'), 'اداره');
    assert.equal(toPrefixQuery("minist'ere & | !"), 'minist:* & ere:*');
    assert.equal(toPrefixQuery('&|!'), undefined);
    assert.equal(likePattern('50%_x'), '%50\\%\\_x%');
  });

  it('falls back to the central authority and says which function answered', () => {
    const a = lookup('FRA', { kind: 'function', code: 'extradition' }, [base], () => false);
    assert.deepEqual([a.wanted, a.found, a.matches.length], ['extradition', 'mla', 1]);
    const m = lookup('FRA', { kind: 'measure', code: 'data-preservation', eEvidence: true }, [base], () => true);
    assert.deepEqual([m.wanted, m.found], ['cyber-24-7', 'mla']);
    assert.deepEqual(m.matches[0]!.requirement, { state: 'withheld' });
    assert.equal(lookup('FRA', { kind: 'function', code: 'mla' }, [], () => false).stateHasNone, true);
  });

  it('reads the form into a document', () => {
    const { doc } = formToDocument({ langs: 'en,fr', 'names.en': ' Office ', 'names.fr': '', 'fn.mla': '1', 'fn.mla.articles': 'untoc:18, untoc:16', 'phones.0.number': '+1 2', 'phones.1.number': '', channels: ['direct', 'electronic'], 'req.taking-evidence.status': 'conditions', 'req.taking-evidence.conditions.en': 'c', 'visibility.contacts': 'public' }, { id: 'x', country: 'FRA' });
    assert.deepEqual(doc.names, { en: 'Office' });
    assert.deepEqual(doc.functions, [{ code: 'mla', articles: ['untoc:18', 'untoc:16'] }]);
    assert.deepEqual(doc.phones, [{ number: '+1 2' }]);
    assert.deepEqual(doc.requirements, [{ measure: 'taking-evidence', status: 'conditions', conditions: { en: 'c' } }]);
    assert.deepEqual(doc.visibility, { contacts: 'public' });
    assert.deepEqual(parseExceptions('2026-12-25 closed Noël\nbad\n2026-12-24 09:00-12:00').bad, [1]);
  });
});
