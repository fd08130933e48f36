// 总体建设方案: principles, goals by phase, tasks, the overall design and, for cross-department projects, the framework
// of who builds what and which data flows between them (57号 Art. 10).
import type { ContentBuilders } from '../../filing.ts';
import { cell } from '../../prose/bilingual.ts';
import { docRef } from '../../prose/references.ts';
import { col, no, parasOf } from '../../prose/tables.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { joinTexts } from '../../prose/punctuation.ts';

type I = FeasibilityStudyInput;

export const overallScheme: ContentBuilders<I> = {
  overall_principles: (i, c) => parasOf(c, i.overallScheme.principles),
  overall_goals: (i, c) => {
    const goals = i.overallScheme.goals;
    if (!goals) return [];
    return [
      ...c.paras(goals.overall),
      ...(goals.phases.length
        ? [
            c.table(
              [col(c.label('goal.phase'), 2.5), col(c.label('goal.period'), 2.5), col(c.label('goal.goal'), 7)],
              goals.phases.map((g) => [cell(c, g.phase), g.period ? cell(c, g.period) : '—', cell(c, g.goal)]),
            ),
          ]
        : []),
    ];
  },
  overall_tasks: (i, c) => parasOf(c, i.overallScheme.tasks),
  overall_design: (i, c) => parasOf(c, i.overallScheme.architecture),
  overall_cross_department: (i, c) => {
    const cd = i.project.crossDepartment;
    if (!cd) return [];
    const fw = i.overallScheme.crossDepartmentFramework;
    return [
      ...c.sentence('crossDepartmentLead', (l) => ({ lead: l.text(cd.leadDepartment), builders: joinTexts(l, cd.coBuilders) })),
      ...parasOf(c, fw?.summary),
      ...(fw?.division.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('cross.department'), 3), col(c.label('cross.responsibility'), 8)],
              fw.division.map((d, n) => [no(n), cell(c, d.department), cell(c, d.responsibility)]),
            ),
          ]
        : []),
      ...(fw?.dataFlows.length
        ? [
            c.h(c.labelInline('cross.flowsHeading')),
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('cross.from'), 2.6), col(c.label('cross.to'), 2.6), col(c.label('cross.data'), 3.2), col(c.label('cross.interface'), 2.8)],
              fw.dataFlows.map((d, n) => [no(n), cell(c, d.from), cell(c, d.to), cell(c, d.data), cell(c, d.interface)]),
            ),
          ]
        : []),
      ...(i.attachments.crossDepartmentFramework ? c.sentence('frameworkAttached', (l) => ({ doc: docRef(l, i.attachments.crossDepartmentFramework!) })) : []),
    ];
  },
};
