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
    /** 发文机关 of the 版头 (GB/T 9704 §7.2.3): its full or standard short name; the 发文机关标志 adds 文件. */
    issuer: ShortText.optional(),
    /** 签发人 (§7.2.5: a 请示 is 上行文 and names them beside the 发文字号). */
    signers: z.array(ShortText).min(1, E('list_empty')).max(6, E('list_too_long')).optional(),
    /** 抄送机关 of the 版记 (§7.4.2). */
    copyTo: z.array(ShortText).min(1, E('list_empty')).max(20, E('list_too_long')).optional(),
    /** 印发机关 and 印发日期 of the 版记 (§7.4.3); the 印发机关 defaults to the issuer. */
    printedBy: ShortText.optional(),
    printedOn: IsoDate.optional(),
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
