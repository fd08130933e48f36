// 项目招标方案 (2013意见 III(1) item 2): the plan with its totals by method, the reasons for not tendering, and the
// 招标基本情况表 with its ticks.
import type { ContentBuilders } from '../../filing.ts';
import type { ContentContext } from '../../content-context.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { colon, semi } from '../../prose/punctuation.ts';
import { share } from '../../prose/numbers.ts';
import { col, parasOf } from '../../prose/tables.ts';
import { withTableHead } from '../../blocks.ts';
import { sumWan } from '../../../format/format.ts';
import { tenderShare } from '../figures.ts';
import type { FeasibilityStudyInput, TenderPackage } from '../schema.ts';

type I = FeasibilityStudyInput;

const TICK = '√';

function tenderRow(c: ContentContext, p: TenderPackage): string[] {
  const mark = (b: boolean) => (b ? TICK : '');
  return [
    cell(c, p.name),
    c.num(p.amount),
    mark(p.scope === 'full'),
    mark(p.scope === 'partial'),
    mark(p.scope !== 'none' && p.organisation === 'self'),
    mark(p.scope !== 'none' && p.organisation === 'entrusted'),
    mark(p.scope !== 'none' && p.method === 'open'),
    mark(p.scope !== 'none' && p.method === 'invited'),
    mark(p.scope === 'none'),
    perLanguage(c, (l) => [l.label(`tenderCategory.${p.category}`), p.reason ? l.label('tender.seeNote') : ''].filter(Boolean).join(semi(l)), '\n'),
  ];
}

export const tendering: ContentBuilders<I> = {
  tendering_plan: (i, c) => {
    const pk = i.tendering.packages;
    const sum = sumWan(pk.map((x) => x.amount));
    const open = tenderShare(pk, (x) => x.scope !== 'none' && x.method === 'open');
    const invited = tenderShare(pk, (x) => x.scope !== 'none' && x.method === 'invited');
    const none = tenderShare(pk, (x) => x.scope === 'none');
    return [
      ...parasOf(c, i.tendering.plan),
      ...c.sentence('tenderSummary', (l) => ({
        n: pk.length,
        sum: l.wan(sum),
        parts: [
          open.n ? l.label('tenderPart.open', { n: open.n, amount: l.wan(open.amount), share: share(l, open.amount, sum) }) : '',
          invited.n ? l.label('tenderPart.invited', { n: invited.n, amount: l.wan(invited.amount), share: share(l, invited.amount, sum) }) : '',
          none.n ? l.label('tenderPart.none', { n: none.n, amount: l.wan(none.amount), share: share(l, none.amount, sum) }) : '',
        ]
          .filter(Boolean)
          .join(semi(l)),
      })),
      ...(pk.some((x) => x.reason)
        ? [c.h(c.labelInline('tender.reasonsHeading')), ...c.both((l) => pk.filter((x) => x.reason).map((x, n) => l.p(`${n + 1}. ${l.text(x.name)}${colon(l)}${l.text(x.reason!)}`)))]
        : []),
    ];
  },
  tendering_table: (i, c) => {
    const pk = i.tendering.packages;
    // The 招标基本情况表 (2013意见): scope, organisation and method each head a pair of tick columns.
    const groups = [
      { label: c.label('tender.scopeGroup'), from: 2, span: 2 },
      { label: c.label('tender.organisationGroup'), from: 4, span: 2 },
      { label: c.label('tender.methodGroup'), from: 6, span: 2 },
    ];
    return [
      withTableHead(c.table(
        [
          col(c.label('tender.package'), 3.0),
          col(c.label('tender.amount'), 2.2, 'right'),
          col(c.label('tender.full'), 1.2, 'center'),
          col(c.label('tender.partial'), 1.2, 'center'),
          col(c.label('tender.self'), 1.2, 'center'),
          col(c.label('tender.entrusted'), 1.2, 'center'),
          col(c.label('tender.open'), 1.2, 'center'),
          col(c.label('tender.invited'), 1.2, 'center'),
          col(c.label('tender.none'), 1.2, 'center'),
          col(c.label('tender.note'), 2.0, 'center'),
        ],
        pk.map((x) => tenderRow(c, x)),
        [c.label('total'), c.num(sumWan(pk.map((x) => x.amount))), '', '', '', '', '', '', '', ''],
      ), { groups }),
      ...c.sentence('tenderTableNote', () => ({})),
    ];
  },
};
