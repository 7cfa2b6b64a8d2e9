/** Change announcements between modules (platform/events.ts): in the publisher's transaction, all or nothing. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../helpers/db.js';
import { offChange, onChange, publishChanges, subscriberCount } from '../../src/platform/events.js';
import { ENTRIES_CHANGED, getEntry, saveRecords, type EntriesChanged } from '../../src/modules/knowledge/index.js';
import { aCase } from '../factories/knowledge.js';

describe('change announcements', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime();
  });
  after(async () => rt?.close());

  it('search is subscribed to knowledge changes at start-up', () => {
    assert.ok(subscriberCount(ENTRIES_CHANGED) >= 1);
  });

  it('refuses an announcement outside a transaction', async () => {
    await assert.rejects(publishChanges(rt.db, ENTRIES_CHANGED, { changed: [], removed: [] }), /inside the transaction/);
  });

  it('carries the visible canonical document and the removed ids, in the transaction of the change', async () => {
    const seen: EntriesChanged[] = [];
    const spy = async (trx: typeof rt.db, change: EntriesChanged) => {
      assert.equal(trx.isTransaction, true);
      seen.push(change);
    };
    onChange(ENTRIES_CHANGED, spy);
    try {
      const doc = aCase({ texts: { en: { title: 'Shown' }, fr: { title: 'Brouillon', status: 'draft' } } });
      const hidden = aCase({ texts: { en: { title: 'Draft only', status: 'draft' } } });
      await saveRecords(rt.db, [doc, hidden], { origin: 'import' });
      assert.equal(seen.length, 1);
      assert.deepEqual(seen[0]!.changed.map((c) => c.document.id), [doc.id]);
      assert.deepEqual(Object.keys(seen[0]!.changed[0]!.document.texts), ['en']);
      assert.deepEqual(seen[0]!.removed, [hidden.id]);
    } finally {
      offChange(ENTRIES_CHANGED, spy);
    }
  });

  it('a failing subscriber rolls the change back', async () => {
    const failing = async () => {
      throw new Error('subscriber failed');
    };
    onChange(ENTRIES_CHANGED, failing);
    const doc = aCase();
    try {
      await assert.rejects(saveRecords(rt.db, [doc], { origin: 'import' }), /subscriber failed/);
    } finally {
      offChange(ENTRIES_CHANGED, failing);
    }
    assert.equal(await getEntry(rt.db, doc.id), undefined);
  });
});
