// 项目建议书: the first approval-stage report (2544号 附件1 skeleton, with what 57号 and the 2013 NDRC opinion add).
import { defineFiling } from '../filing.ts';
import { reportCover } from '../content-context.ts';
import { ProjectProposalInput } from './schema.ts';
import { sections } from './sections.ts';
import { PROPOSAL_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';

export const projectProposal = defineFiling({
  id: 'project-proposal',
  schema: ProjectProposalInput,
  layout: 'report',
  sections,
  rules: PROPOSAL_RULES,
  content,
  form,
  dateOf: (i) => i.proposal.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.proposal.docNo),
});
