// The toy filing's compliance rule (a family of its own, T): a quarter is reported on once it has ended.
import { defineRule, type Rule } from '../../src/core/compliance/rule.ts';
import { dateVars } from '../../src/core/compliance/message-vars.ts';
import { quarterEnd } from './figures.ts';
import type { QuarterlyProgressInput } from './schema.ts';

export const QUARTERLY_RULES: readonly Rule<QuarterlyProgressInput>[] = [
  defineRule<QuarterlyProgressInput>({
    id: 'T1',
    group: 'T',
    // Stricter where the measure is a local one, as the district measure's own deadlines are.
    severity: (p) => (p.scope === 'local' ? 'error' : 'warning'),
    citations: [{ doc: 'customary' }],
    message: { zh: '季度进展简报应在季度结束（{end}）后报送，本简报日期为{date}。', en: 'A quarterly brief is filed after the quarter ends ({endEn}); this one is dated {dateEn}.' },
    paths: ['/reportDate'],
    check: (i) => (i.reportDate > quarterEnd(i.quarter) ? [] : [{ path: '/reportDate', vars: { ...dateVars('end', quarterEnd(i.quarter)), ...dateVars('date', i.reportDate) } }]),
  }),
];
