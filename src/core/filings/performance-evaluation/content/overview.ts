// 项目基本情况: the opening chapter of both kinds: the report's basis, the project's facts and its funding.
import type { ContentBuilders } from '../../filing.ts';
import { ratio, pct } from '../../prose/numbers.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';

import type { AnnualReport, PerformanceEvaluationInput, SelfEvaluation } from '../schema.ts';
import { paren } from '../../prose/punctuation.ts';
import { fundingTable, projectFacts } from './shared.ts';
import { annualVars, selfVars } from './vars.ts';

function annualOverview(i: AnnualReport, c: ContentContext): Block[] {
  return [
    ...c.sentence('annualOverview', (l) => annualVars(i, l)),
    c.facts([...projectFacts(i, c), ['reportingYear', c.labelInline('yearValue', { year: i.year })]]),
    ...c.sentence('fundingSourcesLead', () => ({})),
    fundingTable(c, i.project),
  ];
}

function selfOverview(i: SelfEvaluation, c: ContentContext): Block[] {
  const p = i.project;
  return [
    ...c.sentence('selfOverview', (l) => selfVars(i, l)),
    c.facts([
      ...projectFacts(i, c),
      ...(i.completionDate ? ([['completionDate', c.date(i.completionDate)]] as const) : []),
      ['acceptanceDate', c.date(i.acceptanceDate)],
      ['operationStartDate', c.date(i.operationStartDate)],
      ['actualInvestment', `${c.wan(i.actualInvestment)}${paren(c, c.labelInline('budgetRateInline', { rate: pct(c, ratio(i.actualInvestment, p.totalInvestment)) }))}`],
      ['annualOandM', `${c.wan(p.annualOandM.amount)}${paren(c, c.text(p.annualOandM.channel))}`],
    ]),
    ...(i.actualInvestment < p.totalInvestment ? c.sentence('savingsNote', (l) => selfVars(i, l)) : []),
    ...c.sentence('fundingSourcesLead', () => ({})),
    fundingTable(c, p),
  ];
}

export const overview: ContentBuilders<PerformanceEvaluationInput> = {
  overview: (i, c) => (i.kind === 'annual' ? annualOverview(i, c) : selfOverview(i, c)),
};
