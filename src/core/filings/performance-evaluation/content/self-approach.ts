// The self-evaluation's 绩效目标 and 评价工作开展情况: the approved targets, the framework, weighting, data and methods.
import type { ContentBuilders } from '../../filing.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import type { PerformanceEvaluationInput, SelfEvaluation } from '../schema.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { qty } from '../../prose/numbers.ts';
import { sumPoints, weightsCheck } from '../figures.ts';
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
    ...weighting(i, c),
  ]),
};

/** How the level-1 weights stand against the 10号 defaults, or the unit's reason for departing from them. */
function weighting(i: SelfEvaluation, c: ContentContext): Block[] {
  const why = i.weightsRationale ? c.paras(i.weightsRationale) : [];
  if (i.framework !== 'mof-2020-10') return why;
  const w = weightsCheck(i);
  if (!w.conforms) return why.length ? [...c.sentence('weights.deviates', () => ({})), ...why] : [];
  if ('outputAndBenefitAtLeast' in w.expected) {
    const min = w.expected.outputAndBenefitAtLeast;
    const ob = sumPoints(w.actual.filter((a) => a.cls === 'output' || a.cls === 'benefit').map((a) => a.weight));
    return c.sentence('weights.commonConforms', () => ({ ob: qty(ob), min }));
  }
  const parts = (l: ContentContext) => (Object.entries(w.expected) as Array<[string, number]>).map(([k, n]) => l.label(`weights.class.${k}`, { n })).join(l.lang === 'en' ? ', ' : '、');
  return c.sentence('weights.unitConforms', (l) => ({ expected: parts(l) }));
}
