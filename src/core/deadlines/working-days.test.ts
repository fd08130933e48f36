import { describe, expect, it } from 'vitest';
import data from './cn-calendar.json' with { type: 'json' };
import {
  CalendarDataError,
  addWorkingDays,
  createWorkingDayCalendar,
  dayInfo,
  isWorkingDay,
  knownYears,
  workingDaysBetween,
  type CalendarData,
} from './working-days.ts';

// The notices as they read: [first, last] day-off ranges and the weekend days worked.
// An independent transcription of the same texts, so a slip in either shows up as a difference.
const NOTICES: Record<number, { notice: string; off: [string, string?][]; work: string[] }> = {
  // 国办发明电〔2019〕16号, Spring Festival extended to 2月2日 by 国办发明电〔2020〕1号 (2月1日 no longer worked)
  2020: { notice: '国办发明电〔2019〕16号', off: [['01-01'], ['01-24', '02-02'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-25', '06-27'], ['10-01', '10-08']], work: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'] },
  2021: { notice: '国办发明电〔2020〕27号', off: [['01-01', '01-03'], ['02-11', '02-17'], ['04-03', '04-05'], ['05-01', '05-05'], ['06-12', '06-14'], ['09-19', '09-21'], ['10-01', '10-07']], work: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'] },
  // 12-31 belongs to the 2023 New Year period (2022年12月31日至2023年1月2日)
  2022: { notice: '国办发明电〔2021〕11号', off: [['01-01', '01-03'], ['01-31', '02-06'], ['04-03', '04-05'], ['04-30', '05-04'], ['06-03', '06-05'], ['09-10', '09-12'], ['10-01', '10-07'], ['12-31']], work: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'] },
  // 12-30/31 belong to the 2024 New Year period (1月1日放假，与周末连休)
  2023: { notice: '国办发明电〔2022〕16号', off: [['01-01', '01-02'], ['01-21', '01-27'], ['04-05'], ['04-29', '05-03'], ['06-22', '06-24'], ['09-29', '10-06'], ['12-30', '12-31']], work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'] },
  2024: { notice: '国办发明电〔2023〕7号', off: [['01-01'], ['02-10', '02-17'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-08', '06-10'], ['09-15', '09-17'], ['10-01', '10-07']], work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'] },
  2025: { notice: '国办发明电〔2024〕12号', off: [['01-01'], ['01-28', '02-04'], ['04-04', '04-06'], ['05-01', '05-05'], ['05-31', '06-02'], ['10-01', '10-08']], work: ['01-26', '02-08', '04-27', '09-28', '10-11'] },
  2026: { notice: '国办发明电〔2025〕7号', off: [['01-01', '01-03'], ['02-15', '02-23'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-19', '06-21'], ['09-25', '09-27'], ['10-01', '10-07']], work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'] },
};

function expand(year: number, [first, last = first]: [string, string?]): string[] {
  const out: string[] = [];
  const end = new Date(`${year}-${last}T00:00:00Z`);
  for (const d = new Date(`${year}-${first}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('cn-calendar.json', () => {
  const years = (data as CalendarData).years;

  it('covers 2020 through 2026', () => {
    expect(knownYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(Object.entries(NOTICES))('%s matches the notice text', (key, expected) => {
    const year = Number(key);
    const entry = years[key];
    expect(entry?.notice).toBe(expected.notice);
    expect(entry?.holidays).toEqual(expected.off.flatMap((range) => expand(year, range)));
    expect(entry?.workdays).toEqual(expected.work.map((d) => `${year}-${d}`));
  });

  // Net working days lost = statutory holiday days: 11 a year, 13 from 2025 (revised 《全国年节及纪念日放假办法》);
  // 2020 loses 2 more to the epidemic extension (1月31日 Friday and the cancelled 2月1日 Saturday).
  it.each([
    [2020, 30, 6, 13],
    [2021, 31, 7, 11],
    [2022, 32, 7, 11],
    [2023, 28, 7, 11],
    [2024, 30, 8, 11],
    [2025, 28, 5, 13],
    [2026, 33, 6, 13],
  ])('%i: %i days off, %i weekend days worked, %i working days lost', (year, holidays, workdays, lost) => {
    const entry = years[String(year)];
    expect(entry?.holidays).toHaveLength(holidays);
    expect(entry?.workdays).toHaveLength(workdays);
    const weekdaysOff = entry?.holidays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6).length ?? 0;
    expect(weekdaysOff - workdays).toBe(lost);
  });
});

describe('dayInfo', () => {
  it.each([
    // 2020: Spring Festival extended; 2月1日 (Saturday) was to be worked, then became a day off.
    ['2020-01-19', true, 'adjusted-workday'],
    ['2020-01-31', false, 'holiday'],
    ['2020-02-01', false, 'holiday'],
    ['2020-02-02', false, 'holiday'],
    ['2020-02-03', true, 'weekday'],
    // 2021 Mid-Autumn: 9月18日 (Saturday) worked, 19–21 off.
    ['2021-09-18', true, 'adjusted-workday'],
    ['2021-09-21', false, 'holiday'],
    // 2022 Spring Festival: both weekend days before it worked.
    ['2022-01-29', true, 'adjusted-workday'],
    ['2022-01-30', true, 'adjusted-workday'],
    ['2022-01-31', false, 'holiday'],
    ['2022-04-02', true, 'adjusted-workday'],
    ['2022-12-31', false, 'holiday'],
    // 2023: 清明 one day only; the National Day block starts with Mid-Autumn on 9月29日.
    ['2023-01-02', false, 'holiday'],
    ['2023-04-05', false, 'holiday'],
    ['2023-04-06', true, 'weekday'],
    ['2023-09-29', false, 'holiday'],
    ['2023-10-07', true, 'adjusted-workday'],
    ['2023-10-08', true, 'adjusted-workday'],
    // 2024 Spring Festival: 2月4日 (Sunday) worked, 除夕 2月9日 a plain working Friday, 10–17 off, 18 (Sunday) worked.
    ['2024-02-04', true, 'adjusted-workday'],
    ['2024-02-09', true, 'weekday'],
    ['2024-02-10', false, 'holiday'],
    ['2024-02-13', false, 'holiday'],
    ['2024-02-17', false, 'holiday'],
    ['2024-02-18', true, 'adjusted-workday'],
    ['2024-02-19', true, 'weekday'],
    ['2024-04-07', true, 'adjusted-workday'],
    ['2024-06-08', false, 'holiday'],
    ['2024-06-10', false, 'holiday'],
    ['2024-06-15', false, 'weekend'],
    ['2024-09-14', true, 'adjusted-workday'],
    ['2024-09-29', true, 'adjusted-workday'],
    ['2024-10-07', false, 'holiday'],
    ['2024-10-12', true, 'adjusted-workday'],
    // 2025: Spring Festival from 除夕, 8 days; 5-day Labour Day with one worked Sunday.
    ['2025-01-26', true, 'adjusted-workday'],
    ['2025-01-27', true, 'weekday'],
    ['2025-01-28', false, 'holiday'],
    ['2025-02-04', false, 'holiday'],
    ['2025-02-08', true, 'adjusted-workday'],
    ['2025-04-27', true, 'adjusted-workday'],
    ['2025-05-05', false, 'holiday'],
    ['2025-09-28', true, 'adjusted-workday'],
    ['2025-10-08', false, 'holiday'],
    ['2025-10-11', true, 'adjusted-workday'],
    ['2025-10-12', false, 'weekend'],
    // 2026: 9-day Spring Festival with two worked Saturdays.
    ['2026-01-04', true, 'adjusted-workday'],
    ['2026-02-13', true, 'weekday'],
    ['2026-02-14', true, 'adjusted-workday'],
    ['2026-02-15', false, 'holiday'],
    ['2026-02-23', false, 'holiday'],
    ['2026-02-24', true, 'weekday'],
    ['2026-02-28', true, 'adjusted-workday'],
    ['2026-05-09', true, 'adjusted-workday'],
    ['2026-09-20', true, 'adjusted-workday'],
    ['2026-10-10', true, 'adjusted-workday'],
  ] as const)('%s: working=%s (%s)', (date, working, reason) => {
    expect(dayInfo(date)).toEqual({ date, working, known: true, reason });
    expect(isWorkingDay(date)).toBe(working);
  });

  it('classifies a year outside the data by weekday and says so', () => {
    expect(dayInfo('2019-01-01')).toEqual({ date: '2019-01-01', working: true, known: false, reason: 'weekday' });
    expect(dayInfo('2027-01-02')).toEqual({ date: '2027-01-02', working: false, known: false, reason: 'weekend' });
  });

  it.each(['2024-02-30', '2025-02-29', '2024-13-01', '2024-2-4', '20240204', '', '2024-02-04T00:00:00Z'])('refuses %j', (bad) => {
    expect(() => dayInfo(bad)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // A contract signed on Friday 2024-09-27, filed within 5 working days: 9-29 (Sunday, worked), 9-30, then 10-8, 10-9, 10-10.
    ['2024-09-27', 5, '2024-10-10'],
    ['2024-09-27', 1, '2024-09-29'],
    ['2024-09-29', 2, '2024-10-08'],
    // 10 working days after preliminary acceptance on 2025-09-26: 9-28, 9-29, 9-30, 10-9, 10-10, 10-11 (Saturday, worked), 10-13..10-16.
    ['2025-09-26', 10, '2025-10-16'],
    // Spring Festival 2024: 除夕 is worked, the next working day after it is Sunday 2-18.
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-08', 2, '2024-02-18'],
    ['2024-02-02', 1, '2024-02-04'],
    // Spring Festival 2025 and 2026.
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-14', 5, '2026-02-28'],
    // 2020 extension: nothing is worked between 1-23 and 2-3.
    ['2020-01-23', 1, '2020-02-03'],
    // Across a year end.
    ['2024-12-30', 3, '2025-01-03'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2022-12-30', 1, '2023-01-03'],
    ['2023-12-29', 1, '2024-01-02'],
    // Start itself is never counted, whatever it is.
    ['2024-10-01', 1, '2024-10-08'],
    ['2024-02-04', 1, '2024-02-05'],
    // n = 0 returns the start unchanged, even on a holiday.
    ['2024-10-03', 0, '2024-10-03'],
  ] as const)('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toEqual({ date: expected, unknownYears: [] });
  });

  it('reports years outside the data that the count passed through', () => {
    // 2027-01-01 is in fact 元旦, but no 2027 notice is in the data: the result is provisional.
    expect(addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', unknownYears: [2027] });
    expect(addWorkingDays('2019-12-30', 2)).toEqual({ date: '2020-01-02', unknownYears: [2019] });
    expect(addWorkingDays('2026-12-30', 300).unknownYears).toEqual([2027, 2028]);
    // Only days examined count: a start in an unknown year with the answer inside known data is exact.
    expect(addWorkingDays('2019-12-31', 1)).toEqual({ date: '2020-01-02', unknownYears: [] });
    expect(addWorkingDays('2030-06-03', 0)).toEqual({ date: '2030-06-03', unknownYears: [] });
  });

  it('refuses a bad start or count', () => {
    expect(() => addWorkingDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-02-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-02-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-02-01', Number.NaN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2024-09-27', '2024-10-10', 5],
    ['2024-09-30', '2024-10-07', 0],
    ['2024-02-09', '2024-02-18', 1],
    ['2025-01-24', '2025-02-08', 6], // 1-26 (Sunday, worked), 1-27, then 2-5..2-8 (Saturday, worked)
    ['2025-12-31', '2026-01-05', 2],
    ['2024-01-01', '2024-12-31', 251],
    ['2025-01-01', '2025-12-31', 248],
    ['2024-10-10', '2024-10-10', 0],
    ['2024-10-10', '2024-09-27', 0],
  ] as const)('%s .. %s: %i', (from, to, days) => {
    expect(workingDaysBetween(from, to)).toEqual({ days, unknownYears: [] });
  });

  it('reports unknown years, and counts them by weekday', () => {
    expect(workingDaysBetween('2026-12-31', '2027-01-08')).toEqual({ days: 6, unknownYears: [2027] });
    expect(workingDaysBetween('2019-12-27', '2020-01-02')).toEqual({ days: 3, unknownYears: [2019] });
    expect(workingDaysBetween('2027-01-08', '2026-12-31')).toEqual({ days: 0, unknownYears: [] });
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2020-01-20', '2021-09-17', '2022-12-29', '2023-09-28', '2024-02-03', '2025-04-30', '2026-02-12']) {
      for (const n of [1, 2, 3, 5, 10, 20, 30]) {
        const { date } = addWorkingDays(start, n);
        expect(workingDaysBetween(start, date).days).toBe(n);
        expect(dayInfo(date).working).toBe(true);
      }
    }
  });
});

describe('createWorkingDayCalendar', () => {
  const year = (overrides: Partial<{ notice: unknown; holidays: unknown; workdays: unknown }> = {}) => ({
    notice: '国办发明电〔2099〕1号',
    holidays: ['2030-01-01', '2030-02-02', '2030-02-03', '2030-02-04'],
    workdays: ['2030-01-26'],
    ...overrides,
  });

  it('builds a calendar from other data', () => {
    const calendar = createWorkingDayCalendar({ years: { 2030: year() } });
    expect(calendar.knownYears()).toEqual([2030]);
    expect(calendar.dayInfo('2030-01-26')).toEqual({ date: '2030-01-26', working: true, known: true, reason: 'adjusted-workday' });
    expect(calendar.dayInfo('2030-02-04')).toEqual({ date: '2030-02-04', working: false, known: true, reason: 'holiday' });
    expect(calendar.addWorkingDays('2030-02-01', 1)).toEqual({ date: '2030-02-05', unknownYears: [] });
    expect(calendar.dayInfo('2025-01-28').known).toBe(false);
    expect(createWorkingDayCalendar({ years: {} }).knownYears()).toEqual([]);
  });

  it.each([
    ['not an object', null, /"years"/],
    ['no years', { source: 'x' }, /"years"/],
    ['a bad year key', { years: { '30': year() } }, /years\["30"\].*four-digit year/],
    ['a year that is not an object', { years: { 2030: [] } }, /years\["2030"\] must be an object/],
    ['a missing notice', { years: { 2030: year({ notice: '' }) } }, /years\["2030"\]\.notice/],
    ['holidays not an array', { years: { 2030: year({ holidays: '2030-01-01' }) } }, /years\["2030"\]\.holidays must be an array/],
    ['a missing workdays list', { years: { 2030: year({ workdays: undefined }) } }, /years\["2030"\]\.workdays must be an array/],
    ['a non-string date', { years: { 2030: year({ holidays: ['2030-01-01', 20300102] }) } }, /years\["2030"\]\.holidays\[1\] is not a string/],
    ['a date that does not exist', { years: { 2030: year({ holidays: ['2030-01-01', '2030-02-29'] }) } }, /years\["2030"\]\.holidays\[1\] "2030-02-29" is not a real date/],
    ['a malformed date', { years: { 2030: year({ holidays: ['2030-1-1'] }) } }, /years\["2030"\]\.holidays\[0\] "2030-1-1" is not a real date/],
    ['a date in another year', { years: { 2030: year({ holidays: ['2029-12-31', '2030-01-01'] }) } }, /years\["2030"\]\.holidays\[0\] "2029-12-31" is outside the year 2030/],
    ['unsorted holidays', { years: { 2030: year({ holidays: ['2030-02-02', '2030-01-01'] }) } }, /years\["2030"\]\.holidays\[1\] "2030-01-01" is out of order/],
    ['a duplicate holiday', { years: { 2030: year({ holidays: ['2030-01-01', '2030-01-01'] }) } }, /years\["2030"\]\.holidays\[1\] "2030-01-01" is listed twice/],
    ['a worked weekday', { years: { 2030: year({ workdays: ['2030-01-25'] }) } }, /years\["2030"\]\.workdays\[0\] "2030-01-25" is not a Saturday or Sunday/],
    ['a day both off and worked', { years: { 2030: year({ holidays: ['2030-01-26'], workdays: ['2030-01-26'] }) } }, /years\["2030"\]\.workdays\[0\] "2030-01-26" is also listed in holidays/],
  ])('rejects %s, naming the entry', (_what, bad, message) => {
    expect(() => createWorkingDayCalendar(bad)).toThrow(CalendarDataError);
    expect(() => createWorkingDayCalendar(bad)).toThrow(message);
  });
});
