// 总体建设方案: principles, overall and phased goals, tasks and the overall design.
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { no } from '../../prose/tables.ts';

export const overallScheme: ContentBuilders<ProjectProposalInput> = {
  principles: (i, c) => c.paras(i.overallScheme.principles),
  overall_goals: (i, c) => [
    ...c.paras(i.overallScheme.goals),
    ...(i.overallScheme.phases.length
      ? [
          c.table(
            [noCol(c), { label: c.label('phase'), width: 2 }, { label: c.label('phasePeriod'), width: 3, align: 'center' }, { label: c.label('phaseGoal'), width: 8 }],
            i.overallScheme.phases.map((ph, n) => [no(n), c.text(ph.phase), ph.period ? c.text(ph.period) : '—', c.text(ph.goal)]),
          ),
        ]
      : []),
  ],
  overall_tasks: (i, c) => c.paras(i.overallScheme.tasks),
  overall_design: (i, c) => c.paras(i.overallScheme.architecture),
};
