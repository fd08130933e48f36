// How the workbench's form of this filing groups its input under the document's chapters (section ids).
import type { FormPart } from '../filing.ts';

export const form: FormPart[] = [
  { section: 'overview', keys: ['report', 'approvals', 'construction', 'acceptance'] },
  { section: 'task_completion', keys: ['tasks', 'changes'] },
  { section: 'investment', keys: ['investment'] },
  { section: 'procurement', keys: ['procurement'] },
  { section: 'supervision', keys: ['supervision'] },
  { section: 'testing', keys: ['tests', 'trialRun'] },
  { section: 'security', keys: ['security', 'crypto'] },
  { section: 'product_safety_energy', keys: ['productSafety', 'energy'] },
  { section: 'sharing', keys: ['sharing'] },
  { section: 'archives', keys: ['archives'] },
  { section: 'performance', keys: ['results', 'performanceResults'] },
  { section: 'operation', keys: ['operation'] },
  { section: 'open_issues', keys: ['openIssues'] },
  { section: 'attachments', keys: ['attachments'] },
];
