// The toy filing's chapters: the summary, progress with its milestone table, risks and the district note.
import type { ContentBuilders } from '../../../src/core/filings/filing.ts';
import { labelCol, no } from '../../../src/core/filings/prose/tables.ts';
import { milestonesDone } from '../figures.ts';
import type { QuarterlyProgressInput } from '../schema.ts';

export const progress: ContentBuilders<QuarterlyProgressInput> = {
  summary: (i, c) => c.paras(i.summary),
  progress: (i, c) => c.sentence('progressLead', (l) => ({ date: l.date(i.reportDate), percent: l.percent(i.percentComplete), done: milestonesDone(i), total: i.milestones.length })),
  milestones: (i, c) => [
    c.table(
      [labelCol(c, 'no', 1, 'center'), labelCol(c, 'milestone', 6), labelCol(c, 'due', 3, 'center'), labelCol(c, 'done', 2, 'center')],
      i.milestones.map((m, n) => [no(n), c.text(m.name), c.date(m.due), c.label(m.done ? 'yes' : 'no')]),
    ),
  ],
  risks: (i, c) => c.list(i.risks),
  district_note: (_, c) => c.sentence('districtNote', () => ({})),
};
