import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BackupError, line, parseLine, splitLines } from './format.js';

async function collect(chunks: (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  async function* gen() {
    yield* chunks;
  }
  for await (const l of splitLines(gen())) out.push(l);
  return out;
}

describe('backup format', () => {
  it('reads back every row it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null })), (values) => {
        const text = line(values);
        assert.ok(text.endsWith('\n') && !text.slice(0, -1).includes('\n'));
        assert.deepEqual(parseLine(text.slice(0, -1), 1), { kind: 'row', values });
      }),
    );
  });

  it('refuses anything else with a BackupError naming the line, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.integer({ min: 1, max: 1e6 }), (text, n) => {
        try {
          const parsed = parseLine(text, n);
          assert.ok(['row', 'table', 'sequences', 'end', 'header'].includes(parsed.kind));
        } catch (err) {
          assert.ok(err instanceof BackupError, String(err));
        }
      }),
    );
    assert.throws(() => parseLine('[1, 2]', 7), /line 7: a row holds only text or null/);
    assert.throws(() => parseLine('{"header":{"format":"palermo-backup","formatVersion":2,"schemaVersion":"0054","migrations":[]}}', 1), /backup format 2 is not supported/);
  });

  it('splits a stream into lines wherever the chunks are cut, multi-byte characters included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\n')), { minLength: 1 }), fc.array(fc.nat()), async (lines, cuts) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let at = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.subarray(at, p));
          at = p;
        }
        assert.deepEqual(await collect(chunks), lines);
      }),
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    await assert.rejects(collect([Buffer.from([0x5b, 0xff, 0xfe, 0x5d, 0x0a])]), (err: unknown) => err instanceof BackupError && /not UTF-8/.test(err.message));
  });
});
