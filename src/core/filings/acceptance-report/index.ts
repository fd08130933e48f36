// 验收报告: the acceptance report of a completed project, with the materials of the 验收申请 (57号 Art. 25) as attachments.
import { defineFiling } from '../filing.ts';
import { reportCover } from '../content-context.ts';
import { withTableHead } from '../blocks.ts';
import { labelCol, no } from '../prose/tables.ts';
import { noCol } from './content/shared.ts';
import { AcceptanceReportInput } from './schema.ts';
import { sections } from './sections.ts';
import { ACCEPTANCE_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';

export const acceptanceReport = defineFiling({
  id: 'acceptance-report',
  schema: AcceptanceReportInput,
  layout: 'report',
  sections,
  rules: ACCEPTANCE_RULES,
  content,
  form,
  dateOf: (i) => i.report.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.report.docNo),
  // The report ends on the committee's signature sheet (name, unit, title, signature) and its 落款.
  signOff: (i, c) => ({
    heading: c.labelInline('signatures'),
    table: withTableHead(
      c.table(
        [noCol(c), labelCol(c, 'memberName', 2.2), labelCol(c, 'committeeRole', 2), labelCol(c, 'memberOrg', 5), labelCol(c, 'memberTitle', 3), labelCol(c, 'signature', 3)],
        i.acceptance.committee.map((m, k) => [no(k), c.text(m.name), c.label(`roleOf.${m.role}`), c.text(m.org), c.text(m.title), '']),
      ),
      { caption: c.label('signatures') },
    ),
    lines: [c.labelInline('committeeSignOff'), c.date(i.acceptance.meetingDate)],
  }),
});
