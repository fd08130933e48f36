// 投资完成和资金使用情况: the budget against the approved 概算, funding received and spent, savings and final accounts
// (57号 Art. 22, 25; district measure Art. 15).
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import { sumWan } from '../../../format/format.ts';
import { pct, share } from '../../prose/numbers.ts';
import { acceptanceFigures } from '../figures.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { docRefInParens } from '../../prose/references.ts';
import { amountCol, baseVars, noCol, opt } from './shared.ts';
import { labelCol, no } from '../../prose/tables.ts';

type I = AcceptanceReportInput;

function sourceTotals(i: I): { approved: number; received: number; spent: number } {
  const bySource = i.investment.bySource;
  return { approved: sumWan(bySource.map((s) => s.approved)), received: sumWan(bySource.map((s) => s.received)), spent: sumWan(bySource.map((s) => s.spent)) };
}

function investVars(i: I, l: ContentContext): Record<string, string | number> {
  const f = acceptanceFigures(i);
  const t = sourceTotals(i);
  return {
    ...baseVars(i, l),
    rate: pct(l, f.executionRate),
    savings: l.wan(f.savings),
    overrun: l.wan(f.overrun),
    received: l.wan(t.received),
    receivedRate: share(l, t.received, t.approved),
    spent: l.wan(t.spent),
  };
}

export const investment: ContentBuilders<I> = {
  investment: (i, c) => c.sentence(acceptanceFigures(i).overrun > 0 ? 'investmentOverrun' : 'investmentLead', (l) => investVars(i, l)),
  budget_execution: (i, c) => {
    const f = acceptanceFigures(i);
    const byItem = i.investment.byItem;
    const approvedItems = sumWan(byItem.map((r) => r.approved));
    return [
      c.table(
        [noCol(c), labelCol(c, 'costItem', 4.5), amountCol(c, 'approvedAmount'), amountCol(c, 'actualAmount'), amountCol(c, 'difference'), labelCol(c, 'executionRate', 2, 'right'), labelCol(c, 'note', 2.5)],
        byItem.map((r, k) => [
          no(k),
          c.text(r.item),
          c.num(r.approved),
          c.num(r.actual),
          c.num(sumWan([r.approved, -r.actual])),
          share(c, r.actual, r.approved),
          r.note ? c.text(r.note) : '',
        ]),
        [c.label('total'), '', c.num(approvedItems), c.num(f.actual), c.num(sumWan([approvedItems, -f.actual])), share(c, f.actual, approvedItems), ''],
      ),
      ...(i.investment.notes ? c.paras(i.investment.notes) : []),
    ];
  },
  funding_sources: (i, c) => {
    const t = sourceTotals(i);
    return [
      c.table(
        [noCol(c), labelCol(c, 'channel', 5), amountCol(c, 'approvedAmount'), amountCol(c, 'receivedAmount'), amountCol(c, 'spentAmount'), labelCol(c, 'receivedRate', 2, 'right')],
        i.investment.bySource.map((s, k) => [no(k), c.text(s.channel), c.num(s.approved), c.num(s.received), c.num(s.spent), share(c, s.received, s.approved)]),
        [c.label('total'), '', c.num(t.approved), c.num(t.received), c.num(t.spent), share(c, t.received, t.approved)],
      ),
      ...c.sentence('fundingSummary', (l) => investVars(i, l)),
    ];
  },
  savings: (i, c) => {
    const sr = i.investment.savingsReturn;
    return [
      ...c.sentence('savingsAmount', (l) => investVars(i, l)),
      ...(sr
        ? c.sentence('savingsReturned', (l) => ({
            amount: l.wan(sr.amount),
            date: l.date(sr.date),
            channel: l.text(sr.channel),
            ref: sr.reference ? docRefInParens(l, sr.reference) : '',
          }))
        : c.sentence('savingsPending', (l) => investVars(i, l))),
    ];
  },
  final_accounts: (i, c) => {
    const fa = i.investment.finalAccounts;
    return [
      c.facts([
        ['auditor', c.text(fa.auditor)],
        ...opt(fa.reportNo, (r) => ['reportNo', c.text(r)] as const),
        ['auditDate', c.date(fa.date)],
        ['auditedAmount', c.wan(fa.auditedAmount)],
      ]),
      ...c.paras(fa.opinion),
    ];
  },
};
