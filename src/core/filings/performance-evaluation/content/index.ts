// The content of the 绩效评价报告, by section id: the overview of both kinds, then the annual report's chapters and the
// self-evaluation's.
import type { ContentBuilders } from '../../filing.ts';
import type { PerformanceEvaluationInput } from '../schema.ts';
import { overview } from './overview.ts';
import { annualProgress } from './annual-progress.ts';
import { annualInvestment } from './annual-investment.ts';
import { annualOperation } from './annual-operation.ts';
import { annualIssues } from './annual-issues.ts';
import { selfApproach } from './self-approach.ts';
import { selfAssessment } from './self-assessment.ts';
import { selfConclusion } from './self-conclusion.ts';

export const content: ContentBuilders<PerformanceEvaluationInput> = {
  ...overview,
  ...annualProgress,
  ...annualInvestment,
  ...annualOperation,
  ...annualIssues,
  ...selfApproach,
  ...selfAssessment,
  ...selfConclusion,
};
