// How the workbench's form of this filing groups its input under the document's chapters (section ids).
import type { FormPart } from '../filing.ts';

export const form: FormPart[] = [
  { section: 'overview', keys: ['kind', 'reportDate', 'year', 'docNo', 'approval', 'contact'], variant: 'annual' },
  { section: 'annual_targets', keys: ['annualTargets'], variant: 'annual' },
  { section: 'construction_progress', keys: ['progress', 'milestones', 'contracts', 'seriousDelay'], variant: 'annual' },
  { section: 'investment_execution', keys: ['investment', 'investmentLoss'], variant: 'annual' },
  { section: 'trial_operation', keys: ['trialOperation'], variant: 'annual' },
  { section: 'indicator_completion', keys: ['indicators'], variant: 'annual' },
  { section: 'opinions', keys: ['userUnitOpinions', 'supervisorOpinion'], variant: 'annual' },
  { section: 'issues', keys: ['problems'], variant: 'annual' },
  { section: 'next_year_plan', keys: ['nextYearPlan'], variant: 'annual' },
  { section: 'annual_submission', keys: ['recipients'], variant: 'annual' },
  { section: 'overview', keys: ['kind', 'evaluationDate', 'docNo', 'approval', 'completionDate', 'acceptanceDate', 'operationStartDate', 'actualInvestment', 'contact'], variant: 'self-evaluation' },
  { section: 'se_approach', keys: ['framework', 'frameworkName', 'weightsRationale', 'approach'], variant: 'self-evaluation' },
  { section: 'se_decision_management', keys: ['assessment.decisionManagement'], variant: 'self-evaluation' },
  { section: 'se_outputs', keys: ['assessment.outputs'], variant: 'self-evaluation' },
  { section: 'se_outcomes', keys: ['assessment.outcomes', 'assessment.sharing', 'sharingStats'], variant: 'self-evaluation' },
  { section: 'se_satisfaction', keys: ['satisfactionSurvey'], variant: 'self-evaluation' },
  { section: 'se_operation_security', keys: ['assessment.operationSecurity', 'oAndMSpend', 'securityAssessments'], variant: 'self-evaluation' },
  { section: 'se_conclusion', keys: ['totalScore', 'grade', 'conclusion', 'thirdPartyPostEvaluation'], variant: 'self-evaluation' },
  { section: 'se_problems', keys: ['problems', 'lessons'], variant: 'self-evaluation' },
  { section: 'se_submission', keys: ['recipients'], variant: 'self-evaluation' },
  { section: 'se_scoring_table', keys: ['indicatorTree'], variant: 'self-evaluation' },
];
