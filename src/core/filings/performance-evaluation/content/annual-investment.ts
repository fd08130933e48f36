// The annual report's 投资计划执行情况: the year's plan issued, received and spent, and the 概算 executed so far (57号 Art. 20, 22).
import type { ContentBuilders } from '../../filing.ts';
import { ratio, pct } from '../../prose/numbers.ts';
import { normalizeDocNumber, sumWan } from '../../../format/format.ts';

import type { PerformanceEvaluationInput } from '../schema.ts';
import { annual } from './shared.ts';
import { annualVars } from './vars.ts';
import { labelCol } from '../../prose/tables.ts';

export const annualInvestment: ContentBuilders<PerformanceEvaluationInput> = {
  investment_plan_execution: annual((i, c) => {
    const plan = i.investment.plan;
    const issued = sumWan(plan.map((r) => r.issued));
    const received = sumWan(plan.map((r) => r.received));
    const spent = sumWan(plan.map((r) => r.spent));
    return [
      ...c.sentence('planSummary', (l) => annualVars(i, l)),
      c.table(
        [labelCol(c, 'no', 1, 'center'), labelCol(c, 'planLine', 6), labelCol(c, 'issued', 2.5, 'right'), labelCol(c, 'received', 2.5, 'right'), labelCol(c, 'spent', 2.5, 'right'), labelCol(c, 'receivedRate', 2, 'right'), labelCol(c, 'executionRate', 2, 'right')],
        plan.map((r, n) => [
          String(n + 1),
          c.text(r.channel) + (r.docNo ? `\n${normalizeDocNumber(r.docNo)}` : ''),
          c.num(r.issued),
          c.num(r.received),
          c.num(r.spent),
          pct(c, ratio(r.received, r.issued)),
          pct(c, ratio(r.spent, r.issued)),
        ]),
        ['', c.label('total'), c.num(issued), c.num(received), c.num(spent), pct(c, ratio(received, issued)), pct(c, ratio(spent, issued))],
      ),
      ...c.sentence('rateNote', () => ({})),
      ...(i.investment.notes ? c.paras(i.investment.notes) : []),
    ];
  }),
  budget_execution: annual((i, c) => [
    ...c.sentence('budgetSummary', (l) => annualVars(i, l)),
    c.table(
      [labelCol(c, 'no', 1, 'center'), labelCol(c, 'budgetItem', 7), labelCol(c, 'amount', 3, 'right')],
      i.project.investmentBreakdown.map((b, n) => [String(n + 1), c.text(b.item), c.num(b.amount)]),
      ['', c.label('total'), c.num(sumWan(i.project.investmentBreakdown.map((b) => b.amount)))],
    ),
  ]),
};
