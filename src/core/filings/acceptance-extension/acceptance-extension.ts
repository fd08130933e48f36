// 延期验收申请: the official letter (请示) asking the approving department to extend the acceptance deadline.
import { z } from 'zod';
import { defineFiling, type SectionDef } from '../filing.ts';
import { DocNumber, IsoDate, LIMITS, Paragraphs, Percent, Person, ProjectBlock, ShortText, Wan } from '../common.ts';
import { art, item } from '../../regulations/documents.ts';
import { addMonths } from '../../format/dates.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { PROFILES } from '../../regulations/profiles.ts';

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

/** Months allowed between completion and the acceptance application: 6 (57号 Art. 25) or 3 (district measure Art. 19). */
export function acceptanceWindowMonths(profile: 'national' | 'district'): number {
  return PROFILES[profile].acceptanceWindowMonths;
}

export function originalDeadline(input: AcceptanceExtensionInput): string {
  return addMonths(input.completionDate, acceptanceWindowMonths(input.project.jurisdiction.profile));
}

type I = AcceptanceExtensionInput;
const sections: SectionDef<I>[] = [
  { id: 'title', level: 1, style: 'title', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.1', '7.3.1') }] },
  { id: 'addressee', level: 1, style: 'addressee', binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'gbt-9704-2012', article: item('7.3.2', '7.3.2') }] },
  { id: 'opening', level: 1, style: 'body', binding: 'customary', citations: [{ doc: 'customary' }] },
  { id: 'approval', level: 1, binding: 'customary', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'progress', level: 1, binding: 'customary', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'reasons', level: 1, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'remaining_work', level: 1, binding: 'customary', citations: [{ doc: 'customary' }] },
  { id: 'requested_date', level: 1, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  {
    id: 'funding_freeze',
    level: 1,
    binding: 'local',
    profiles: ['district'],
    citations: [{ doc: 'district-measure', article: art(19) }],
  },
  { id: 'closing', level: 1, style: 'closing', binding: 'customary', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.3', '7.3.3') }] },
  {
    id: 'attachments',
    level: 1,
    style: 'attachments',
    binding: 'customary',
    citations: [{ doc: 'gbt-9704-2012', article: item('7.3.4', '7.3.4') }],
    when: { id: 'has_attachments', description: { zh: '列有附件时', en: 'when attachments are listed' }, test: (i) => i.attachments.length > 0 },
  },
  { id: 'signature', level: 1, style: 'signature', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.5', '7.3.5') }] },
  { id: 'note', level: 1, style: 'note', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.6', '7.3.6') }] },
];

export const acceptanceExtension = defineFiling({
  id: 'acceptance-extension',
  schema: AcceptanceExtensionInput,
  layout: 'letter',
  sections,
  dateOf: (i) => i.application.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => ({
    title: c.label('letterTitle', { project: c.text(i.project.name) }),
    unit: c.text(i.project.constructionUnit.name),
    ...(i.application.docNo ? { docNo: normalizeDocNumber(i.application.docNo) } : {}),
  }),
  content: (i, c) => {
    const p = i.project;
    const deadline = originalDeadline(i);
    const months = acceptanceWindowMonths(p.jurisdiction.profile);
    const vars = (l: typeof c) => ({
      project: l.text(p.name),
      code: p.code,
      department: l.text(p.approvingDepartment),
      approvalNo: normalizeDocNumber(i.approval.docNo),
      completion: l.date(i.completionDate),
      deadline: l.date(deadline),
      requested: l.date(i.requestedDate),
      months,
      percent: l.percent(i.progress.percentComplete),
      investment: l.percent(i.progress.investmentCompletedPercent),
      payment: i.progress.paymentPercent === undefined ? '' : l.percent(i.progress.paymentPercent),
      name: l.text(i.contact.name),
      phone: i.contact.phone ?? '',
    });
    const colon = (l: typeof c) => (l.lang === 'en' ? ':' : '：');
    return {
      title: c.sentence('letterTitle', vars),
      addressee: c.both((l) => [l.p(`${l.text(i.application.addressee)}${colon(l)}`)]),
      opening: c.sentence('opening', vars),
      approval: [
        c.facts([
          ['projectName', c.text(p.name)],
          ['projectCode', p.code],
          ['constructionUnit', c.text(p.constructionUnit.name)],
          ['approvalDocument', `${normalizeDocNumber(i.approval.docNo)}（${c.date(i.approval.date)}）`],
          ['totalInvestment', c.stated(p.totalInvestment)],
          ['approvedInvestment', c.wan(i.approval.approvedInvestment)],
          ['constructionPeriod', `${c.date(i.approval.plannedStart)} — ${c.date(i.approval.plannedCompletion)}`],
          ['completionDate', c.date(i.completionDate)],
          ['originalDeadline', `${c.date(deadline)}（${c.labelInline('windowMonths', { months })}）`],
        ]),
      ],
      progress: [
        ...c.sentence('progressSummary', vars),
        ...(i.progress.paymentPercent !== undefined ? c.sentence('paymentSummary', vars) : []),
        ...c.paras(i.progress.completedWork),
      ],
      reasons: c.list(i.reasons),
      remaining_work: [
        c.table(
          [{ label: c.label('no'), width: 1, align: 'center' }, { label: c.label('task'), width: 6 }, { label: c.label('owner'), width: 3 }, { label: c.label('due'), width: 3, align: 'center' }],
          i.remainingWork.map((w, n) => [String(n + 1), c.text(w.task), c.text(w.owner ?? p.implementingBody), c.date(w.due)]),
        ),
        ...c.paras(i.measures),
      ],
      requested_date: c.sentence('requestedDate', vars),
      funding_freeze: c.sentence('fundingFreeze', vars),
      closing: c.sentence('closing', vars),
      attachments: i.attachments.map((a, n) =>
        c.p(n === 0 ? `${c.labelInline('attachmentsLead')}${i.attachments.length > 1 ? '1. ' : ''}${c.text(a)}` : `${n + 1}. ${c.text(a)}`),
      ),
      signature: [c.p(c.text(p.constructionUnit.name)), c.p(c.date(i.application.date))],
      note: c.sentence('contactNote', vars),
    };
  },
});
