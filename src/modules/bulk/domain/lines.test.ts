import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8, splitLines, Utf8Error, type RawLine } from './lines.js';

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function lines(bytes: Buffer, cuts: number[] = [], max = 1 << 20): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const l of splitLines(chunked(bytes, cuts), max)) out.push(l);
  return out;
}

describe('splitLines', () => {
  it('gives the same lines however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 20 }), fc.array(fc.nat(700), { maxLength: 10 }), fc.boolean(), async (texts, cuts, crlf) => {
        const clean = texts.map((t) => t.replace(/[\r\n]/g, ' '));
        const joined = clean.join(crlf ? '\r\n' : '\n');
        const got = await lines(Buffer.from(joined, 'utf8'), cuts);
        // A final line break ends the last line; it does not start an empty one.
        const parts = joined.split(crlf ? '\r\n' : '\n');
        if (parts[parts.length - 1] === '') parts.pop();
        const expected = parts.map((text, i) => ({ line: i + 1, text }));
        assert.deepEqual(got, expected);
      }),
    );
  });

  it('drops a UTF-8 byte-order mark and reports a UTF-16 one', async () => {
    assert.deepEqual(await lines(Buffer.from('\uFEFF{"a":1}\n', 'utf8'), [1, 2]), [{ line: 1, text: '{"a":1}' }]);
    const utf16 = await lines(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}\n', 'utf16le')]));
    assert.equal(utf16.length, 1);
    assert.match((utf16[0] as { error: string }).error, /UTF-16/);
  });

  it('reports invalid UTF-8 and over-long lines on their own line and goes on', async () => {
    const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n'), Buffer.from('x'.repeat(50)), Buffer.from('\nlast')]);
    const got = await lines(bytes, [5, 20, 30], 10);
    assert.deepEqual(got, [
      { line: 1, text: 'ok' },
      { line: 2, error: 'is not valid UTF-8 (save the file with UTF-8 encoding)' },
      { line: 3, error: 'is longer than the maximum of 10 bytes' },
      { line: 4, text: 'last' },
    ]);
  });

  it('keeps a character split between two chunks', async () => {
    const bytes = Buffer.from('日本語\n中文', 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(await lines(bytes, [cut]), [{ line: 1, text: '日本語' }, { line: 2, text: '中文' }]);
  });
});

describe('decodeUtf8', () => {
  it('decodes across chunk edges and names the line of the first bad byte', async () => {
    let text = '';
    for await (const t of decodeUtf8(chunked(Buffer.from('\uFEFFa,b\nالعربية\n', 'utf8'), [3, 7, 9]))) text += t;
    assert.equal(text, 'a,b\nالعربية\n');
    const bad = Buffer.concat([Buffer.from('one\ntwo\nthr'), Buffer.from([0xff]), Buffer.from('ee\n')]);
    await assert.rejects(
      (async () => {
        for await (const _ of decodeUtf8(chunked(bad, [2]))) void _;
      })(),
      (e: unknown) => e instanceof Utf8Error && e.line === 3,
    );
  });
});
