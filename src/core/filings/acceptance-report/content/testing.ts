// 系统测试与试运行情况: the system tests and, when there was one, the trial operation.
import type { ContentBuilders } from '../../filing.ts';
import { daysInclusive } from '../../prose/periods.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const testing: ContentBuilders<AcceptanceReportInput> = {
  testing: (i, c) => c.sentence('testingLead', () => ({ count: i.tests.length, passed: i.tests.filter((t) => t.result !== 'failed').length })),
  system_tests: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'testName', 4), labelCol(c, 'testType', 2, 'center'), labelCol(c, 'testOrg', 4), labelCol(c, 'date', 3, 'center'), labelCol(c, 'result', 2, 'center'), labelCol(c, 'reportNo', 3)],
      i.tests.map((t, k) => [no(k), c.text(t.name), c.label(`testTypeOf.${t.type}`), c.text(t.org), c.date(t.date), c.label(`resultOf.${t.result}`), t.reportNo ? c.text(t.reportNo) : '—']),
    ),
  ],
  trial_operation: (i, c) => {
    const tr = i.trialRun;
    const ra = i.security.riskAssessment;
    if (!tr) return [];
    return [
      ...c.sentence('trialPeriod', (l) => ({ start: l.date(tr.start), end: l.date(tr.end), days: daysInclusive(tr.start, tr.end) })),
      ...(tr.scope ? c.paras(tr.scope) : []),
      ...c.paras(tr.findings),
      ...(ra.duringTrial ? c.sentence('trialRiskAssessment', (l) => ({ org: l.text(ra.org), date: l.date(ra.date) })) : []),
    ];
  },
};
