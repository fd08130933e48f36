// 可行性研究报告: the 2544号 附件2 report with the 57号 Art. 11 信息资源共享分析篇章 and the 2013意见 / 57号 additions.
import { defineFiling } from '../filing.ts';
import { reportCover } from '../content-context.ts';
import { APPROVAL_STAGE_RULES } from '../approval-stage/rules.ts';
import { FeasibilityStudyInput } from './schema.ts';
import { sections } from './sections.ts';
import { FEASIBILITY_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';

export const feasibilityStudy = defineFiling({
  id: 'feasibility-study',
  schema: FeasibilityStudyInput,
  layout: 'report',
  sections,
  rules: [...APPROVAL_STAGE_RULES, ...FEASIBILITY_RULES],
  content,
  form,
  dateOf: (i) => i.report.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.report.docNo),
});
