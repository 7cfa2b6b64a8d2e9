import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, addWorkingDays, daysBetween, isIsoDate, isWorkingDay, isoWeekday, workingDaysBetween, type WorkingCalendar } from './working-days.js';

const WEEK: WorkingCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25', '2027-01-01'] };

test('calendar and working days around a weekend and holidays', () => {
  assert.equal(isoWeekday('2026-12-07'), 1);
  assert.equal(isoWeekday('2026-12-13'), 7);
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  assert.equal(daysBetween('2026-02-27', '2026-03-01'), 2);
  assert.equal(addWorkingDays('2026-12-04', 1, WEEK), '2026-12-07', 'Friday + 1 is Monday');
  assert.equal(addWorkingDays('2026-12-24', 1, WEEK), '2026-12-28', 'Christmas and the weekend skipped');
  assert.equal(addWorkingDays('2026-12-05', 0, WEEK), '2026-12-07', 'a Saturday start moves to Monday');
  assert.equal(addWorkingDays('2026-12-21', 10, WEEK), '2027-01-06');
  assert.equal(workingDaysBetween('2026-12-21', '2027-01-06', WEEK), 10);
  assert.equal(isWorkingDay('2026-12-25', WEEK), false);
  // A Sunday-to-Thursday week.
  assert.equal(addWorkingDays('2026-12-10', 1, { workingDays: [7, 1, 2, 3, 4], holidays: [] }), '2026-12-13');
  assert.throws(() => addWorkingDays('2026-12-10', 1, { workingDays: [], holidays: [] }), RangeError);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2028-02-29'), true);
  assert.throws(() => addDays('2026-13-01', 1), RangeError);
});

const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const calArb = fc.record({
  workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  holidays: fc.array(dateArb, { maxLength: 30 }),
});

test('property: n working days later is a working day, exactly n working days away, and later than n-1', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: 1, max: 120 }), calArb, (start, n, cal) => {
      const due = addWorkingDays(start, n, cal);
      assert.equal(isWorkingDay(due, cal), true);
      assert.equal(workingDaysBetween(start, due, cal), n);
      assert.ok(daysBetween(start, due) >= n);
      assert.ok(daysBetween(addWorkingDays(start, n - 1, cal), due) > 0 || n === 1);
    }),
    { numRuns: 300 },
  );
});

test('property: calendar days add up', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: -4000, max: 4000 }), fc.integer({ min: -4000, max: 4000 }), (d, a, b) => {
      assert.equal(addDays(addDays(d, a), b), addDays(d, a + b));
      assert.equal(daysBetween(d, addDays(d, a)), a);
    }),
  );
});
