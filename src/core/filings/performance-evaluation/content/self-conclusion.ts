// The self-evaluation's 综合评价结论, problems and lessons, the units it goes to (57号 Art. 27) and the scoring table.
import type { ContentBuilders } from '../../filing.ts';
import { perLanguage, zhOf } from '../../prose/bilingual.ts';
import { DASH, pct, qty, ratio, value } from '../../prose/numbers.ts';
import type { Table } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import type { LText } from '../../schema-parts.ts';
import { sumPoints } from '../figures.ts';
import type { PerformanceEvaluationInput, SelfEvaluation } from '../schema.ts';
import { paren } from '../../prose/punctuation.ts';
import { prefixed, selfEvaluation } from './shared.ts';
import { byLevel1, selfVars } from './vars.ts';
import { labelCol } from '../../prose/tables.ts';

function scoringTable(i: SelfEvaluation, c: ContentContext): Table {
  const tree = i.indicatorTree;
  const same = (a: LText | undefined, b: LText) => a !== undefined && zhOf(a) === zhOf(b);
  return c.table(
    [
      labelCol(c, 'no', 1, 'center'),
      labelCol(c, 'level1', 1.8),
      labelCol(c, 'level2', 2.4),
      labelCol(c, 'level3', 3.6),
      labelCol(c, 'weight', 1.6, 'right'),
      labelCol(c, 'targetValue', 2.2, 'right'),
      labelCol(c, 'actualValue', 2.2, 'right'),
      labelCol(c, 'score', 1.6, 'right'),
      labelCol(c, 'evidence', 3.6),
    ],
    tree.map((r, n) => {
      const prev = tree[n - 1];
      const firstOfL1 = !same(prev?.level1, r.level1);
      const evidence = [r.evidence ? c.text(r.evidence) : '', r.deductionReason ? perLanguage(c, (l) => l.label('deduction', { reason: l.text(r.deductionReason!) }), '\n') : ''].filter(Boolean).join('\n');
      return [
        String(n + 1),
        firstOfL1 ? c.text(r.level1) : '',
        firstOfL1 || !same(prev?.level2, r.level2) ? c.text(r.level2) : '',
        c.text(r.level3) + (r.unit ? paren(c, c.text(r.unit)) : ''),
        qty(r.weight),
        value(c, r.target),
        value(c, r.actual),
        qty(r.score),
        evidence || DASH,
      ];
    }),
    ['', c.label('total'), '', '', qty(sumPoints(tree.map((r) => r.weight))), '', '', qty(sumPoints(tree.map((r) => r.score))), `${c.label(`grade_${i.grade}`)}`],
  );
}

export const selfConclusion: ContentBuilders<PerformanceEvaluationInput> = {
  se_conclusion: selfEvaluation((i, c) => {
    const tree = i.indicatorTree;
    return [
      ...c.sentence('scoreSummary', (l) => selfVars(i, l)),
      c.table(
        [labelCol(c, 'no', 1, 'center'), labelCol(c, 'level1', 5), labelCol(c, 'weight', 2, 'right'), labelCol(c, 'score', 2, 'right'), labelCol(c, 'scoreRate', 2, 'right')],
        byLevel1(tree).map((g, n) => {
          const w = sumPoints(g.rows.map((r) => r.weight));
          const sc = sumPoints(g.rows.map((r) => r.score));
          return [String(n + 1), c.text(g.label), qty(w), qty(sc), pct(c, ratio(sc, w))];
        }),
        ['', c.label('total'), qty(sumPoints(tree.map((r) => r.weight))), qty(sumPoints(tree.map((r) => r.score))), pct(c, ratio(sumPoints(tree.map((r) => r.score)), sumPoints(tree.map((r) => r.weight))))],
      ),
      ...c.sentence('gradeBands', (l) => selfVars(i, l)),
      ...c.paras(i.conclusion),
    ];
  }),
  se_problems: selfEvaluation((i, c) => [
    ...i.problems.flatMap((pr, n) => [...prefixed(c, (l) => `${n + 1}. ${l.label('problemPrefix')}`, pr.problem), ...prefixed(c, (l) => l.label('recommendationPrefix'), pr.recommendation)]),
    ...(i.lessons ? [...c.sentence('lessonsLead', () => ({})), ...c.paras(i.lessons)] : []),
  ]),
  se_submission: selfEvaluation((i, c) => {
    const third = i.thirdPartyPostEvaluation;
    return [
      ...c.sentence('selfSubmission', (l) => selfVars(i, l)),
      ...(third
        ? c.sentence('thirdParty', (l) => ({ by: l.text(third.commissionedBy ?? i.project.approvingDepartment), organisation: l.text(third.organisation) }))
        : c.sentence('thirdPartyOptional', (l) => selfVars(i, l))),
      ...(third?.note ? c.paras(third.note) : []),
      ...(i.contact ? c.sentence('contactLine', (l) => ({ name: l.text(i.contact!.name), phone: i.contact!.phone ?? DASH })) : []),
    ];
  }),
  se_scoring_table: selfEvaluation((i, c) => [scoringTable(i, c)]),
};
