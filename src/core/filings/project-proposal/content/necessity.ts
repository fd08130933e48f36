// 项目建设的必要性: background, current systems, problems, significance, and the earlier project's post-evaluation
// (rebuilds, 57号 Art. 9) or operation and evaluation (district O&M projects, district measure Art. 7).
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { ProjectProposalInput } from '../schema.ts';
import { docRef } from '../../prose/references.ts';
import { dual, noCol } from './shared.ts';
import { qty } from '../../prose/numbers.ts';
import { no, parasOf } from '../../prose/tables.ts';

type I = ProjectProposalInput;
type Previous = NonNullable<I['previousProject']>;

/** The earlier project in one sentence: its name, approval and completion. */
function previousHead(prev: Previous, l: ContentContext): Block[] {
  return [
    l.p(
      l.label('prevName', { name: l.text(prev.name) }) +
        (prev.approval ? l.label('prevApproval', { approval: docRef(l, prev.approval) }) : '') +
        (prev.completionDate ? l.label('prevCompletion', { completion: l.date(prev.completionDate) }) : '') +
        l.label('fullStop'),
    ),
  ];
}

export const necessity: ContentBuilders<I> = {
  background: (i, c) => c.paras(i.necessity.background),
  current_systems: (i, c) => [
    ...(i.necessity.currentSystems.length
      ? [
          c.table(
            [noCol(c), { label: c.label('systemName'), width: 4 }, { label: c.label('builtYear'), width: 2, align: 'center' }, { label: c.label('systemStatus'), width: 8 }],
            i.necessity.currentSystems.map((s, n) => [no(n), c.text(s.name), s.builtYear ? String(s.builtYear) : '—', c.text(s.description)]),
          ),
        ]
      : []),
    ...parasOf(c, i.necessity.currentSituation),
  ],
  problems: (i, c) => c.list(i.necessity.problems),
  significance: (i, c) => c.paras(i.necessity.significance),
  previous_evaluation: (i, c) => {
    const prev = i.previousProject;
    const pe = prev?.postEvaluation;
    if (!prev || !pe) return [];
    return [
      ...c.both((l) => previousHead(prev, l)),
      ...c.paras(prev.results),
      ...c.sentence('postEvaluationLead', (l) => ({ evaluator: l.text(pe.evaluator), date: l.date(pe.date), title: docRef(l, { title: pe.title }) })),
      ...c.paras(pe.conclusion),
    ];
  },
  previous_operation: (i, c) => {
    const prev = i.previousProject;
    const k = prev?.contract;
    const ev = prev?.performanceEvaluation;
    if (!prev || !k || !ev) return [];
    return [
      ...c.both((l) => previousHead(prev, l)),
      ...c.paras(prev.results),
      c.facts([
        ['previousContract', dual(c, (l) => docRef(l, { title: k.title, ...(k.contractNo ? { docNo: k.contractNo } : {}), date: k.signDate }))],
        ['contractPartner', c.text(k.partner)],
        ['contractAmount', dual(c, (l) => l.wan(k.amount))],
        ['previousEvaluation', dual(c, (l) => docRef(l, { title: ev.title, date: ev.date }))],
        ['evaluator', c.text(ev.evaluator)],
        ...(ev.score !== undefined ? ([['evaluationScore', qty(ev.score)]] as const) : []),
      ]),
      ...c.paras(ev.conclusion),
    ];
  },
};
