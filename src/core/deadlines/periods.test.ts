// Periods of months on the official calendar: the corresponding day, moved past a holiday or rest day to the next
// working day, and not moved when that day is a 调休 working day.
import { describe, expect, it } from 'vitest';
import { monthPeriodEnd } from './periods.ts';

describe('month periods', () => {
  it('end on the corresponding day when it is a working day', () => {
    expect(monthPeriodEnd('2025-10-31', 6)).toEqual({ nominal: '2026-04-30', end: '2026-04-30', shifted: false, unknownYears: [] });
  });

  it('run past the National Day holiday to the next working day', () => {
    // 2025-04-01 + 6 months = 2025-10-01; 1–8 October 2025 are holidays, so the period ends on 2025-10-09.
    expect(monthPeriodEnd('2025-04-01', 6)).toEqual({ nominal: '2025-10-01', end: '2025-10-09', shifted: true, unknownYears: [] });
    expect(monthPeriodEnd('2025-07-08', 3).end).toBe('2025-10-09');
  });

  it('run past a weekend', () => {
    // 2025-03-29 + 3 months = Sunday 2025-06-29 → Monday 2025-06-30.
    expect(monthPeriodEnd('2025-03-29', 3)).toMatchObject({ nominal: '2025-06-29', end: '2025-06-30', shifted: true });
  });

  it('stay on a weekend day that is worked (调休)', () => {
    // Sunday 2025-09-28 and Saturday 2026-02-28 are working days.
    expect(monthPeriodEnd('2025-03-28', 6)).toMatchObject({ end: '2025-09-28', shifted: false });
    expect(monthPeriodEnd('2025-08-31', 6)).toMatchObject({ nominal: '2026-02-28', end: '2026-02-28', shifted: false });
  });

  it('clamp to the month end (民法典 Art. 202) before looking at the calendar', () => {
    // 2025-08-31 + 3 months = 2025-11-30, a Sunday → 2025-12-01.
    expect(monthPeriodEnd('2025-08-31', 3)).toMatchObject({ nominal: '2025-11-30', end: '2025-12-01' });
  });

  it('report a year the calendar data does not hold, taking weekends alone as rest days there', () => {
    // 2027-01-02 + 6 months = Friday 2027-07-02; 2027-01-31 + 1 month = Sunday 2027-02-28 → Monday 2027-03-01.
    expect(monthPeriodEnd('2027-01-02', 6)).toMatchObject({ end: '2027-07-02', unknownYears: [2027] });
    expect(monthPeriodEnd('2027-01-31', 1)).toMatchObject({ nominal: '2027-02-28', end: '2027-03-01', unknownYears: [2027] });
  });
});
