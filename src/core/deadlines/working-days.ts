// Working days on the official Chinese calendar: weekends off, except the public holidays and the
// adjusted working days (调休上班) announced each year by the General Office of the State Council.
// Dates are ISO strings ('YYYY-MM-DD'); all arithmetic is on whole days counted from 1970-01-01
// (proleptic Gregorian, no time zones). The data lives in cn-calendar.json, one entry per year.
import bundledData from './cn-calendar.json' with { type: 'json' };

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface DayInfo {
  date: string;
  working: boolean;
  /** False when the date's year is not in the calendar data: the day was classified by weekday alone. */
  known: boolean;
  reason: DayReason;
}

export interface WorkingDayResult {
  date: string;
  /** Years outside the calendar data among the days examined; the result may be wrong for them. */
  unknownYears: number[];
}

export interface WorkingDayCount {
  days: number;
  unknownYears: number[];
}

/** One year of a State Council notice: days off (weekends inside holiday periods included) and weekend working days. */
export interface CalendarYear {
  notice: string;
  notes?: string;
  holidays: string[];
  workdays: string[];
}

export interface CalendarData {
  source?: string;
  years: Record<string, CalendarYear>;
}

export interface WorkingDayCalendar {
  dayInfo(date: string): DayInfo;
  isWorkingDay(date: string): boolean;
  addWorkingDays(start: string, n: number): WorkingDayResult;
  workingDaysBetween(from: string, to: string): WorkingDayCount;
  knownYears(): number[];
}

/** The calendar data is malformed; the message names the offending entry. */
export class CalendarDataError extends Error {
  override name = 'CalendarDataError';
}

// ---------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01), after H. Hinnant's days_from_civil / civil_from_days.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DAY = daysFromCivil(9999, 12, 31);

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The day number of a real ISO date between 0001-01-01 and 9999-12-31, or null. */
function parseDay(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

function requireDay(iso: string, what: string): number {
  const day = typeof iso === 'string' ? parseDay(iso) : null;
  if (day === null) throw new RangeError(`${what}: not an ISO date (YYYY-MM-DD): ${String(iso)}`);
  return day;
}

function formatDay(n: number): string {
  const { y, m, d } = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function yearOf(n: number): number {
  return civilFromDays(n).y;
}

/** 1970-01-01 was a Thursday. */
function isWeekend(n: number): boolean {
  const dow = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

// ---------------------------------------------------------------------------------------------
// Validation of the data.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkDates(year: number, key: string, field: 'holidays' | 'workdays', value: unknown): number[] {
  const where = `years["${key}"].${field}`;
  if (!Array.isArray(value)) throw new CalendarDataError(`calendar data: ${where} must be an array of ISO dates`);
  const days: number[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry !== 'string') throw new CalendarDataError(`calendar data: ${at} is not a string: ${JSON.stringify(entry)}`);
    const day = parseDay(entry);
    if (day === null) throw new CalendarDataError(`calendar data: ${at} "${entry}" is not a real date (YYYY-MM-DD)`);
    if (yearOf(day) !== year) throw new CalendarDataError(`calendar data: ${at} "${entry}" is outside the year ${key}`);
    const previous = days[days.length - 1];
    if (previous !== undefined && day <= previous) {
      const problem = day === previous ? 'is listed twice' : `is out of order (after "${formatDay(previous)}"); keep ${field} sorted`;
      throw new CalendarDataError(`calendar data: ${at} "${entry}" ${problem}`);
    }
    if (field === 'workdays' && !isWeekend(day)) {
      throw new CalendarDataError(`calendar data: ${at} "${entry}" is not a Saturday or Sunday; workdays lists only weekend days that are worked (调休上班)`);
    }
    days.push(day);
  });
  return days;
}

interface Index {
  years: Set<number>;
  reasons: Map<number, 'holiday' | 'adjusted-workday'>;
}

