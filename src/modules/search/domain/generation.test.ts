import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatGeneration, isNewer, listed, parseGeneration, sees } from './generation.js';

/**
 * A model of one PostgreSQL server: transactions get increasing ids, some write search documents
 * (recorded in search_transactions), each commits or aborts in any order, and snapshots are taken
 * in between (xmin: the oldest running id, or the next id when none). Each snapshot's generation is
 * computed as repository/generation.ts computes it; the test checks what the in-memory indexes rely
 * on, for every pair of snapshots, against the sets of writers each snapshot really sees.
 */
interface Snapshot {
  generation: string;
  /** The committed writers it sees. */
  seen: Set<number>;
}

type Step = { kind: 'begin'; writer: boolean } | { kind: 'commit' | 'abort'; pick: number } | { kind: 'snapshot' };

function run(steps: Step[]): Snapshot[] {
  let next = 1;
  const running: { id: number; writer: boolean }[] = [];
  const committedWriters = new Set<number>();
  const snapshots: Snapshot[] = [];
  for (const step of steps) {
    if (step.kind === 'begin') running.push({ id: next++, writer: step.writer });
    else if (step.kind === 'snapshot') {
      const xmin = Math.min(next, ...running.map((t) => t.id));
      const seen = new Set(committedWriters);
      const below = Math.max(0, ...[...seen].filter((x) => x < xmin));
      const recent = [...seen].filter((x) => x >= xmin).sort((a, b) => a - b);
      snapshots.push({ generation: formatGeneration({ below: BigInt(below), recent: recent.map(BigInt) }), seen });
    } else if (running.length) {
      const [t] = running.splice(step.pick % running.length, 1);
      if (step.kind === 'commit' && t!.writer) committedWriters.add(t!.id);
    }
  }
  return snapshots;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('begin' as const), writer: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('commit' as const, 'abort' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
);

const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));

/** What the change log gives from `a` to `b`: the writers `b` sees above a's first number and not in its list. */
function changedBetween(a: string, b: Snapshot): Set<number> {
  const from = parseGeneration(a);
  return new Set([...b.seen].filter((x) => BigInt(x) > from.below && !from.recent!.includes(BigInt(x))));
}

describe('search generations', () => {
  it('round-trips its text', () => {
    for (const text of ['0', '812', '812:815,817', '0:3', '9:*']) assert.equal(formatGeneration(parseGeneration(text)), text);
    assert.deepEqual(parseGeneration('812:815,817'), { below: 812n, recent: [815n, 817n] });
    assert.equal(listed('9:*'), false);
    assert.equal(listed('9:10'), true);
  });

  it('orders snapshots, names equal ones alike, and tells exactly what changed between two', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const snapshots = run(steps);
        snapshots.forEach((a, i) => {
          for (const b of snapshots.slice(i)) {
            // A later snapshot sees all an earlier one sees, and `sees` says so.
            assert.ok(subset(a.seen, b.seen));
            assert.ok(sees(b.generation, a.generation), `${b.generation} sees ${a.generation}`);
            // `sees` never claims more than is seen (the texts alone cannot always tell equal sets:
            // "0:2" then "2" may or may not see a writer 1; the patch reads the log and finds out).
            if (sees(a.generation, b.generation)) assert.ok(subset(b.seen, a.seen), `${a.generation} does not see all ${b.generation} sees`);
            if (isNewer(a.generation, b.generation)) assert.fail(`${a.generation} is not newer than the later ${b.generation}`);
            // The same text: the same documents.
            if (a.generation === b.generation) assert.deepEqual([...a.seen].sort(), [...b.seen].sort());
            // The log read from a's generation in b's snapshot: exactly what b sees and a did not.
            assert.deepEqual([...changedBetween(a.generation, b)].sort(), [...b.seen].filter((x) => !a.seen.has(x)).sort());
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('compares nothing it cannot list', () => {
    assert.equal(sees('9:*', '9:*'), false); // not even the same text
    assert.equal(sees('10', '9:*'), false);
    assert.equal(sees('9:*', '8'), false);
  });
});
