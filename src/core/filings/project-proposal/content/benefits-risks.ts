// 效益与风险分析 and 绩效目标和绩效指标: benefits, risks and mitigations, and the performance targets (57号 Art. 9–10).
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { headed, noCol } from './shared.ts';
import { value } from '../../prose/numbers.ts';
import { no, parasOf } from '../../prose/tables.ts';

export const benefitsRisks: ContentBuilders<ProjectProposalInput> = {
  benefits: (i, c) => [...headed(c, 'economicBenefits', i.benefits.economic), ...headed(c, 'socialBenefits', i.benefits.social)],
  risks: (i, c) => [
    c.table(
      [noCol(c), { label: c.label('risk'), width: 4 }, { label: c.label('mitigation'), width: 8 }],
      i.risks.map((r, n) => [no(n), c.text(r.risk), c.text(r.mitigation)]),
    ),
  ],
  performance: (i, c) => [
    ...parasOf(c, i.performanceOverview),
    c.table(
      [
        noCol(c),
        { label: c.label('objective'), width: 4 },
        { label: c.label('indicator'), width: 4 },
        { label: c.label('indicatorType'), width: 2, align: 'center' },
        { label: c.label('unit'), width: 2, align: 'center' },
        { label: c.label('targetValue'), width: 2, align: 'center' },
      ],
      i.project.performanceTargets.map((t, n) => [no(n), c.text(t.objective), c.text(t.indicator), c.label(`indicatorTypes.${t.type}`), t.unit ? c.text(t.unit) : '—', value(c, t.targetValue)]),
    ),
  ],
};
