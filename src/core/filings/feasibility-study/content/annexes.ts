// 附表、附件: the full 信息资源目录, one compact table per entry, and the documents filed with the report.
import type { ContentBuilders } from '../../filing.ts';
import { colon } from '../../prose/punctuation.ts';
import { docRef } from '../../prose/references.ts';
import { attachmentDocuments } from '../figures.ts';
import type { FeasibilityStudyInput } from '../schema.ts';
import { catalogueDetail } from './catalogue-tables.ts';

export const annexes: ContentBuilders<FeasibilityStudyInput> = {
  annex_sharing_catalogue: (i, c) => {
    const cat = i.sharingChapter.catalogue;
    return [...c.sentence('annexCatalogueLead', () => ({ n: cat.length })), ...cat.flatMap((e, n) => catalogueDetail(c, e, n))];
  },
  annex_documents: (i, c) => {
    const docs = attachmentDocuments(i);
    return c.both((l) => docs.map((d, n) => l.p(`${l.label('attachmentNo', { n: n + 1 })}${l.label(d.key)}${colon(l)}${docRef(l, d.doc)}`)));
  },
};
