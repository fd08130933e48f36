// 投资估算和资金来源: the basis, the estimate with its detail by group, funding, the annual use plan and O&M funds
// (57号 Art. 9; 2544号 附件2).
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { docRef } from '../../prose/references.ts';
import { isEn } from '../../prose/punctuation.ts';
import { qty, share } from '../../prose/numbers.ts';
import { col, no, parasOf, prunedTable } from '../../prose/tables.ts';
import { sumWan } from '../../../format/format.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { fundingTable } from './shared.ts';
import { chineseNumeral } from '../../../regulations/documents.ts';

type I = FeasibilityStudyInput;

/** The estimate's detail, grouped (工程费用, 其他费用, 预备费) with a subtotal row per group. */
function estimateDetail(i: I, c: ContentContext): Block[] {
  const est = i.investment.estimate;
  const total = i.project.totalInvestment;
  if (!est.length) return [];
  const groups = (['construction', 'other', 'contingency'] as const).filter((g) => est.some((x) => x.group === g));
  const rows: string[][] = [];
  groups.forEach((g, gi) => {
    const items = est.filter((x) => x.group === g);
    const sub = sumWan(items.map((x) => x.amount));
    rows.push([c.lang === 'en' ? String.fromCharCode(65 + gi) : chineseNumeral(gi + 1), c.label(`estimateGroup.${g}`), '', '', c.num(sub), share(c, sub, total)]);
    items.forEach((x, n) =>
      rows.push([
        `${n + 1}`,
        cell(c, x.item),
        x.spec ? cell(c, x.spec) : '',
        x.quantity === undefined ? '' : perLanguage(c, (l) => `${qty(x.quantity!)}${x.unit ? (isEn(l) ? ' ' : '') + l.text(x.unit) : ''}`),
        c.num(x.amount),
        share(c, x.amount, total),
      ]),
    );
  });
  const sum = sumWan(est.map((x) => x.amount));
  return [
    c.h(c.labelInline('inv.detailHeading')),
    c.table(
      [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 3.6), col(c.label('inv.spec'), 3.6), col(c.label('inv.quantity'), 1.4, 'right'), col(c.label('amount'), 2, 'right'), col(c.label('share'), 1.4, 'right')],
      rows,
      ['', c.label('total'), '', '', c.num(sum), share(c, sum, total)],
    ),
  ];
}

export const investment: ContentBuilders<I> = {
  inv_basis: (i, c) => c.paras(i.investment.basis),
  inv_estimate: (i, c) => {
    const p = i.project;
    const total = p.totalInvestment;
    const sum = sumWan(p.investmentBreakdown.map((b) => b.amount));
    return [
      ...c.sentence('estimateLead', (l) => ({ total: l.wan(total) })),
      c.table(
        [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 6), col(c.label('amount'), 2.4, 'right'), col(c.label('share'), 1.8, 'right')],
        p.investmentBreakdown.map((b, n) => [no(n), cell(c, b.item), c.num(b.amount), share(c, b.amount, total)]),
        ['', c.label('total'), c.num(sum), share(c, sum, total)],
      ),
      ...estimateDetail(i, c),
    ];
  },
  inv_funding: (i, c) => [
    fundingTable(i, c),
    ...parasOf(c, i.investment.fundingArrangement),
    ...(i.centralLocal && i.attachments.localFundingCommitment ? c.sentence('localCommitment', (l) => ({ doc: docRef(l, i.attachments.localFundingCommitment!) })) : []),
  ],
  inv_use_plan: (i, c) => {
    const plan = i.investment.annualUsePlan;
    if (!plan.length) return [];
    const total = i.project.totalInvestment;
    const sum = sumWan(plan.map((x) => x.amount));
    return [
      prunedTable(
        c,
        [col(c.label('plan.year'), 1.6, 'center'), col(c.label('amount'), 2.4, 'right'), col(c.label('share'), 1.6, 'right'), col(c.label('plan.purpose'), 6)],
        plan.map((x) => [perLanguage(c, (l) => l.label('plan.yearValue', { year: x.year })), c.num(x.amount), share(c, x.amount, total), x.purpose ? cell(c, x.purpose) : '—']),
        [3],
        [c.label('total'), c.num(sum), share(c, sum, total), ''],
      ),
    ];
  },
  inv_oandm: (i, c) => {
    const p = i.project;
    const items = i.investment.oandmItems;
    return [
      ...c.sentence('oandmEstimate', (l) => ({ amount: l.wan(p.annualOandM.amount), channel: l.text(p.annualOandM.channel), pct: share(l, p.annualOandM.amount, p.totalInvestment) })),
      ...(items.length
        ? [
            c.table(
              [col(c.label('no'), 0.8, 'center'), col(c.label('inv.item'), 7), col(c.label('amount'), 2.4, 'right')],
              items.map((x, n) => [no(n), cell(c, x.item), c.num(x.amount)]),
              ['', c.label('total'), c.num(sumWan(items.map((x) => x.amount)))],
            ),
          ]
        : []),
      ...parasOf(c, i.investment.oandmBasis),
    ];
  },
};
