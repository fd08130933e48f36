// Input of the 延期验收申请: the project, the approval it was built under, its progress, and the new date it asks for.
import { z } from 'zod';
import { DocNumber, IsoDate, LIMITS, Paragraphs, Percent, Person, ProjectBlock, ShortText, Wan } from '../schema-parts.ts';

const E = (key: string) => ({ error: `@${key}` });

export const AcceptanceExtensionInput = z.strictObject({
  project: ProjectBlock,
  application: z.strictObject({
    /** Date of the request (成文日期). */
    date: IsoDate,
    docNo: DocNumber.optional(),
    /** 主送机关: the approving department (57号 Art. 25). */
    addressee: ShortText,
  }),
  approval: z.strictObject({
    docNo: DocNumber,
    date: IsoDate,
    approvedInvestment: Wan,
    plannedStart: IsoDate,
    plannedCompletion: IsoDate,
  }),
  /** The date construction was (or was due to be) completed; the acceptance deadline runs from it. */
  completionDate: IsoDate,
  progress: z.strictObject({
    percentComplete: Percent,
    investmentCompletedPercent: Percent,
    paymentPercent: Percent.optional(),
    completedWork: Paragraphs,
  }),
  reasons: Paragraphs,
  remainingWork: z
    .array(z.strictObject({ task: ShortText, due: IsoDate, owner: ShortText.optional() }))
    .min(1, E('list_empty'))
    .max(LIMITS.listItems, E('list_too_long')),
  measures: Paragraphs,
  /** The new date by which acceptance will be applied for. */
  requestedDate: IsoDate,
  contact: Person,
  attachments: z.array(ShortText).max(30, E('list_too_long')).default([]),
});
export type AcceptanceExtensionInput = z.infer<typeof AcceptanceExtensionInput>;
