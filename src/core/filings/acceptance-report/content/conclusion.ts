// 验收结论: the verdict, the committee and its opinion.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const conclusion: ContentBuilders<AcceptanceReportInput> = {
  conclusion: (i, c) => {
    const a = i.acceptance;
    return c.sentence(`verdictLead.${a.conclusion}`, (l) => ({ organiser: l.text(a.organiser), date: l.date(a.meetingDate), project: l.text(i.project.name) }));
  },
  committee: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'memberName', 3), labelCol(c, 'committeeRole', 2, 'center'), labelCol(c, 'memberTitle', 4), labelCol(c, 'memberOrg', 6)],
      i.acceptance.committee.map((m, k) => [no(k), c.text(m.name), c.label(`roleOf.${m.role}`), c.text(m.title), c.text(m.org)]),
    ),
  ],
  committee_opinion: (i, c) => [...c.paras(i.acceptance.opinion), ...c.sentence(`verdict.${i.acceptance.conclusion}`, (l) => ({ project: l.text(i.project.name) }))],
};
