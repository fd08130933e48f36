// The registry of filings: one line per filing.
import type { FilingDefinition, FilingId } from './filing.ts';
import { FILING_IDS } from './filing.ts';
import { acceptanceExtension } from './acceptance-extension/acceptance-extension.ts';
import { projectProposal } from './project-proposal/project-proposal.ts';
import { performanceEvaluation } from './performance-evaluation/performance-evaluation.ts';
import { acceptanceReport } from './acceptance-report/acceptance-report.ts';
import { feasibilityStudy } from './feasibility-study/feasibility-study.ts';

export const FILINGS: readonly FilingDefinition[] = [acceptanceExtension, performanceEvaluation, projectProposal, acceptanceReport, feasibilityStudy];

const BY_ID = new Map<string, FilingDefinition>(FILINGS.map((f) => [f.id, f]));

export function filingById(id: string): FilingDefinition | undefined {
  return BY_ID.get(id);
}

export function isFilingId(id: string): id is FilingId {
  return (FILING_IDS as readonly string[]).includes(id);
}
