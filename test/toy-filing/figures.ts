// Figures of the toy filing: the last day of the quarter reported on, and the milestones done.
import type { QuarterlyProgressInput } from './schema.ts';

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

export function quarterEnd(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}-${QUARTER_ENDS[Number(q) - 1]}`;
}

export function milestonesDone(i: QuarterlyProgressInput): number {
  return i.milestones.filter((m) => m.done).length;
}
