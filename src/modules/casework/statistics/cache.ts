/**
 * A small per-node cache of computed figures (a 100,000-case authority costs seconds to count, and
 * the page's CSV downloads ask for the same figures again). An entry is used only while the
 * authorities' last change (max updated_at of their cases, read from an index) and the day are
 * those it was computed with, and for CACHE_TTL_MS at most (a change that does not touch updated_at
 * shows after that). Holds aggregates only, never case data.
 */
export const CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 200;

interface Entry<T> {
  value: T;
  at: number;
}

export class FiguresCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > CACHE_TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
