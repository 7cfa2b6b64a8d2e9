import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentDisposition } from './routes.js';

describe('attachment download headers', () => {
  it('names the file in ASCII and in UTF-8 (RFC 6266)', () => {
    assert.equal(contentDisposition('loi.pdf'), `attachment; filename="loi.pdf"; filename*=UTF-8''loi.pdf`);
    assert.equal(contentDisposition('قانون "1".pdf'), `attachment; filename="_____ _1_.pdf"; filename*=UTF-8''%D9%82%D8%A7%D9%86%D9%88%D9%86%20%221%22.pdf`);
  });

  it('never lets a stored file name break out of the header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (name) => {
        const header = contentDisposition(name);
        assert.match(header, /^[\x20-\x7e]+$/, 'printable ASCII only: no CR, LF or control characters');
        const ascii = /filename="([^"]*)"/.exec(header)?.[1];
        assert.equal(ascii?.length, name.length, 'one ASCII character per UTF-16 unit, quotes replaced');
        const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
        assert.equal(decodeURIComponent(encoded), name);
      }),
    );
  });
});
