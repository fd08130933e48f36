// Cases for the K rules (绩效评价: annual in-construction report and post-acceptance self-evaluation).
import type { RuleCase } from './rule-case.ts';
import { gradeFor } from '../../src/core/filings/performance-evaluation/figures.ts';

const PE = 'performance-evaluation' as const;
/** Annual report 2025, construction 2024-07 to 2026-06, trial operation since 2025-07. */
const NAT_ANNUAL = 'national-annual-emergency-platform';
/** Annual report 2025, past the approved completion (2025-10-31) with a serious delay reported. */
const DIS_ANNUAL = 'district-annual-urban-operation';
/** Accepted 2024-04-26, evaluated 2025-09-19, 89.29 points, 良. */
const NAT_SELF = 'national-self-evaluation-traceability';
/** Accepted 2023-08-18, evaluated 2024-11-20. */
const DIS_SELF = 'district-self-evaluation-one-network';

export const K_CASES: RuleCase[] = [
  { rule: 'K1', filing: PE, sample: NAT_ANNUAL, mutate: (i) => (i.reportDate = '2026-01-09'), paths: ['/reportDate'] },
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
  { rule: 'K2', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.progress, paths: ['/progress'] },
  { rule: 'K2', filing: PE, sample: NAT_ANNUAL, mutate: (i) => (i.investment.plan = []), paths: ['/investment/plan'] },
  { rule: 'K3', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.trialOperation.effects, paths: ['/trialOperation/effects'] },
  { rule: 'K3', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.trialOperation.problems, paths: ['/trialOperation/problems'] },
  { rule: 'K4', filing: PE, sample: NAT_ANNUAL, mutate: (i) => delete i.supervisorOpinion, paths: ['/supervisorOpinion'] },
  { rule: 'K4', filing: PE, sample: DIS_ANNUAL, mutate: (i) => (i.userUnitOpinions = []), paths: ['/userUnitOpinions'] },
  { rule: 'K5', filing: PE, sample: DIS_ANNUAL, mutate: (i) => (i.recipients = [i.recipients[0]]), paths: ['/recipients'] },
  { rule: 'K5', filing: PE, sample: DIS_ANNUAL, mutate: (i) => delete i.project.financeDepartment, paths: ['/project/financeDepartment'] },
  // Window [acceptance + 12 months, acceptance + 24 months]: too late, too early, operation after the evaluation.
  { rule: 'K6', filing: PE, sample: NAT_SELF, mutate: (i) => (i.evaluationDate = '2026-04-27'), paths: ['/evaluationDate'] },
  { rule: 'K6', filing: PE, sample: DIS_SELF, mutate: (i) => (i.evaluationDate = '2024-08-17'), paths: ['/evaluationDate'] },
  { rule: 'K6', filing: PE, sample: NAT_SELF, mutate: (i) => (i.operationStartDate = '2025-10-01'), paths: ['/operationStartDate'] },
  { rule: 'K7', filing: PE, sample: NAT_SELF, mutate: (i) => (i.recipients = [i.recipients[0]]), paths: ['/recipients'] },
  { rule: 'K7', filing: PE, sample: DIS_SELF, mutate: (i) => (i.recipients = [i.recipients[1]]), paths: ['/recipients'] },
  // The district measure sends the self-evaluation to the Integrated Management Office only: no finance needed.
  { rule: 'K7', filing: PE, sample: DIS_SELF, mutate: (i) => (i.recipients = [i.recipients[0]]), paths: [] },
  { rule: 'K8', filing: PE, sample: NAT_SELF, mutate: (i) => (i.grade = 'excellent'), paths: ['/grade'] },
  { rule: 'K8', filing: PE, sample: NAT_SELF, mutate: (i) => (i.indicatorTree[0].weight = 9), paths: ['/indicatorTree'] },
  { rule: 'K8', filing: PE, sample: NAT_SELF, mutate: (i) => (i.totalScore = 88.29), paths: ['/totalScore'] },
  {
    rule: 'K8',
    filing: PE,
    sample: NAT_SELF,
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
    mutate: (i) => {
      i.indicators.splice(2, 1);
      delete i.indicators[3].deviationReason;
    },
    paths: ['/project/performanceTargets/2', '/indicators/3/deviationReason'],
  },
  { rule: 'K9', filing: PE, sample: NAT_SELF, mutate: (i) => (i.indicatorTree[7].level3 = '接入主体数量'), paths: ['/project/performanceTargets/0'] },
];
