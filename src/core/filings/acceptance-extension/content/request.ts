// The body of the request (57号 Art. 25): the approval, the progress, the reasons, the remaining work and the new date.
import type { ContentBuilders } from '../../filing.ts';
import { column } from '../../blocks.ts';
import { paren } from '../../prose/punctuation.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import { acceptanceWindowMonths, measureOf, originalDeadline } from '../figures.ts';
import type { AcceptanceExtensionInput } from '../schema.ts';
import { letterVars } from './vars.ts';

export const request: ContentBuilders<AcceptanceExtensionInput> = {
  approval: (i, c) => {
    const p = i.project;
    return [
      c.facts([
        ['projectName', c.text(p.name)],
        ['projectCode', p.code],
        ['constructionUnit', c.text(p.constructionUnit.name)],
        ['approvalDocument', `${normalizeDocNumber(i.approval.docNo)}${paren(c, c.date(i.approval.date))}`],
        ['totalInvestment', c.stated(p.totalInvestment)],
        ['approvedInvestment', c.wan(i.approval.approvedInvestment)],
        ['constructionPeriod', `${c.date(i.approval.plannedStart)} — ${c.date(i.approval.plannedCompletion)}`],
        ['completionDate', c.date(i.completionDate)],
        ['originalDeadline', `${c.date(originalDeadline(i))}${paren(c, perLanguage(c, (l) => l.label('windowMonths', { months: acceptanceWindowMonths(p.jurisdiction.profile), act: l.label(`act.${measureOf(i).acceptance.deadlineAct}`) })))}`],
      ]),
    ];
  },
  progress: (i, c) => [
    ...c.sentence('progressSummary', (l) => letterVars(i, l)),
    ...(i.progress.paymentPercent !== undefined ? c.sentence('paymentSummary', (l) => letterVars(i, l)) : []),
    ...c.paras(i.progress.completedWork),
  ],
  reasons: (i, c) => c.list(i.reasons),
  remaining_work: (i, c) => [
    c.table(
      [column(c.label('no'), 1, 'center'), column(c.label('task'), 6), column(c.label('owner'), 3), column(c.label('due'), 3, 'center')],
      i.remainingWork.map((w, n) => [String(n + 1), c.text(w.task), c.text(w.owner ?? i.project.implementingBody), c.date(w.due)]),
    ),
    ...c.paras(i.measures),
  ],
  requested_date: (i, c) => c.sentence('requestedDate', (l) => letterVars(i, l)),
  funding_freeze: (i, c) => c.sentence('fundingFreeze', (l) => letterVars(i, l)),
};
