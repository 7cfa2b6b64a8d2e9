/** Dates of a team: when its workspace is closed (read-only). Pure; dates are ISO "YYYY-MM-DD". */

/** Today's date in UTC, ISO. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Closed the day after its end date: the end date itself is still a day of operation. */
export function isClosed(endsOn: string, today: string): boolean {
  return today > endsOn;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
