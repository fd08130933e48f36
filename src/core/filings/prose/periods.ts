// Periods between ISO dates, each with one meaning: months a period spans, whole months elapsed, days inclusive.
import { addDays, addMonths } from '../../format/dates.ts';
import { parseIsoDate } from '../../format/format.ts';

/** Months a period spans, its end date included and a started month counting as one (2024-01-01 → 2025-12-31 = 24). */
export function monthsSpanned(start: string, end: string): number {
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = addDays(end, 1).split('-').map(Number) as [number, number, number];
  return (ye - ys) * 12 + (me - ms) + (de > ds ? 1 : 0);
}

/** Whole months elapsed from one date to another, by the calendar (the day clamped as in addMonths). */
export function wholeMonthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

function dayNumber(iso: string): number {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(p.y, p.m - 1, p.d) / 86_400_000;
}

/** Calendar days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}
