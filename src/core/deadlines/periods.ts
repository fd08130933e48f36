// Month-based periods ("within 6 months of completion"): where the period ends, and what happens when its last day is a
// statutory holiday or rest day. The reading is chosen here, once, so that it can be changed in one place.
import { addDays, addMonths } from '../format/dates.ts';
import { dayInfo } from './working-days.ts';

/**
 * The reading applied to every month-based deadline of the measures: a period of months ends on the corresponding day
 * of its last month (the month's last day when it has none: 民法典 Art. 202); when that day is not a working day on the
 * official calendar (a weekend or public holiday; a 调休 working Saturday or Sunday counts as a working day), the period
 * ends on the next working day (the usual reading of 民法典 Art. 203, which takes weekends as rest days too).
 */
export const PERIOD_END_POLICY = {
  id: 'next-working-day',
  note: {
    zh: '期间最后一日为法定节假日或休息日的，以其后第一个工作日为期间最后一日（按《中华人民共和国民法典》第二百零三条的通常理解）',
    en: 'a period whose last day is a public holiday or rest day ends on the next working day (the usual reading of Art. 203 of the Civil Code)',
  },
} as const;

export interface PeriodEnd {
  /** The corresponding day `months` later (clamped to the month's end). */
  nominal: string;
  /** The last day of the period: `nominal`, or the next working day after it. */
  end: string;
  /** True when the nominal day was a holiday or rest day and the period was extended. */
  shifted: boolean;
  /** Years the calendar data does not cover among the days examined (then weekends alone were taken as rest days). */
  unknownYears: number[];
}

/** The end of a period of `months` months starting at `start` (the start day itself not counted). */
export function monthPeriodEnd(start: string, months: number): PeriodEnd {
  const nominal = addMonths(start, months);
  const unknown = new Set<number>();
  let day = nominal;
  for (;;) {
    const info = dayInfo(day);
    if (!info.known) unknown.add(Number(day.slice(0, 4)));
    if (info.working) break;
    day = addDays(day, 1);
  }
  return { nominal, end: day, shifted: day !== nominal, unknownYears: [...unknown].sort((a, b) => a - b) };
}

