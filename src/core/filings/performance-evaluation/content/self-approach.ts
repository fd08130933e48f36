// The self-evaluation's 绩效目标 and 评价工作开展情况: the approved targets, the framework, weighting, data and methods.
import type { ContentBuilders } from '../../filing.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import type { PerformanceEvaluationInput } from '../schema.ts';
import { selfEvaluation, targetsTable, ucfirst } from './shared.ts';
import { frameworkName, selfVars } from './vars.ts';

export const selfApproach: ContentBuilders<PerformanceEvaluationInput> = {
  se_targets: selfEvaluation((i, c) => [...c.sentence('selfTargetsLead', (l) => selfVars(i, l)), targetsTable(c, i.project)]),
  se_approach: selfEvaluation((i, c) => [
    ...c.sentence('approachSummary', (l) => selfVars(i, l)),
    c.facts([
      ['evaluationBasis', i.approach.basis.map((b) => c.text(b)).join('\n')],
      ['framework', perLanguage(c, (l) => (l.lang === 'en' ? ucfirst(frameworkName(i, l)) : frameworkName(i, l)), '\n')],
      ['weighting', perLanguage(c, (l) => String(selfVars(i, l).weights), '\n')],
      ['dataSources', i.approach.dataSources.map((d) => c.text(d)).join('\n')],
      ['evaluationDate', c.date(i.evaluationDate)],
      ...(i.approach.team ? ([['evaluationTeam', c.text(i.approach.team)]] as const) : []),
    ]),
    ...c.paras(i.approach.methods),
  ]),
};
