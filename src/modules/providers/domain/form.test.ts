import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentToForm, formIssueField, formToDocument } from './form.js';
import { DATA_CATEGORIES, NOTIFICATION_POLICIES, REQUEST_KINDS, SERVICES, VISIBILITIES, VISIBILITY_FIELDS, YES_NO_UNKNOWN } from './schema.js';

const text = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s.length > 0);
const tag = fc.constantFrom('en', 'fr', 'ar', 'zh', 'es', 'ru', 'de', 'pt-BR');
const texts = fc.dictionary(tag, text, { minKeys: 1, maxKeys: 3 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Provider documents as the form can express them (no `verified`: set on publication). */
const providerDoc = fc
  .record({
    names: texts,
    country: fc.constantFrom('USA', 'IRL', 'FRA'),
    services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 4 }),
    website: opt(fc.constant('https://example.org/')),
    legal_entity: opt(text),
    data: opt(fc.uniqueArray(fc.record({ category: fc.constantFrom(...DATA_CATEGORIES), retention_days: opt(fc.integer({ min: 0, max: 36_500 })), retention: opt(texts) }), { selector: (d) => d.category, minLength: 1 })),
    requests: opt(fc.dictionary(fc.constantFrom(...REQUEST_KINDS), fc.record({ portal: opt(fc.constant('https://le.example.org/')), email: opt(fc.constant('le@example.org')), address: text, note: opt(texts) }), { minKeys: 1 })),
    languages: opt(fc.uniqueArray(fc.constantFrom('en', 'fr', 'es'), { minLength: 1 })),
    emergency_contact: opt(fc.record({ name: text, phone: opt(fc.constant('+1 650 555 0100')), hours: opt(text) })),
    user_notification: opt(fc.record({ policy: fc.constantFrom(...NOTIFICATION_POLICIES), note: opt(texts) })),
    content_requires_mla: opt(fc.record({ value: fc.constantFrom(...YES_NO_UNKNOWN), note: opt(texts) })),
    notes: opt(texts),
    visibility: opt(fc.dictionary(fc.constantFrom(...VISIBILITY_FIELDS), fc.constantFrom(...VISIBILITIES), { minKeys: 1 })),
    demo: opt(fc.constant(true)),
  })
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>); // drop undefined keys

/** The form keeps data held in the categories' order. */
const normalised = (d: Record<string, unknown>) =>
  d.data ? { ...d, data: [...(d.data as { category: string }[])].sort((a, b) => DATA_CATEGORIES.indexOf(a.category as never) - DATA_CATEGORIES.indexOf(b.category as never)) } : d;

describe('provider form', () => {
  it('gives back the document it was filled from (fuzzed)', () => {
    fc.assert(
      fc.property(providerDoc, (doc) => {
        const { document } = formToDocument('p-1', documentToForm(doc));
        assert.deepEqual(document, { id: 'p-1', ...normalised(doc) });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out empty inputs and keeps a category ticked without details', () => {
    const { document, dataOrder } = formToDocument('p-2', {
      'names.en': ' Example Mail ',
      'names.fr': '',
      country: 'usa',
      services: ['email', ''],
      'data.traffic.held': 'on',
      'data.content.retention_days': '30',
      'requests.emergency.portal': '',
      'emergency_contact.name': '  ',
      'visibility.requests': 'public',
      'visibility.notes': '',
    });
    assert.deepEqual(document, { id: 'p-2', names: { en: 'Example Mail' }, country: 'USA', services: ['email'], data: [{ category: 'traffic' }, { category: 'content', retention_days: 30 }], visibility: { requests: 'public' } });
    assert.deepEqual(dataOrder, ['traffic', 'content']);
  });

  it('passes a wrong number on as written, for the schema to refuse by name, and names issues by category', () => {
    const { document, dataOrder } = formToDocument('p-3', { 'data.location.retention_days': 'ninety' });
    assert.deepEqual(document.data, [{ category: 'location', retention_days: 'ninety' }]);
    assert.equal(formIssueField('data.0.retention_days', dataOrder), 'data.location.retention_days');
    assert.equal(formIssueField('data.7', dataOrder), 'data.7');
    assert.equal(formIssueField('country', dataOrder), 'country');
  });

  it('never throws on whatever is posted, and ignores names that are not its inputs (fuzzed)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('names.en', 'services', 'data.traffic.held', '__proto__', 'constructor', 'languages', 'notes.x y')), fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined), fc.integer())), (body) => {
        const { document } = formToDocument('p-4', body as Record<string, unknown>);
        assert.equal(document.id, 'p-4');
        for (const k of Object.keys(document)) assert.ok(['id', 'names', 'country', 'services', 'website', 'legal_entity', 'data', 'requests', 'languages', 'emergency_contact', 'user_notification', 'content_requires_mla', 'notes', 'visibility', 'demo'].includes(k), k);
      }),
    );
  });
});
