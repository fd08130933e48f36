// Section registry of the toy filing: a summary, progress with its milestones, risks when there are any, a district note.
import type { SectionDef } from '../../src/core/filings/filing.ts';
import { art } from '../../src/core/regulations/documents.ts';
import type { QuarterlyProgressInput } from './schema.ts';

export const sections: SectionDef<QuarterlyProgressInput>[] = [
  { id: 'summary', level: 1, binding: 'customary', citations: [{ doc: 'customary' }] },
  { id: 'progress', level: 1, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(20) }] },
  { id: 'milestones', level: 2, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(20) }] },
  {
    id: 'risks',
    level: 1,
    binding: 'customary',
    citations: [{ doc: 'customary' }],
    when: { id: 'has_risks', description: { zh: '列有风险时', en: 'when risks are listed' }, test: (i) => i.risks.length > 0 },
  },
  { id: 'district_note', level: 1, binding: 'local', profiles: ['district'], citations: [{ doc: 'district-measure', article: art(14) }] },
];
