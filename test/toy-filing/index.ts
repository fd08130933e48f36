// A toy sixth filing, 季度进展简报, defined the way docs/adding-a-filing.md describes, but outside the service's list.
import { defineFiling } from '../../src/core/filings/filing.ts';
import { reportCover } from '../../src/core/filings/content-context.ts';
import { QuarterlyProgressInput } from './schema.ts';
import { sections } from './sections.ts';
import { QUARTERLY_RULES } from './rules.ts';
import { messages } from './messages.ts';
import { progress } from './content/progress.ts';

export const quarterlyProgress = defineFiling({
  id: 'quarterly-progress',
  schema: QuarterlyProgressInput,
  layout: 'report',
  sections,
  rules: QUARTERLY_RULES,
  content: { ...progress },
  dateOf: (i) => i.reportDate,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project),
  messages,
});
