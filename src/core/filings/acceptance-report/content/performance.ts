// 建设成效与绩效目标完成情况: what the project achieved and each approved indicator against its target.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { col, n, noCol, value } from './shared.ts';

export const performance: ContentBuilders<AcceptanceReportInput> = {
  performance: (i, c) => c.sentence('performanceLead', () => ({ count: i.performanceResults.length, achieved: i.performanceResults.filter((r) => r.achieved).length })),
  results: (i, c) => c.paras(i.results),
  performance_results: (i, c) => [
    c.table(
      [noCol(c), col(c, 'indicator', 5), col(c, 'unit', 2, 'center'), col(c, 'targetValue', 2, 'center'), col(c, 'actualValue', 2, 'center'), col(c, 'achieved', 2, 'center'), col(c, 'note', 3)],
      i.performanceResults.map((r, k) => [
        n(k),
        c.text(r.indicator),
        r.unit ? c.text(r.unit) : '—',
        value(r.target),
        value(r.actual),
        c.label(r.achieved ? 'achievedYes' : 'achievedNo'),
        r.note ? c.text(r.note) : '',
      ]),
    ),
  ],
};
