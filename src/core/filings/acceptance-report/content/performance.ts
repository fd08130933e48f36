// 建设成效与绩效目标完成情况: what the project achieved and each approved indicator against its target.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { value } from '../../prose/numbers.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const performance: ContentBuilders<AcceptanceReportInput> = {
  performance: (i, c) => c.sentence('performanceLead', () => ({ count: i.performanceResults.length, achieved: i.performanceResults.filter((r) => r.achieved).length })),
  results: (i, c) => c.paras(i.results),
  performance_results: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'indicator', 5), labelCol(c, 'unit', 2, 'center'), labelCol(c, 'targetValue', 2, 'center'), labelCol(c, 'actualValue', 2, 'center'), labelCol(c, 'achieved', 2, 'center'), labelCol(c, 'note', 3)],
      i.performanceResults.map((r, k) => [
        no(k),
        c.text(r.indicator),
        r.unit ? c.text(r.unit) : '—',
        value(c, r.target),
        value(c, r.actual),
        c.label(r.achieved ? 'achievedYes' : 'achievedNo'),
        r.note ? c.text(r.note) : '',
      ]),
    ),
  ],
};
