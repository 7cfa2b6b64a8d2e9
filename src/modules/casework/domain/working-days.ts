/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') for casework deadlines: calendar days, and working
 * days where the authority gives its working weekdays and public holidays (casework_settings). Pure;
 * dates are handled as UTC days, so no time zone or daylight-saving change shifts a deadline.
 */

export interface WorkingCalendar {
  /** ISO weekdays that are working days: 1 Monday .. 7 Sunday. */
  workingDays: readonly number[];
  /** Public holidays, ISO dates. */
  holidays: ReadonlySet<string> | readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Is this a real calendar date written as YYYY-MM-DD? */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toMs(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date n calendar days after (or before, n < 0) the given date. */
export function addDays(date: string, n: number): string {
  return fromMs(toMs(date) + n * DAY_MS);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** ISO weekday of a date: 1 Monday .. 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(toMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Today's date in UTC, ISO. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function holidaySet(cal: WorkingCalendar): ReadonlySet<string> {
  return cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays as readonly string[]);
}

/** A calendar with at least one working weekday; a calendar without any is refused. */
function checked(cal: WorkingCalendar): { days: ReadonlySet<number>; holidays: ReadonlySet<string> } {
  const days = new Set(cal.workingDays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  if (!days.size) throw new RangeError('A working calendar needs at least one working weekday');
  return { days, holidays: holidaySet(cal) };
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  const c = checked(cal);
  return c.days.has(isoWeekday(date)) && !c.holidays.has(date);
}

/**
 * The date n working days after the given date (the start itself is not counted): 0 gives the start
 * date itself, or the next working day when the start is not one. Holidays are at most a few hundred
 * a year, so the walk ends; a year without a single working day is refused.
 */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const c = checked(cal);
  const works = (ms: number) => {
    const d = fromMs(ms);
    return c.days.has(isoWeekday(d)) && !c.holidays.has(d);
  };
  let ms = toMs(date);
  let left = n;
  let idle = 0;
  if (left === 0) {
    while (!works(ms)) {
      ms += DAY_MS;
      if (++idle > 366) throw new RangeError('No working day within a year');
    }
    return fromMs(ms);
  }
  while (left > 0) {
    ms += DAY_MS;
    if (works(ms)) {
      left--;
      idle = 0;
    } else if (++idle > 366) throw new RangeError('No working day within a year');
  }
  return fromMs(ms);
}

/** Working days in (a, b]: after a, up to and including b; 0 when b <= a. */
export function workingDaysBetween(a: string, b: string, cal: WorkingCalendar): number {
  const c = checked(cal);
  let n = 0;
  for (let ms = toMs(a) + DAY_MS, end = toMs(b); ms <= end; ms += DAY_MS) {
    const d = fromMs(ms);
    if (c.days.has(isoWeekday(d)) && !c.holidays.has(d)) n++;
  }
  return n;
}
