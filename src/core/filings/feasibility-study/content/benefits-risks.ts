// 效益与评价指标分析 and 项目风险与风险管理: benefits, the approved targets and the evaluation indicators (57号 Art. 9–10);
// the risks and how they are managed.
import type { ContentBuilders } from '../../filing.ts';
import { cell } from '../../prose/bilingual.ts';

import { col, no, parasOf } from '../../prose/tables.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { value } from '../../prose/numbers.ts';

type I = FeasibilityStudyInput;

export const benefitsRisks: ContentBuilders<I> = {
  ben_economic: (i, c) => c.paras(i.benefits.economic),
  ben_social: (i, c) => c.paras(i.benefits.social),
  ben_indicators: (i, c) => [
    c.table(
      [col(c.label('no'), 0.8, 'center'), col(c.label('objective'), 3.2), col(c.label('indicator'), 3.4), col(c.label('indicatorType'), 1.8, 'center'), col(c.label('unit'), 1.2, 'center'), col(c.label('targetValue'), 1.6, 'right')],
      i.project.performanceTargets.map((t, n) => [no(n), cell(c, t.objective), cell(c, t.indicator), c.label(`indicatorTypes.${t.type}`), t.unit ? cell(c, t.unit) : '—', value(c, t.targetValue)]),
    ),
    ...(i.evaluationIndicators.length
      ? [
          c.h(c.labelInline('eval.heading')),
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('indicator'), 3.6), col(c.label('unit'), 1.2, 'center'), col(c.label('eval.baseline'), 1.6, 'right'), col(c.label('eval.target'), 1.6, 'right'), col(c.label('eval.method'), 3.2)],
            i.evaluationIndicators.map((x, n) => [no(n), cell(c, x.indicator), x.unit ? cell(c, x.unit) : '—', value(c, x.baseline), value(c, x.target), x.method ? cell(c, x.method) : '—']),
          ),
        ]
      : []),
  ],
  risks: (i, c) => [
    ...(i.risks.length
      ? [
          c.table(
            [col(c.label('no'), 0.8, 'center'), col(c.label('risk.category'), 1.8), col(c.label('risk.risk'), 4.4), col(c.label('risk.level'), 1.2, 'center'), col(c.label('risk.mitigation'), 4.6)],
            i.risks.map((r, n) => [no(n), cell(c, r.category), cell(c, r.risk), r.level ? c.label(`riskLevel.${r.level}`) : '—', cell(c, r.mitigation)]),
          ),
        ]
      : []),
    ...parasOf(c, i.riskManagement),
  ],
};
