// 验收报告: the acceptance report of a completed project, with the materials of the 验收申请 (57号 Art. 25) as attachments.
import { defineFiling } from '../filing.ts';
import { reportCover } from '../content-context.ts';
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
});
