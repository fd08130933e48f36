// How the workbench's form of this filing groups its input under the document's chapters (section ids).
import type { FormPart } from '../filing.ts';

export const form: FormPart[] = [
  { section: 'overview', keys: ['report', 'draftingOrg', 'basisDocuments', 'inNationalPlan', 'centralLocal', 'proposalApproval', 'changesSinceProposal', 'overview'] },
  { section: 'unit_profile', keys: ['unitProfile'] },
  { section: 'necessity', keys: ['necessity', 'requirements'] },
  { section: 'overall_scheme', keys: ['overallScheme'] },
  { section: 'phase_scheme', keys: ['phaseScheme', 'productSafety', 'cryptography', 'protection', 'cloud'] },
  { section: 'sharing', keys: ['sharingChapter'] },
  { section: 'tendering', keys: ['tendering'] },
  { section: 'environment_energy', keys: ['energy'] },
  { section: 'social_stability', keys: ['socialStabilityRisk'] },
  { section: 'organisation', keys: ['organisation'] },
  { section: 'schedule', keys: ['schedule'] },
  { section: 'investment', keys: ['investment'] },
  { section: 'benefits', keys: ['benefits', 'evaluationIndicators'] },
  { section: 'risks', keys: ['risks', 'riskManagement'] },
  { section: 'annexes', keys: ['attachments'] },
];
