// Section registry of the 绩效评价报告: the annual in-construction report's chapters and the self-evaluation's, chosen by `kind`.
import { art } from '../../regulations/documents.ts';
import type { SectionCondition, SectionDef } from '../filing.ts';
import type { PerformanceEvaluationInput } from './schema.ts';

type I = PerformanceEvaluationInput;

const cond = (id: string, zh: string, en: string, test: (i: I) => boolean): SectionCondition<I> => ({ id, description: { zh, en }, test });

const KIND_ANNUAL = cond('kind_annual', '建设期年度绩效报告', 'annual in-construction report', (i) => i.kind === 'annual');
const KIND_SELF = cond('kind_self_evaluation', '项目验收投运后的自评价报告', 'post-acceptance self-evaluation', (i) => i.kind === 'self-evaluation');
const HAS_CONTRACTS = cond('annual_has_contracts', '列有合同时', 'when contracts are listed', (i) => i.kind === 'annual' && i.contracts.length > 0);
const IN_TRIAL = cond('annual_trial_operation', '系统已投入试运行时', 'when systems are in trial operation', (i) => i.kind === 'annual' && i.trialOperation.inOperation);
const SERIOUS_DELAY = cond('annual_serious_delay', '项目出现严重逾期时', 'when the project is seriously delayed', (i) => i.kind === 'annual' && i.seriousDelay !== undefined);
const INVESTMENT_LOSS = cond('annual_investment_loss', '项目出现重大投资损失时', 'when a major investment loss occurred', (i) => i.kind === 'annual' && i.investmentLoss !== undefined);

const N57 = (n: number) => ({ doc: 'gbf-2019-57' as const, article: art(n) });
const DISTRICT = (n: number) => ({ doc: 'district-measure' as const, article: art(n) });
const CUSTOMARY = { doc: 'customary' as const };
const MOF10 = { doc: 'cy-2020-10' as const };

export const sections: SectionDef<I>[] = [
  // Both kinds
  { id: 'overview', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(9)] },

  // Annual in-construction report (57号 Art. 20–21; district measure Art. 14)
  { id: 'annual_targets', level: 1, binding: 'national', citations: [N57(20)], when: KIND_ANNUAL },
  { id: 'construction_progress', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },
  { id: 'progress_overview', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'progress_milestones', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'progress_contracts', level: 2, binding: 'customary', citations: [CUSTOMARY], when: HAS_CONTRACTS },
  { id: 'investment_execution', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },
  { id: 'investment_plan_execution', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'budget_execution', level: 2, binding: 'national', citations: [N57(20), N57(22)] },
  { id: 'trial_operation', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: IN_TRIAL },
  { id: 'trial_operation_effects', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'trial_operation_problems', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'indicator_completion', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(20)], when: KIND_ANNUAL },
  { id: 'opinions', level: 1, binding: 'national', citations: [N57(20)], when: KIND_ANNUAL },
  { id: 'user_unit_opinions', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'supervisor_opinion', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'issues', level: 1, binding: 'national', citations: [N57(21)], when: KIND_ANNUAL },
  { id: 'issues_rectification', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'serious_delay', level: 2, binding: 'national', citations: [N57(21)], when: SERIOUS_DELAY },
  { id: 'investment_loss', level: 2, binding: 'national', citations: [N57(21)], when: INVESTMENT_LOSS },
  { id: 'next_year_plan', level: 1, binding: 'customary', citations: [CUSTOMARY], when: KIND_ANNUAL },
  { id: 'annual_submission', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },

  // Post-acceptance self-evaluation (57号 Art. 27; district measure Art. 20; 财预〔2020〕10号)
  { id: 'se_targets', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(9)], when: KIND_SELF },
  { id: 'se_approach', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_decision_management', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_outputs', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_outcomes', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_application_benefits', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'se_information_sharing', level: 2, binding: 'customary', citations: [CUSTOMARY, { doc: 'gf-2016-51' }] },
  { id: 'se_satisfaction', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_operation_security', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(28)], when: KIND_SELF },
  { id: 'se_conclusion', level: 1, binding: 'national', citations: [N57(27), MOF10, DISTRICT(20)], when: KIND_SELF },
  { id: 'se_problems', level: 1, binding: 'customary', citations: [CUSTOMARY], when: KIND_SELF },
  { id: 'se_submission', level: 1, binding: 'national', citations: [N57(27), DISTRICT(20)], when: KIND_SELF },
  { id: 'se_scoring_table', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
];
