import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chaseDue, deadlineNotice, deadlineStatus, parseDeadlineInput, serviceLevelDue, statutoryDue } from './deadlines.js';
import { addDays } from './working-days.js';

const cal = { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] };

test('due dates from service levels and statutory periods', () => {
  assert.equal(serviceLevelDue('2026-12-21', { days: 4, workingDays: true }, cal), '2026-12-28');
  assert.equal(serviceLevelDue('2026-12-21', { days: 4, workingDays: false }, cal), '2026-12-25');
  assert.equal(statutoryDue('2026-12-01', 60), '2027-01-30');
});

test('status and notices', () => {
  assert.equal(deadlineStatus({ dueOn: '2026-12-10', metOn: null }, '2026-12-07', 3), 'due_soon');
  assert.equal(deadlineStatus({ dueOn: '2026-12-11', metOn: null }, '2026-12-07', 3), 'open');
  assert.equal(deadlineStatus({ dueOn: '2026-12-06', metOn: null }, '2026-12-07', 3), 'overdue');
  assert.equal(deadlineStatus({ dueOn: '2026-12-06', metOn: '2026-12-05' }, '2026-12-07', 3), 'met');
  const d = { id: 'x', dueOn: '2026-12-09', remindedAt: null, overdueNotifiedAt: null };
  assert.equal(deadlineNotice(d, '2026-12-07', 3), 'remind');
  assert.equal(deadlineNotice({ ...d, remindedAt: new Date() }, '2026-12-07', 3), null);
  assert.equal(deadlineNotice(d, '2026-12-10', 3), 'overdue');
  assert.equal(deadlineNotice({ ...d, overdueNotifiedAt: new Date() }, '2026-12-10', 3), null);
});

test('chase prompts count from the latest news or chase, only for active tracks', () => {
  const t = { state: 'acknowledged' as const, forwardedOn: '2026-10-01', lastNewsOn: '2026-11-01', chasedOn: null };
  assert.equal(chaseDue(t, '2026-11-30', 30), null);
  assert.equal(chaseDue(t, '2026-12-01', 30), '2026-11-01');
  assert.equal(chaseDue({ ...t, chasedOn: '2026-11-20' }, '2026-12-01', 30), null);
  assert.equal(chaseDue({ ...t, state: 'executed' }, '2027-12-01', 30), null);
});

test('property: a deadline gets at most one reminder and one overdue notice whatever the day', () => {
  fc.assert(
    fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }), (offset, remind, steps) => {
      let today = '2026-06-01';
      const d = { id: 'x', dueOn: addDays(today, offset), remindedAt: null as Date | null, overdueNotifiedAt: null as Date | null };
      let reminders = 0;
      let overdue = 0;
      for (const s of [0, ...steps]) {
        today = addDays(today, s);
        const n = deadlineNotice(d, today, remind);
        if (n === 'remind') (reminders++, (d.remindedAt = new Date()));
        if (n === 'overdue') (overdue++, (d.overdueNotifiedAt = new Date()));
      }
      assert.ok(reminders <= 1 && overdue <= 1);
    }),
  );
});

test('deadline input names the bad field', () => {
  const bad = parseDeadlineInput({ kind: 'whenever', label: '', dueOn: '2026-02-30', executionId: 'nope' });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.deepEqual(bad.issues.map((i) => i.field), ['kind', 'label', 'dueOn', 'executionId']);
  const ok = parseDeadlineInput({ kind: 'custom', label: ' Reply ', dueOn: '2026-12-31' });
  assert.deepEqual(ok, { ok: true, value: { kind: 'custom', label: 'Reply', dueOn: '2026-12-31', executionId: null } });
  fc.assert(fc.property(fc.anything(), (x) => void parseDeadlineInput(x)));
});
