import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { nulCharacterIssues, validator } from './validation.js';

describe('NUL characters in input', () => {
  it('names every field whose text (or key) contains U+0000', () => {
    assert.deepEqual(nulCharacterIssues({ a: 'ok', b: 'x\u0000', c: [{ d: '\u0000' }], 'e\u0000': 1 }), [
      { field: 'b', message: 'must not contain the NUL character (U+0000)' },
      { field: 'c.0.d', message: 'must not contain the NUL character (U+0000)' },
      { field: 'value', message: 'must not contain the NUL character (U+0000)' },
    ]);
    assert.deepEqual(nulCharacterIssues('\u0000', 'q'), [{ field: 'q', message: 'must not contain the NUL character (U+0000)' }]);
    assert.deepEqual(nulCharacterIssues({ title: 'Extradition \u2028 ok', n: 3, none: null }), []);
  });

  it('makes every schema validator refuse it', () => {
    const check = validator(Type.Object({ title: Type.String() }));
    assert.deepEqual(check({ title: 'ok' }), { ok: true, value: { title: 'ok' } });
    const bad = check({ title: 'a\u0000' }, 'texts.en');
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.field), ['texts.en.title']);
  });
});

describe('field names', () => {
  it('names the empty key (valid JSON) "" rather than leaving a field nameless', () => {
    const check = validator(Type.Object({ title: Type.String(), names: Type.Optional(Type.Object({ en: Type.String() }, { additionalProperties: false })) }, { additionalProperties: false }));
    const bad = check({ '': false, names: { en: 'x', '': 1 } });
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.field).sort(), ['""', 'names.""', 'title']);
    const wrongType = check({ title: 'ok', names: { en: 1 } }, 'document');
    assert.deepEqual(!wrongType.ok && wrongType.issues.map((i) => i.field), ['document.names.en']);
    assert.deepEqual(nulCharacterIssues({ a: { '': '\u0000' } }).map((i) => i.field), ['a.""']);
  });

  it('names each key a record with a key pattern refuses (TypeBox reports only "schema is false" for them)', () => {
    const check = validator(Type.Object({ names: Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String(), { additionalProperties: false }) }));
    const bad = check({ names: { en: 'x', ' ': false, '!': 'y', '': 0 } });
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.issues.map((i) => i.field).sort(), ['names. ', 'names.!', 'names.""']);
    assert.ok(!bad.ok && bad.issues.every((i) => i.message === 'is not a known field'));
  });
});
