// The values the extension request's catalogue sentences are filled with, in one language.
import type { ContentContext } from '../../content-context.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import { acceptanceWindowMonths, measureOf, originalPeriod } from '../figures.ts';
import type { AcceptanceExtensionInput } from '../schema.ts';

export function letterVars(i: AcceptanceExtensionInput, l: ContentContext): Record<string, string | number> {
  const p = i.project;
  const period = originalPeriod(i);
  // What the deadline limits under the profile: applying for acceptance (57号) or organising it (district measure).
  const act = measureOf(i).acceptance.deadlineAct;
  return {
    act: l.label(`act.${act}`),
    actNoun: l.label(`actNoun.${act}`),
    shift: period.shifted ? l.label('deadlineShifted', { nominal: l.date(period.nominal) }) : '',
    project: l.text(p.name),
    code: p.code,
    department: l.text(p.approvingDepartment),
    approvalNo: normalizeDocNumber(i.approval.docNo),
    completion: l.date(i.completionDate),
    deadline: l.date(period.end),
    requested: l.date(i.requestedDate),
    months: acceptanceWindowMonths(p.jurisdiction.profile),
    percent: l.percent(i.progress.percentComplete),
    investment: l.percent(i.progress.investmentCompletedPercent),
    payment: i.progress.paymentPercent === undefined ? '' : l.percent(i.progress.paymentPercent),
    name: l.text(i.contact.name),
    phone: i.contact.phone ?? '',
  };
}
