// How the workbench's form of this filing groups its input under the document's chapters (section ids).
import type { FormPart } from '../filing.ts';

export const form: FormPart[] = [
  { section: 'project_summary', keys: ['proposal', 'overview'] },
  { section: 'unit_profile', keys: ['unitProfile'] },
  { section: 'necessity', keys: ['necessity', 'previousProject'] },
  { section: 'requirements', keys: ['requirements'] },
  { section: 'overall_scheme', keys: ['overallScheme'] },
  { section: 'phase_scheme', keys: ['phaseScheme'] },
  { section: 'organisation', keys: ['organisation'] },
  { section: 'schedule', keys: ['schedule'] },
  { section: 'investment', keys: ['investment', 'centralLocal'] },
  { section: 'benefits_risks', keys: ['benefits', 'risks'] },
  { section: 'performance', keys: ['performanceOverview'] },
  { section: 'framework_scheme', keys: ['frameworkScheme'] },
  { section: 'attachments', keys: ['requirementsReport', 'attachments'] },
];
