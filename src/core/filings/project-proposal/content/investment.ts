// 投资估算和资金筹措: the basis, the estimate, funding sources, the use plan, O&M funds and (central–local projects) the
// local commitment (57号 Art. 9; 2013意见).
import type { ContentBuilders } from '../../filing.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { docRef } from '../../prose/references.ts';
import { share } from '../../prose/numbers.ts';
import { sumWan } from '../../../format/format.ts';
import { amountCol, noCol, shareCol } from './shared.ts';
import { no, parasOf } from '../../prose/tables.ts';

export const investment: ContentBuilders<ProjectProposalInput> = {
  estimate_basis: (i, c) => c.paras(i.investment.basis),
  investment_estimate: (i, c) => {
    const p = i.project;
    const total = sumWan(p.investmentBreakdown.map((b) => b.amount));
    return [
      ...c.sentence('estimateLead', (l) => ({ total: l.wan(p.totalInvestment) })),
      c.table(
        [noCol(c), { label: c.label('costItem'), width: 6 }, amountCol(c), shareCol(c)],
        p.investmentBreakdown.map((b, n) => [no(n), c.text(b.item), c.num(b.amount), share(c, b.amount, p.totalInvestment)]),
        [c.label('total'), '', c.num(total), share(c, total, p.totalInvestment)],
      ),
    ];
  },
  funding_sources: (i, c) => {
    const p = i.project;
    const total = sumWan(p.fundingSources.map((f) => f.amount));
    return [
      ...c.sentence('fundingLead', (l) => ({ total: l.wan(p.totalInvestment), count: p.fundingSources.length })),
      c.table(
        [noCol(c), { label: c.label('channel'), width: 6 }, amountCol(c), shareCol(c)],
        p.fundingSources.map((f, n) => [no(n), c.text(f.channel), c.num(f.amount), share(c, f.amount, p.totalInvestment)]),
        [c.label('total'), '', c.num(total), share(c, total, p.totalInvestment)],
      ),
    ];
  },
  use_plan: (i, c) => {
    const plan = i.investment.usePlan;
    if (!plan.length) return [];
    const total = sumWan(plan.map((u) => u.amount));
    const whole = i.project.totalInvestment;
    return [
      c.table(
        [noCol(c), { label: c.label('year'), width: 4, align: 'center' }, amountCol(c), shareCol(c)],
        plan.map((u, n) => [no(n), String(u.year), c.num(u.amount), share(c, u.amount, whole)]),
        [c.label('total'), '', c.num(total), share(c, total, whole)],
      ),
    ];
  },
  oandm_estimate: (i, c) => [
    ...c.sentence('oandmLead', (l) => ({ amount: l.wan(i.project.annualOandM.amount), channel: l.text(i.project.annualOandM.channel) })),
    ...parasOf(c, i.investment.oAndMBasis),
  ],
  local_commitment: (i, c) => {
    const cl = i.centralLocal;
    return cl ? c.sentence('localCommitment', (l) => ({ government: l.text(cl.localGovernment), amount: l.wan(cl.localShare), letter: docRef(l, cl.commitment) })) : [];
  },
};
