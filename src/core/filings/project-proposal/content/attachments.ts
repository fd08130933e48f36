// 附件: the sharing catalogue, then the documents the input names (requirements report and review, commitment letter,
// the earlier project's evaluation or contract and report), then the caller's own.
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import type { LText } from '../../schema-parts.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { profileData } from '../../../regulations/profiles.ts';

type I = ProjectProposalInput;

function attachmentLines(i: I, c: ContentContext): string[] {
  const lines: string[] = [c.labelInline('attSharingCatalogue')];
  const title = (t: LText) => c.text(t);
  if (i.requirementsReport) lines.push(title(i.requirementsReport.report.title), title(i.requirementsReport.expertOpinion.title));
  if (i.centralLocal) lines.push(title(i.centralLocal.commitment.title));
  const prev = i.previousProject;
  if (prev && (i.project.type === 'rebuild' || i.project.type === 'expand') && prev.postEvaluation) lines.push(title(prev.postEvaluation.title));
  if (prev && i.project.type === 'operation' && profileData(i.project.jurisdiction.profile).approvalStage.operationProjectAttachments) {
    if (prev.contract) lines.push(title(prev.contract.title));
    if (prev.performanceEvaluation) lines.push(title(prev.performanceEvaluation.title));
  }
  for (const a of i.attachments) lines.push(title(a));
  return lines;
}

export const attachments: ContentBuilders<I> = {
  attachments: (i, c) =>
    c.both((l) => {
      const lines = attachmentLines(i, l);
      const lead = l.label('attachmentsLead');
      return lines.map((a, n) => l.p(n === 0 ? `${lead}${lines.length > 1 ? '1. ' : ''}${a}` : `${n + 1}. ${a}`));
    }),
};
