// Cases for the K rules (绩效评价: annual in-construction report and post-acceptance self-evaluation). `pass` is the last
// compliant input at each rule's boundary, `mutate` the first that is not, both worked out by hand from the measure.
import type { RuleCase } from './rule-case.ts';
import { gradeFor } from '../../src/core/filings/performance-evaluation/figures.ts';

const PE = 'performance-evaluation' as const;
/** Annual report 2025, construction 2024-07 to 2026-06, trial operation since 2025-07. */
const NAT_ANNUAL = 'national-annual-emergency-platform';
/** Annual report 2025, past the approved completion (2025-10-31) with a serious delay reported. */
const DIS_ANNUAL = 'district-annual-urban-operation';
/**
 * Accepted 2024-04-26, in operation from 2024-05-06, so 验收投产 is 2024-05-06 and the window runs from 2025-05-06 to
 * 2026-05-06 (a Wednesday, a working day); evaluated 2025-09-19, 89.29 points, 良. Level-1 weights: 决策 12, 过程 18,
 * 产出 40, 效益 30.
 */
const NAT_SELF = 'national-self-evaluation-traceability';
/** Accepted 2023-08-18, in operation from 2023-08-21 (window 2024-08-21 to 2025-08-21), evaluated 2024-11-20. */
const DIS_SELF = 'district-self-evaluation-one-network';

type Input = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Moves weight from the 产出 rows (7–12, in order) to the first 决策 row, scores kept at or under their weights. */
function shiftOutputToDecision(i: Input, points: number): void {
  let left = Math.round(points * 100);
  for (let n = 7; n <= 12 && left > 0; n++) {
    const row = i.indicatorTree[n];
    const take = Math.min(left, Math.round(row.weight * 100));
    row.weight = (Math.round(row.weight * 100) - take) / 100;
    row.score = Math.min(row.score, row.weight);
    left -= take;
  }
  i.indicatorTree[0].weight = Math.round((i.indicatorTree[0].weight + points) * 100) / 100;
}

/** A unit self-evaluation table (预算执行率 / 产出 / 效益 / 满意度) with the given level-1 weights. */
function unitTable(i: Input, weights: [number, number, number, number]): void {
  const row = (level1: string, aspect: string, weight: number) => ({ aspect, level1, level2: level1, level3: `${level1}指标`, weight, target: 100, actual: 100, score: weight });
  i.indicatorTree = [row('预算执行率', 'decision-management', weights[0]), row('产出指标', 'output', weights[1]), row('效益指标', 'outcome', weights[2]), row('服务对象满意度', 'satisfaction', weights[3])];
  i.totalScore = 100;
  i.grade = 'excellent';
}

