// 项目组织机构和人员 and 项目实施进度: the bodies, staffing and training, and the schedule of milestones.
import type { ContentBuilders } from '../../filing.ts';
import { staffTotal } from '../figures.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { no, noCol, paraIf, sparseTable } from './shared.ts';

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
          sparseTable(
            c,
            [
              { col: noCol(c), cell: (_, n) => no(n) },
              { col: { label: c.label('role'), width: 4 }, cell: (s) => c.text(s.role) },
              { col: { label: c.label('headcount'), width: 2, align: 'right' }, cell: (s) => String(s.count), total: String(staffTotal(i)) },
              { col: { label: c.label('duties'), width: 7 }, cell: (s) => (s.duties ? c.text(s.duties) : undefined) },
            ],
            i.organisation.staffing,
            true,
          ),
        ]
      : [],
  training: (i, c) => paraIf(c, i.organisation.training),
  schedule: (i, c) => [
    ...c.sentence('scheduleLead', (l) => ({ start: l.date(i.overview.period.start), end: l.date(i.overview.period.end) })),
    sparseTable(
      c,
      [
        { col: noCol(c), cell: (_, n) => no(n) },
        { col: { label: c.label('milestone'), width: 6 }, cell: (s) => c.text(s.milestone) },
        { col: { label: c.label('milestoneDate'), width: 4, align: 'center' }, cell: (s) => c.date(s.date) },
        { col: { label: c.label('deliverable'), width: 4 }, cell: (s) => (s.deliverable ? c.text(s.deliverable) : undefined) },
      ],
      i.schedule,
    ),
  ],
};
