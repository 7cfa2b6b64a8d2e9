/**
 * Generations of the search documents: which committed changes a database snapshot sees, written
 * so that two snapshots seeing the same changes mostly read the same text, and the changes between
 * two of them can be read from the log (migration 0051, repository/generation.ts).
 *
 * Each transaction that changes search documents is recorded under its id (search_transactions).
 * In a snapshot, every transaction below its xmin has finished: the committed writers among them
 * are exactly the recorded ids below xmin, all seen. The generation is the greatest of those
 * (`below`), then the recorded ids at or above xmin that the snapshot sees (`recent`: committed
 * after the oldest still running transaction began), e.g. "812" or "812:815,817". With more than
 * RECENT_LIMIT recent writers (a transaction left open for long) the list is not written ("812:*"):
 * such a generation cannot be compared or patched from, and searches answer with SQL meanwhile.
 *
 * For two snapshots of one server, the later sees every change the earlier sees. `sees` tells it
 * from the generations alone, conservatively: true only when the first sees all the second sees,
 * and always true for a later snapshot against an earlier one (the proof is in docs/SEARCH.md).
 */

/** Recent writers listed at most in a generation (repository/generation.ts reads one more). */
export const RECENT_LIMIT = 1000;

export interface Generation {
  /** The greatest writing transaction below the snapshot's xmin (0: none). */
  below: bigint;
  /** Writing transactions at or above xmin the snapshot sees, ascending; undefined: too many to list. */
  recent: bigint[] | undefined;
}

export function parseGeneration(text: string): Generation {
  const colon = text.indexOf(':');
  if (colon < 0) return { below: BigInt(text || '0'), recent: [] };
  const rest = text.slice(colon + 1);
  return { below: BigInt(text.slice(0, colon)), recent: rest === '*' ? undefined : rest.split(',').map((x) => BigInt(x)) };
}

export function formatGeneration(g: Generation): string {
  if (!g.recent) return `${g.below}:*`;
  return g.recent.length ? `${g.below}:${g.recent.join(',')}` : String(g.below);
}

/** Whether the in-memory indexes can be kept at (and patched from) this generation. */
export const listed = (text: string) => !text.endsWith('*');

/**
 * Whether a snapshot at generation `a` surely sees every change one at `b` sees (both read on one
 * server): b's `below` is at most a's, and each of b's recent writers is at most a's `below` or
 * listed by a. False when either is not listed. A later snapshot always sees an
 * earlier one; "0:2" does not surely see "2" (which may also see a writer 1).
 */
export function sees(a: string, b: string): boolean {
  if (!listed(a) || !listed(b)) return false;
  if (a === b) return true;
  const x = parseGeneration(a);
  const y = parseGeneration(b);
  if (!x.recent || !y.recent) return false;
  const recent = new Set(x.recent);
  return y.below <= x.below && y.recent.every((id) => id <= x.below || recent.has(id));
}

/** `a` surely sees all `b` sees, and `b` not surely all `a` sees. */
export const isNewer = (a: string, b: string) => sees(a, b) && !sees(b, a);
