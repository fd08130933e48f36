// 系统测试与试运行情况: the system tests and, when there was one, the trial operation.
import type { ContentBuilders } from '../../filing.ts';
import { daysInclusive } from '../../prose/periods.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { col, n, noCol } from './shared.ts';

export const testing: ContentBuilders<AcceptanceReportInput> = {
  testing: (i, c) => c.sentence('testingLead', () => ({ count: i.tests.length, passed: i.tests.filter((t) => t.result !== 'failed').length })),
  system_tests: (i, c) => [
    c.table(
      [noCol(c), col(c, 'testName', 4), col(c, 'testType', 2, 'center'), col(c, 'testOrg', 4), col(c, 'date', 3, 'center'), col(c, 'result', 2, 'center'), col(c, 'reportNo', 3)],
      i.tests.map((t, k) => [n(k), c.text(t.name), c.label(`testTypeOf.${t.type}`), c.text(t.org), c.date(t.date), c.label(`resultOf.${t.result}`), t.reportNo ? c.text(t.reportNo) : '—']),
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
