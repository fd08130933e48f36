// The self-evaluation's assessment chapters: decision and management, outputs, outcomes (with information sharing),
// satisfaction, and operation and security, each with the indicator rows it discusses.
import type { ContentBuilders } from '../../filing.ts';
import { DASH, pct, qty, ratio, value } from '../../prose/numbers.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { sumPoints } from '../figures.ts';
import type { PerformanceEvaluationInput, SelfEvaluation } from '../schema.ts';
import { paren } from '../../prose/punctuation.ts';
import { selfEvaluation } from './shared.ts';
import { sumWan } from '../../../format/format.ts';
import { labelCol } from '../../prose/tables.ts';

type Row = SelfEvaluation['indicatorTree'][number];

function aspectTable(i: SelfEvaluation, c: ContentContext, aspect: Row['aspect']): Block[] {
  const rows = i.indicatorTree.filter((r) => r.aspect === aspect);
  if (!rows.length) return [];
  return [
    c.table(
      [{ ...labelCol(c, 'level2', 3), group: true }, labelCol(c, 'level3', 5), labelCol(c, 'targetValue', 2.5, 'right'), labelCol(c, 'actualValue', 2.5, 'right'), labelCol(c, 'weight', 1.5, 'right'), labelCol(c, 'score', 1.5, 'right')],
      rows.map((r) => [c.text(r.level2), c.text(r.level3) + (r.unit ? paren(c, c.text(r.unit)) : ''), value(c, r.target), value(c, r.actual), qty(r.weight), qty(r.score)]),
      [c.label('subtotal'), '', '', '', qty(sumPoints(rows.map((r) => r.weight))), qty(sumPoints(rows.map((r) => r.score)))],
    ),
  ];
}

function sharingBlocks(i: SelfEvaluation, c: ContentContext): Block[] {
  const st = i.sharingStats;
  return [
    ...c.sentence('sharingSummary', (l) => ({
      date: l.date(st.asOf),
      catalogued: qty(st.resourcesCatalogued),
      shared: qty(st.resourcesShared),
      calls: qty(st.calls),
      shareRate: pct(l, ratio(st.resourcesShared, st.resourcesCatalogued)),
    })),
    c.facts([
      ['resourcesCatalogued', qty(st.resourcesCatalogued)],
      ['resourcesShared', qty(st.resourcesShared)],
      ['shareRate', pct(c, ratio(st.resourcesShared, st.resourcesCatalogued))],
      ['sharingCalls', qty(st.calls)],
      ...(st.consumerDepartments !== undefined ? ([['consumerDepartments', qty(st.consumerDepartments)]] as const) : []),
      ...(st.dataVolume ? ([['dataVolume', c.text(st.dataVolume)]] as const) : []),
    ]),
    ...(i.assessment.sharing ? c.paras(i.assessment.sharing) : []),
    ...aspectTable(i, c, 'sharing'),
  ];
}

function satisfactionBlocks(i: SelfEvaluation, c: ContentContext): Block[] {
  const s = i.satisfactionSurvey;
  return [
    ...c.sentence(s.validResponses !== undefined ? 'surveySummaryValid' : 'surveySummary', (l) => ({
      method: l.text(s.method),
      respondents: l.text(s.respondents),
      sample: qty(s.sampleSize),
      valid: s.validResponses !== undefined ? qty(s.validResponses) : '',
      rate: l.percent(s.rate),
    })),
    ...(s.from && s.to ? c.sentence('surveyPeriod', (l) => ({ from: l.date(s.from!), to: l.date(s.to!) })) : []),
    ...(s.findings ? c.paras(s.findings) : []),
    ...aspectTable(i, c, 'satisfaction'),
  ];
}

function operationSecurityBlocks(i: SelfEvaluation, c: ContentContext): Block[] {
  const om = i.oAndMSpend;
  const budget = sumWan(om.map((r) => r.budget));
  const spent = sumWan(om.map((r) => r.spent));
  return [
    ...c.paras(i.assessment.operationSecurity),
    ...c.sentence('omSpendLead', () => ({})),
    c.table(
      [labelCol(c, 'year', 2, 'center'), labelCol(c, 'omBudget', 3, 'right'), labelCol(c, 'omSpent', 3, 'right'), labelCol(c, 'executionRate', 2, 'right')],
      om.map((r) => [c.labelInline('yearValue', { year: r.year }), c.num(r.budget), c.num(r.spent), pct(c, ratio(r.spent, r.budget))]),
      [c.label('total'), c.num(budget), c.num(spent), pct(c, ratio(spent, budget))],
    ),
    ...(i.securityAssessments.length
      ? [
          ...c.sentence('assessmentsLead', () => ({})),
          c.table(
            [labelCol(c, 'no', 1, 'center'), labelCol(c, 'assessment', 4), labelCol(c, 'date', 3, 'center'), labelCol(c, 'agency', 4), labelCol(c, 'conclusion', 4)],
            i.securityAssessments.map((a, n) => [String(n + 1), c.label(`assessment_${a.kind}`), c.date(a.date), a.agency ? c.text(a.agency) : DASH, c.text(a.conclusion)]),
          ),
        ]
      : []),
    ...aspectTable(i, c, 'operation-security'),
  ];
}

export const selfAssessment: ContentBuilders<PerformanceEvaluationInput> = {
  se_decision_management: selfEvaluation((i, c) => [...c.paras(i.assessment.decisionManagement), ...aspectTable(i, c, 'decision-management')]),
  se_outputs: selfEvaluation((i, c) => [...c.paras(i.assessment.outputs), ...aspectTable(i, c, 'output')]),
  se_application_benefits: selfEvaluation((i, c) => [...c.paras(i.assessment.outcomes), ...aspectTable(i, c, 'outcome')]),
  se_information_sharing: selfEvaluation(sharingBlocks),
  se_satisfaction: selfEvaluation(satisfactionBlocks),
  se_operation_security: selfEvaluation(operationSecurityBlocks),
};