export const K_CASES: RuleCase[] = [
  // K1: before each year-end — 2025-12-31 is the last day of 2025.
  { rule: 'K1', filing: PE, sample: NAT_ANNUAL, pass: (i) => (i.reportDate = '2025-12-31'), mutate: (i) => (i.reportDate = '2026-01-01'), paths: ['/reportDate'] },
  {
    rule: 'K1',
    filing: PE,
    sample: NAT_ANNUAL,
    mutate: (i) => {
      i.year = 2023;
      i.reportDate = '2023-12-20';
    },
    paths: ['/year'],
  },
  // After the approved completion year with no serious delay reported.
  {
    rule: 'K1',
    filing: PE,
    sample: DIS_ANNUAL,
    mutate: (i) => {
      i.year = 2026;
      i.reportDate = '2026-12-18';
      delete i.seriousDelay;
    },
    paths: ['/year'],
  },
  // K2: one line of the investment plan is enough; none is not.
  { rule: 'K2', filing: PE, sample: NAT_ANNUAL, pass: (i) => (i.investment.plan = [i.investment.plan[0]]), mutate: (i) => (i.investment.plan = []), paths: ['/investment/plan'] },
  { rule: 'K2', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.progress, paths: ['/progress'] },
  { rule: 'K3', filing: PE, sample: NAT_ANNUAL, pass: (i) => (i.trialOperation.effects = [i.trialOperation.effects[0]]), mutate: (i) => delete i.trialOperation.effects, paths: ['/trialOperation/effects'] },
  { rule: 'K3', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.trialOperation.problems, paths: ['/trialOperation/problems'] },
  { rule: 'K4', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.supervisorOpinion, paths: ['/supervisorOpinion'] },
  { rule: 'K4', filing: PE, sample: DIS_ANNUAL, pass: (i) => (i.userUnitOpinions = [i.userUnitOpinions[0]]), mutate: (i) => (i.userUnitOpinions = []), paths: ['/userUnitOpinions'] },
  // K5: exactly the approving department and the finance department.
  { rule: 'K5', filing: PE, sample: DIS_ANNUAL, pass: (i) => (i.recipients = [i.project.approvingDepartment, i.project.financeDepartment]), mutate: (i) => (i.recipients = [i.recipients[0]]), paths: ['/recipients'] },
  { rule: 'K5', filing: PE, sample: DIS_ANNUAL, mutate: (i) => delete i.project.financeDepartment, paths: ['/project/financeDepartment'] },

  // K6: [验收投产 + 12 months, 验收投产 + 24 months], 验收投产 = the later of acceptance and entry into operation.
  { rule: 'K6', filing: PE, sample: NAT_SELF, pass: (i) => (i.evaluationDate = '2026-05-06'), mutate: (i) => (i.evaluationDate = '2026-05-07'), paths: ['/evaluationDate'] },
  // 12 months after the acceptance (2025-04-26) is not yet 12 months after 验收投产 (2025-05-06).
  { rule: 'K6', filing: PE, sample: NAT_SELF, pass: (i) => (i.evaluationDate = '2025-05-06'), mutate: (i) => (i.evaluationDate = '2025-05-05'), paths: ['/evaluationDate'] },
  { rule: 'K6', filing: PE, sample: DIS_SELF, pass: (i) => (i.evaluationDate = '2024-08-21'), mutate: (i) => (i.evaluationDate = '2024-08-20'), paths: ['/evaluationDate'] },
  // The window ending in a holiday: in operation from 2023-10-01, 24 months end on 2025-10-01, moved to 2025-10-09.
  {
    rule: 'K6',
    filing: PE,
    sample: NAT_SELF,
    pass: (i) => {
      i.acceptanceDate = '2023-09-28';
      i.operationStartDate = '2023-10-01';
      i.evaluationDate = '2025-10-09';
    },
    mutate: (i) => {
      i.acceptanceDate = '2023-09-28';
      i.operationStartDate = '2023-10-01';
      i.evaluationDate = '2025-10-10';
    },
    paths: ['/evaluationDate'],
    message: '顺延至2025年10月9日',
  },
  // Operation starting after the evaluation: the window moves past it too.
  { rule: 'K6', filing: PE, sample: NAT_SELF, mutate: (i) => (i.operationStartDate = '2025-10-01'), paths: ['/evaluationDate', '/operationStartDate'] },

  { rule: 'K7', filing: PE, sample: NAT_SELF, pass: (i) => (i.recipients = [i.project.approvingDepartment, i.project.financeDepartment]), mutate: (i) => (i.recipients = [i.recipients[0]]), paths: ['/recipients'] },
  { rule: 'K7', filing: PE, sample: DIS_SELF, mutate: (i) => (i.recipients = [i.recipients[1]]), paths: ['/recipients'] },
  // The district measure sends the self-evaluation to the Integrated Management Office only: no finance needed.
  { rule: 'K7', filing: PE, sample: DIS_SELF, mutate: (i) => (i.recipients = [i.recipients[0]]), paths: [] },

  // K8: 90.00 is 优, 89.99 is not (one row's score raised from 3 to 3.71, or to 3.70).
  {
    rule: 'K8',
    filing: PE,
    sample: NAT_SELF,
    pass: (i) => {
      i.indicatorTree[1].score = 3.71;
      i.totalScore = 90;
      i.grade = 'excellent';
    },
    mutate: (i) => {
      i.indicatorTree[1].score = 3.7;
      i.totalScore = 89.99;
      i.grade = 'excellent';
    },
    paths: ['/grade'],
  },
  { rule: 'K8', filing: PE, sample: NAT_SELF, mutate: (i) => (i.indicatorTree[0].weight = 9), paths: ['/indicatorTree'] },
  { rule: 'K8', filing: PE, sample: NAT_SELF, mutate: (i) => (i.totalScore = 88.29), paths: ['/totalScore'] },
  {
    rule: 'K8',
    filing: PE,
    sample: NAT_SELF,
    pass: (i) => {
      // A score equal to its weight.
      const row = i.indicatorTree[1];
      i.totalScore = Math.round((i.totalScore - row.score + row.weight) * 100) / 100;
      row.score = row.weight;
      i.grade = gradeFor(i.totalScore);
    },
    mutate: (i) => {
      // A score above its weight, with the total and grade kept consistent so only that finding remains.
      const row = i.indicatorTree[1];
      i.totalScore = Math.round((i.totalScore - row.score + row.weight + 0.5) * 100) / 100;
      row.score = row.weight + 0.5;
      i.grade = gradeFor(i.totalScore);
    },
    paths: ['/indicatorTree/1/score'],
  },
  {
    rule: 'K9',
    filing: PE,
    sample: NAT_ANNUAL,
    // An indicator without a value yet, but with the reason.
    pass: (i) => {
      delete i.indicators[1].actual;
      i.indicators[1].deviationReason = '试运行数据尚不完整，年底前完成测算。';
    },
    mutate: (i) => {
      i.indicators.splice(2, 1);
      delete i.indicators[3].deviationReason;
    },
    paths: ['/project/performanceTargets/2', '/indicators/3/deviationReason'],
  },
  { rule: 'K9', filing: PE, sample: NAT_SELF, mutate: (i) => (i.indicatorTree[7].level3 = '接入主体数量'), paths: ['/project/performanceTargets/0'] },

  // K10 (10号 as usually read): the 决策 / 过程 / 产出 / 效益 framework with 产出 + 效益 at 60 or more — 30 + 30 passes,
  // 29.99 + 30 does not.
  { rule: 'K10', filing: PE, sample: NAT_SELF, pass: (i) => shiftOutputToDecision(i, 10), mutate: (i) => shiftOutputToDecision(i, 10.01), paths: ['/indicatorTree'] },
  // …unless the report says why.
  {
    rule: 'K10',
    filing: PE,
    sample: NAT_SELF,
    pass: (i) => {
      shiftOutputToDecision(i, 20);
      i.weightsRationale = ['项目处于运行初期，效益尚未充分显现，适当提高决策和过程指标权重。'];
    },
    mutate: (i) => shiftOutputToDecision(i, 20),
    paths: ['/indicatorTree'],
  },
  // A unit self-evaluation: 预算执行率 10, 产出 50, 效益 30, 满意度 10; 产出 49 and 效益 31 depart from it.
  {
    rule: 'K10',
    filing: PE,
    sample: DIS_SELF,
    pass: (i) => {
      i.framework = 'mof-2020-10';
      unitTable(i, [10, 50, 30, 10]);
    },
    mutate: (i) => {
      i.framework = 'mof-2020-10';
      unitTable(i, [10, 49, 31, 10]);
    },
    paths: ['/indicatorTree'],
  },
];
