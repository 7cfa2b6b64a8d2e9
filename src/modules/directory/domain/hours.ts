/**
 * Office hours: the local time at an authority and whether it is open now. Pure; the clock is a
 * parameter. The local wall-clock time of an instant comes from Intl (the IANA database of the
 * runtime), so daylight-saving changes are right by construction; opening intervals are wall-clock times.
 */
import type { Hours } from './schema.js';

export interface LocalClock {
  /** Local date YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** HH:MM. */
  time: string;
  /** Offset from UTC at that instant, e.g. "GMT+02:00" ("GMT" for zero). */
  offset: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in a time zone at an instant. Throws RangeError for an unknown zone. */
export function localClock(timeZone: string, now: Date): LocalClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
    minutes: hour * 60 + minute,
    time: `${pad(hour)}:${pad(minute)}`,
    offset: parts.timeZoneName ?? 'GMT',
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface OpenStatus {
  state: 'open' | 'closed' | 'always';
  clock: LocalClock;
  /** When open: the local time it closes (HH:MM). */
  closesAt?: string;
  /** When closed: the next opening within a week (local date, weekday and time). */
  opensAt?: { date: string; weekday: number; time: string; inDays: number };
  /** Today is an exception day (holiday…), with its note. */
  exception?: { note?: string; closed: boolean };
}

/** Intervals [start, end) in minutes relative to local midnight of today (day offsets -1 … 7). */
function intervals(hours: Hours, today: string, todayWeekday: number): [number, number][] {
  const exceptions = new Map((hours.exceptions ?? []).map((e) => [e.date, e]));
  const out: [number, number][] = [];
  for (let k = -1; k <= 7; k++) {
    const date = addDays(today, k);
    const weekday = ((todayWeekday - 1 + k + 7 * 2) % 7) + 1;
    const base = k * 1440;
    const ex = exceptions.get(date);
    if (ex) {
      if (!ex.closed && ex.open && ex.close) out.push([base + toMinutes(ex.open), base + toMinutes(ex.close)]);
      continue;
    }
    for (const s of hours.weekly) {
      if (s.day !== weekday) continue;
      const open = toMinutes(s.open);
      let close = toMinutes(s.close);
      if (close <= open) close += 1440; // runs past midnight
      out.push([base + open, base + close]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Is the office open at this instant, and until when / from when? */
export function openStatus(hours: Hours, now: Date): OpenStatus {
  const clock = localClock(hours.time_zone, now);
  const ex = (hours.exceptions ?? []).find((e) => e.date === clock.date);
  const exception = ex ? { closed: !!ex.closed, ...(ex.note ? { note: ex.note } : {}) } : undefined;
  if (hours.always_open) return { state: 'always', clock, ...(exception ? { exception } : {}) };
  const list = intervals(hours, clock.date, clock.weekday);
  const t = clock.minutes;
  const current = list.find(([s, e]) => s <= t && t < e);
  if (current) {
    // Contiguous intervals (e.g. 09:00–12:00 and 12:00–17:00) close at the end of the last.
    let end = current[1];
    for (const [s, e] of list) if (s <= end && e > end) end = e;
    return { state: 'open', clock, closesAt: hhmm(end), ...(exception ? { exception } : {}) };
  }
  const next = list.find(([s]) => s > t);
  const result: OpenStatus = { state: 'closed', clock, ...(exception ? { exception } : {}) };
  if (next) {
    const inDays = Math.floor(next[0] / 1440);
    result.opensAt = { date: addDays(clock.date, inDays), weekday: ((clock.weekday - 1 + inDays) % 7) + 1, time: hhmm(next[0]), inDays };
  }
  return result;
}
