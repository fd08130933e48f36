// The annual report's 存在问题及整改措施 (with serious delays and investment losses, 57号 Art. 21), next year's plan and
// the units it goes to.
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { AnnualReport, PerformanceEvaluationInput } from '../schema.ts';
import { annual, prefixed } from './shared.ts';
import { annualVars } from './vars.ts';
import { labelCol } from '../../prose/tables.ts';
import { DASH } from '../../prose/numbers.ts';

function reportedOn(i: AnnualReport, c: ContentContext, date: string | undefined): Block[] {
  return date ? c.sentence('reportedOn', (l) => ({ date: l.date(date), department: l.text(i.project.approvingDepartment) })) : [];
}

export const annualIssues: ContentBuilders<PerformanceEvaluationInput> = {
  issues_rectification: annual((i, c) =>
    i.problems.flatMap((pr, n) => [...prefixed(c, (l) => `${n + 1}. ${l.label('problemPrefix')}`, pr.problem), ...prefixed(c, (l) => l.label('measurePrefix'), pr.measure)]),
  ),
  serious_delay: annual((i, c) => {
    const d = i.seriousDelay;
    return d ? [...c.paras(d.description), ...reportedOn(i, c, d.reportedOn), ...c.paras(d.measures)] : [];
  }),
  investment_loss: annual((i, c) => {
    const loss = i.investmentLoss;
    return loss ? [...c.sentence('lossAmount', (l) => ({ amount: l.wan(loss.amount) })), ...c.paras(loss.description), ...reportedOn(i, c, loss.reportedOn), ...c.paras(loss.measures)] : [];
  }),
  next_year_plan: annual((i, c) => [
    ...c.paras(i.nextYearPlan.goals),
    c.table(
      [labelCol(c, 'no', 1, 'center'), labelCol(c, 'task', 7), labelCol(c, 'owner', 4), labelCol(c, 'due', 3, 'center')],
      i.nextYearPlan.tasks.map((t, n) => [String(n + 1), c.text(t.task), c.text(t.owner ?? i.project.implementingBody), t.due ? c.date(t.due) : DASH]),
    ),
    ...(i.nextYearPlan.investment !== undefined ? c.sentence('nextYearInvestment', (l) => ({ year: i.year + 1, amount: l.wan(i.nextYearPlan.investment!) })) : []),
  ]),
  annual_submission: annual((i, c) => [
    ...c.sentence('annualSubmission', (l) => annualVars(i, l)),
    ...(i.contact ? c.sentence('contactLine', (l) => ({ name: l.text(i.contact!.name), phone: i.contact!.phone ?? DASH })) : []),
  ]),
};
