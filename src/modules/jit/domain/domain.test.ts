import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isClosed, isIsoDate } from './dates.js';
import { safeFilename } from './files.js';
import { canMoveTask, TASK_TRANSITIONS } from './tasks.js';
import { TASK_STATUSES } from './vocabulary.js';

describe('jit domain', () => {
  it('closes a workspace the day after its end date', () => {
    assert.equal(isClosed('2026-12-07', '2026-12-07'), false);
    assert.equal(isClosed('2026-12-07', '2026-12-08'), true);
    assert.equal(isClosed('2027-01-01', '2026-12-31'), false);
  });
  it('accepts only real ISO dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', '']) assert.equal(isIsoDate(bad), false, bad);
  });
  it('has a transition table over the task statuses only', () => {
    for (const [from, tos] of Object.entries(TASK_TRANSITIONS)) {
      assert.ok((TASK_STATUSES as readonly string[]).includes(from));
      for (const to of tos) assert.notEqual(to, from);
    }
    assert.ok(canMoveTask('open', 'done'));
    assert.equal(canMoveTask('done', 'cancelled'), false);
  });
  it('makes file names safe', () => {
    assert.equal(safeFilename('../../etc/passwd'), 'passwd');
    assert.equal(safeFilename('a\u202eb.pdf'), 'a_b.pdf');
    assert.equal(safeFilename(''), 'document');
    assert.equal(safeFilename('con.txt'), '_con.txt');
    assert.equal([...safeFilename('x'.repeat(400))].length, 255);
  });
});
