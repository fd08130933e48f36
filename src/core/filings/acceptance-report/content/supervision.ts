// 工程监理情况: the supervisor, its report and its opinion (57号 Art. 19).
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { perLanguage } from '../../prose/bilingual.ts';
import { docRef } from '../../prose/references.ts';
import { opt } from './shared.ts';

export const supervision: ContentBuilders<AcceptanceReportInput> = {
  supervision: (i, c) => [
    c.facts([
      ['supervisor', c.text(i.supervision.supervisor)],
      ...opt(i.supervision.creditCode, (x) => ['creditCode', x] as const),
      ...opt(i.supervision.contractAmount, (x) => ['contractAmount', c.wan(x)] as const),
      ['supervisionReport', perLanguage(c, (l) => docRef(l, i.supervision.report, { asIssued: true }), '\n')],
    ]),
    ...c.paras(i.supervision.opinion),
  ],
};