function buildIndex(data: unknown): Index {
  if (!isRecord(data) || !isRecord(data.years)) throw new CalendarDataError('calendar data: expected an object with a "years" object');
  const years = new Set<number>();
  const reasons = new Map<number, 'holiday' | 'adjusted-workday'>();
  for (const [key, entry] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(key) || Number(key) < 1) throw new CalendarDataError(`calendar data: years["${key}"]: the key must be a four-digit year`);
    const year = Number(key);
    if (!isRecord(entry)) throw new CalendarDataError(`calendar data: years["${key}"] must be an object`);
    if (typeof entry.notice !== 'string' || entry.notice.trim() === '') {
      throw new CalendarDataError(`calendar data: years["${key}"].notice must name the State Council notice (e.g. 国办发明电〔2024〕12号)`);
    }
    if (entry.notes !== undefined && typeof entry.notes !== 'string') throw new CalendarDataError(`calendar data: years["${key}"].notes must be a string`);
    const holidays = checkDates(year, key, 'holidays', entry.holidays);
    const workdays = checkDates(year, key, 'workdays', entry.workdays);
    const off = new Set(holidays);
    workdays.forEach((day, i) => {
      if (off.has(day)) throw new CalendarDataError(`calendar data: years["${key}"].workdays[${i}] "${formatDay(day)}" is also listed in holidays`);
    });
    for (const day of holidays) reasons.set(day, 'holiday');
    for (const day of workdays) reasons.set(day, 'adjusted-workday');
    years.add(year);
  }
  return { years, reasons };
}

// ---------------------------------------------------------------------------------------------
// The calendar.

function requireCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${String(n)}`);
}

/** A calendar over `data` (same shape as cn-calendar.json); throws CalendarDataError when the data is malformed. */
export function createWorkingDayCalendar(data: unknown): WorkingDayCalendar {
  const index = buildIndex(data);
  const sortedYears = [...index.years].sort((a, b) => a - b);

  function classify(day: number): { working: boolean; known: boolean; reason: DayReason } {
    const known = index.years.has(yearOf(day));
    const listed = index.reasons.get(day);
    if (listed === 'holiday') return { working: false, known, reason: 'holiday' };
    if (listed === 'adjusted-workday') return { working: true, known, reason: 'adjusted-workday' };
    return isWeekend(day) ? { working: false, known, reason: 'weekend' } : { working: true, known, reason: 'weekday' };
  }

  function dayInfo(date: string): DayInfo {
    const day = requireDay(date, 'dayInfo');
    return { date: formatDay(day), ...classify(day) };
  }

  function addWorkingDays(start: string, n: number): WorkingDayResult {
    let day = requireDay(start, 'addWorkingDays');
    requireCount(n);
    const unknown = new Set<number>();
    let remaining = n;
    while (remaining > 0) {
      day += 1;
      if (day > MAX_DAY) throw new RangeError(`addWorkingDays: ${start} + ${n} working days is past 9999-12-31`);
      const info = classify(day);
      if (!info.known) unknown.add(yearOf(day));
      if (info.working) remaining -= 1;
    }
    return { date: formatDay(day), unknownYears: [...unknown].sort((a, b) => a - b) };
  }

  function workingDaysBetween(from: string, to: string): WorkingDayCount {
    const first = requireDay(from, 'workingDaysBetween');
    const last = requireDay(to, 'workingDaysBetween');
    const unknown = new Set<number>();
    let days = 0;
    for (let day = first + 1; day <= last; day += 1) {
      const info = classify(day);
      if (!info.known) unknown.add(yearOf(day));
      if (info.working) days += 1;
    }
    return { days, unknownYears: [...unknown].sort((a, b) => a - b) };
  }

  return {
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    addWorkingDays,
    workingDaysBetween,
    knownYears: () => [...sortedYears],
  };
}

const bundled = createWorkingDayCalendar(bundledData);

/** How `date` counts on the bundled calendar; `known` is false for a year the data does not cover. */
export function dayInfo(date: string): DayInfo {
  return bundled.dayInfo(date);
}

export function isWorkingDay(date: string): boolean {
  return bundled.isWorkingDay(date);
}

/**
 * The date `n` working days after `start` (start itself not counted; n = 0 returns start), e.g.
 * "filed within 5 working days of signing" is due on addWorkingDays(signed, 5).date.
 */
export function addWorkingDays(start: string, n: number): WorkingDayResult {
  return bundled.addWorkingDays(start, n);
}

/** Working days after `from` up to and including `to`; 0 when to <= from. */
export function workingDaysBetween(from: string, to: string): WorkingDayCount {
  return bundled.workingDaysBetween(from, to);
}

/** The years the bundled data covers, ascending. */
export function knownYears(): number[] {
  return bundled.knownYears();
}
