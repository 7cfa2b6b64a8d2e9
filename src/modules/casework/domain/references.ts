/**
 * Our references (pure): an authority's pattern with {YYYY} (the year) and {NNNNN} (the number,
 * zero-padded to as many digits as N; longer numbers are not cut). The number comes from
 * case_reference_counters in the transaction that registers the case (repository/cases.ts).
 */

const TOKEN = /\{(YYYY|YY|N+)\}/g;

export function formatReference(pattern: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Not a reference number: ${n}`);
  return pattern.replace(TOKEN, (_m, token: string) => {
    if (token === 'YYYY') return String(year).padStart(4, '0');
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    return String(n).padStart(token.length, '0');
  });
}

/** Issues with a pattern: it must contain the number ({N...}) so that references differ. */
export function patternIssue(pattern: string): string | null {
  if (pattern.length < 3 || pattern.length > 60) return 'must be 3 to 60 characters';
  if (!/\{N+\}/.test(pattern)) return 'must contain {NNNNN} (the number)';
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return 'unknown placeholder: use {YYYY}, {YY} and {NNNNN}';
  return null;
}

export const DEFAULT_PATTERNS = { incoming: 'MLI/{YYYY}/{NNNNN}', outgoing: 'MLO/{YYYY}/{NNNNN}' } as const;
