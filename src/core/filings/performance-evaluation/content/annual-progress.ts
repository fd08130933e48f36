// The annual report's targets and 建设进度情况: the year's targets, overall progress, milestones and contracts
// (57号 Art. 20; district measure Art. 14).
import type { ContentBuilders } from '../../filing.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { DASH, pct, ratio } from '../../prose/numbers.ts';
import { milestoneStatus } from '../figures.ts';
import type { PerformanceEvaluationInput } from '../schema.ts';
import { annual, targetsTable } from './shared.ts';
import { annualVars } from './vars.ts';
import { sumWan } from '../../../format/format.ts';
import { labelCol } from '../../prose/tables.ts';

export const annualProgress: ContentBuilders<PerformanceEvaluationInput> = {
  annual_targets: annual((i, c) => [...c.paras(i.annualTargets), ...c.sentence('approvedTargetsLead', () => ({})), targetsTable(c, i.project)]),
  progress_overview: annual((i, c) => [...c.sentence('progressSummary', (l) => annualVars(i, l)), ...c.paras(i.progress.summary)]),
  progress_milestones: annual((i, c) => [
    ...c.sentence('milestoneSummary', (l) => annualVars(i, l)),
    c.table(
      [labelCol(c, 'no', 1, 'center'), labelCol(c, 'milestone', 4.2), labelCol(c, 'plannedDate', 4.2, 'center'), labelCol(c, 'actualDate', 4.2, 'center'), labelCol(c, 'status', 3, 'center'), labelCol(c, 'remark', 3.2)],
      i.milestones.map((m, n) => [
        String(n + 1),
        c.text(m.name),
        c.date(m.planned),
        m.actual ? c.date(m.actual) : DASH,
        c.label(`milestone_${milestoneStatus(m, i.reportDate)}`),
        m.note ? c.text(m.note) : DASH,
      ]),
    ),
  ]),
  progress_contracts: annual((i, c) => {
    const amount = sumWan(i.contracts.map((k) => k.amount));
    const paid = sumWan(i.contracts.map((k) => k.paid));
    return [
      c.table(
        [labelCol(c, 'no', 1, 'center'), labelCol(c, 'contract', 5), labelCol(c, 'supplier', 4.5), labelCol(c, 'contractAmount', 2.8, 'right'), labelCol(c, 'paidAmount', 2.8, 'right'), labelCol(c, 'paymentRate', 2.6, 'right')],
        i.contracts.map((k, n) => [
          String(n + 1),
          c.text(k.name) + (k.signDate ? `\n${perLanguage(c, (l) => l.label('signedOn', { date: l.date(k.signDate!) }))}` : ''),
          c.text(k.supplier),
          c.num(k.amount),
          c.num(k.paid),
          pct(c, ratio(k.paid, k.amount)),
        ]),
        ['', c.label('total'), '', c.num(amount), c.num(paid), pct(c, ratio(paid, amount))],
      ),
    ];
  }),
};
