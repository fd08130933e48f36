// 项目组织机构和人员 and 项目实施进度: the bodies, staffing and training, and the schedule of milestones.
import type { ContentBuilders } from '../../filing.ts';
import { staffTotal } from '../figures.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { DASH } from '../../prose/numbers.ts';
import { col, no, parasOf, prunedTable } from '../../prose/tables.ts';
import { noCol } from './shared.ts';

export const organisation: ContentBuilders<ProjectProposalInput> = {
  org_structure: (i, c) => [
    c.facts([
      ['leadershipBody', c.text(i.organisation.leadership)],
      ['implementationBody', c.text(i.organisation.implementation)],
      ['operationsBody', c.text(i.organisation.operations)],
    ]),
  ],
  staffing: (i, c) =>
    i.organisation.staffing.length
      ? [
          prunedTable(
            c,
            [noCol(c), col(c.label('role'), 4), col(c.label('headcount'), 2, 'right'), col(c.label('duties'), 7)],
            i.organisation.staffing.map((s, n) => [no(n), c.text(s.role), String(s.count), s.duties ? c.text(s.duties) : DASH]),
            [3],
            [c.label('total'), '', String(staffTotal(i)), ''],
          ),
        ]
      : [],
  training: (i, c) => parasOf(c, i.organisation.training),
  schedule: (i, c) => [
    ...c.sentence('scheduleLead', (l) => ({ start: l.date(i.overview.period.start), end: l.date(i.overview.period.end) })),
    prunedTable(
      c,
      [noCol(c), col(c.label('milestone'), 6), col(c.label('milestoneDate'), 4, 'center'), col(c.label('deliverable'), 4)],
      i.schedule.map((s, n) => [no(n), c.text(s.milestone), c.date(s.date), s.deliverable ? c.text(s.deliverable) : DASH]),
      [3],
    ),
  ],
};
