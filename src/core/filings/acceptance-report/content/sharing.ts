// 信息资源共享情况: the resources registered for sharing, the system catalogue and (district) the registration deadline
// (57号 Art. 11–12, 28; district measure Art. 25–26).
import type { ContentBuilders } from '../../filing.ts';
import { measureOf, workingDaysBetween } from '../figures.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { noCol } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

export const sharing: ContentBuilders<AcceptanceReportInput> = {
  sharing: (i, c) => c.sentence('sharingLead', (l) => ({ count: i.sharing.resources.length, platform: l.text(i.sharing.platform), date: l.date(i.sharing.registeredDate) })),
  resource_catalogue: (i, c) => [
    c.table(
      [noCol(c), labelCol(c, 'resourceName', 4), labelCol(c, 'resourceCode', 3), labelCol(c, 'resourceFormat', 2, 'center'), labelCol(c, 'shareType', 2, 'center'), labelCol(c, 'consumers', 4)],
      i.sharing.resources.map((r, k) => [no(k), c.text(r.name), r.code ? c.text(r.code) : '—', c.text(r.format), c.label(`shareTypeOf.${r.shareType}`), r.consumers ? c.text(r.consumers) : '—']),
    ),
    ...c.paras(i.sharing.summary),
  ],
  system_catalogue: (i, c) => {
    const sc = i.sharing.systemCatalogue;
    return sc.listed
      ? c.sentence('systemListed', (l) => ({
          code: sc.code ? l.labelInline('catalogueCode', { code: l.text(sc.code) }) : '',
          date: sc.date ? l.labelInline('catalogueDate', { date: l.date(sc.date) }) : '',
          amount: l.wan(i.project.annualOandM.amount),
        }))
      : c.sentence('systemNotListed', () => ({}));
  },
  catalogue_registration: (i, c) => {
    const sh = i.sharing;
    const preliminary = i.acceptance.preliminaryDate;
    const days = workingDaysBetween(preliminary, sh.registeredDate);
    // The section exists only for profiles that set the deadline (sections.ts).
    const limit = measureOf(i).catalogue.registrationWorkingDays!;
    return c.sentence(days <= limit ? 'registrationInTime' : 'registrationLate', (l) => ({
      preliminary: l.date(preliminary),
      date: l.date(sh.registeredDate),
      platform: l.text(sh.platform),
      days,
      limit,
    }));
  },
};
