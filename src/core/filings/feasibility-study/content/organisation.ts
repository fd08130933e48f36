// 项目组织机构和人员培训 and 项目实施进度: structure, staffing, training and supervision (57号 Art. 19); the schedule.
import type { ContentBuilders } from '../../filing.ts';
import { cell } from '../../prose/bilingual.ts';
import { int, qty } from '../../prose/numbers.ts';
import { col, no, parasOf, prunedTable } from '../../prose/tables.ts';
import { constructionMonths } from '../figures.ts';
import type { FeasibilityStudyInput } from '../schema.ts';

type I = FeasibilityStudyInput;

export const organisation: ContentBuilders<I> = {
  org_structure: (i, c) => parasOf(c, i.organisation.structure),
  org_staffing: (i, c) => {
    const staff = i.organisation.staffing;
    if (!staff.length) return [];
    return [
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('staff.role'), 3), col(c.label('staff.count'), 1.4, 'right'), col(c.label('staff.duties'), 7)],
        staff.map((x, n) => [no(n), cell(c, x.role), int(x.count), cell(c, x.duties)]),
        ['', c.label('total'), int(staff.reduce((s, x) => s + x.count, 0)), ''],
      ),
    ];
  },
  org_training: (i, c) => {
    const training = i.organisation.training;
    if (!training.length) return [];
    const hasHours = training.some((x) => x.hours !== undefined);
    return [
      c.table(
        [
          col(c.label('no'), 0.8, 'center'),
          col(c.label('train.audience'), 3),
          col(c.label('train.content'), 6),
          col(c.label('train.persons'), 1.5, 'right'),
          ...(hasHours ? [col(c.label('train.hours'), 1.4, 'right')] : []),
        ],
        training.map((x, n) => [no(n), cell(c, x.audience), cell(c, x.content), int(x.persons), ...(hasHours ? [x.hours === undefined ? '—' : qty(x.hours)] : [])]),
        ['', c.label('total'), '', int(training.reduce((s, x) => s + x.persons, 0)), ...(hasHours ? [''] : [])],
      ),
    ];
  },
  org_supervision: (i, c) => parasOf(c, i.organisation.supervision),
  schedule: (i, c) => {
    const period = i.overview.constructionPeriod;
    return [
      ...c.sentence('periodSummary', (l) => ({ months: constructionMonths(i), start: l.month(period.start), end: l.month(period.end) })),
      ...(i.schedule.length
        ? [
            prunedTable(
              c,
              [col(c.label('no'), 0.8, 'center'), col(c.label('sched.milestone'), 4), col(c.label('sched.start'), 2.2, 'center'), col(c.label('sched.end'), 2.2, 'center'), col(c.label('sched.deliverable'), 3.5)],
              i.schedule.map((m, n) => [no(n), cell(c, m.milestone), m.start ? c.month(m.start) : '—', c.month(m.end), m.deliverable ? cell(c, m.deliverable) : '—']),
              [2, 4],
            ),
          ]
        : []),
    ];
  },
};
