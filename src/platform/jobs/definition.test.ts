import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jobIdForKey, queueSettings, retryWindow } from './definition.js';

const noop = async () => undefined;

describe('job definitions', () => {
  it('applies defaults and refuses malformed definitions', () => {
    assert.deepEqual(queueSettings({ name: 'accounts.deliver_mail', handler: noop }), { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 });
    for (const name of ['mail', 'Accounts.mail', 'accounts.', 'accounts..mail', 'accounts.mail delivery', '1x.y']) {
      assert.throws(() => queueSettings({ name, handler: noop }), /module\.job_name/, name);
    }
    assert.throws(() => queueSettings({ name: 'a.b', handler: noop, retryLimit: -1 }), /retryLimit/);
    assert.throws(() => queueSettings({ name: 'a.b', handler: noop, retryDelaySeconds: 0 }), /retryDelaySeconds/);
    assert.throws(() => queueSettings({ name: 'a.b', handler: noop, expireInSeconds: 86_400 }), /expireInSeconds/);
    assert.throws(() => queueSettings({ name: 'a.b', handler: noop, concurrency: 0 }), /concurrency/);
  });

  it('doubles the retry delay at each retry', () => {
    assert.deepEqual(retryWindow(30, 1), { min: 30, max: 60 });
    assert.deepEqual(retryWindow(30, 2), { min: 60, max: 120 });
    assert.deepEqual(retryWindow(1, 5), { min: 16, max: 32 });
  });

  it('derives one stable UUID per job name and key', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const id = jobIdForKey('accounts.deliver_mail', a);
        assert.match(id, uuid);
        assert.equal(id, jobIdForKey('accounts.deliver_mail', a));
        assert.equal(a === b, id === jobIdForKey('accounts.deliver_mail', b));
        assert.notEqual(id, jobIdForKey('accounts.other_job', a));
      }),
    );
  });
});
