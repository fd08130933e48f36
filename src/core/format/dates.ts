// Calendar arithmetic on ISO dates (UTC, no time zone surprises).
import { parseIsoDate } from './format.ts';

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds calendar months; the day is clamped to the month's end (2026-08-31 + 6 months = 2027-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`not an ISO date: ${isoDate}`);
  const total = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return iso(y, m, Math.min(p.d, last));
}

export function addDays(isoDate: string, days: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`not an ISO date: ${isoDate}`);
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
