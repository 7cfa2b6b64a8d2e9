/**
 * Imported references and the authority's numbering (pure): a reference that matches the authority's
 * pattern for its direction (e.g. MLI/{YYYY}/{NNNNN}) gives a year and a number; the counters are then
 * moved past the highest imported number, so the next registered case does not collide.
 */
import type { Direction } from '../domain/vocabulary.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for references of a pattern: {YYYY} is the year, {N…} the number. */
export function referenceMatcher(pattern: string): (reference: string) => { year: number; number: number } | null {
  const parts = pattern.split(/(\{YYYY\}|\{N+\})/);
  let yearGroup = 0;
  let numberGroup = 0;
  let group = 0;
  const source = parts
    .map((p) => {
      if (p === '{YYYY}') {
        yearGroup = ++group;
        return '(\\d{4})';
      }
      if (/^\{N+\}$/.test(p)) {
        numberGroup = ++group;
        return '(\\d+)';
      }
      return escape(p);
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  return (reference) => {
    const m = re.exec(reference);
    if (!m || !numberGroup) return null;
    const number = Number(m[numberGroup]);
    const year = yearGroup ? Number(m[yearGroup]) : 0;
    if (!Number.isSafeInteger(number) || number > 2_000_000_000 || (yearGroup && (year < 1900 || year > 2999))) return null;
    return { year, number };
  };
}

/** The highest number per direction and year among the references that match. */
export function highestNumbers(patterns: Record<Direction, string>, refs: Iterable<{ direction: Direction; reference?: string | undefined }>) {
  const matchers = { incoming: referenceMatcher(patterns.incoming), outgoing: referenceMatcher(patterns.outgoing) };
  const best = new Map<string, { direction: Direction; year: number; number: number }>();
  for (const r of refs) {
    if (!r.reference) continue;
    const m = matchers[r.direction](r.reference);
    if (!m || !m.year) continue;
    const key = `${r.direction}:${m.year}`;
    if ((best.get(key)?.number ?? -1) < m.number) best.set(key, { direction: r.direction, ...m });
  }
  return [...best.values()];
}
