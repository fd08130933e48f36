// 档案管理情况: whether the archives passed their own acceptance, and what they hold (57号 Art. 26).
import type { ContentBuilders } from '../../filing.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { opt } from './shared.ts';

export const archives: ContentBuilders<AcceptanceReportInput> = {
  archives: (i, c) => [
    c.facts([
      ['archivesAccepted', c.label(i.archives.accepted ? 'archivesPassed' : 'archivesNotPassed')],
      ...opt(i.archives.date, (d) => ['archivesDate', c.date(d)] as const),
      ['archivesOrganiser', c.text(i.archives.organiser)],
      ...opt(i.archives.reference, (r) => ['archivesReference', normalizeDocNumber(r)] as const),
      ...opt(i.archives.volumes, (v) => ['archivesVolumes', String(v)] as const),
      ...opt(i.archives.electronicFiles, (v) => ['electronicFiles', String(v)] as const),
    ]),
    ...c.paras(i.archives.summary),
  ],
};
