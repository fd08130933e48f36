// 附件: the materials 57号 Art. 25 requires with the application, then any others.
import type { ContentBuilders } from '../../filing.ts';
import type { Table } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import { ART25_KINDS, type AcceptanceReportInput } from '../schema.ts';
import { isThirdParty, issuerOf, numberOf } from '../figures.ts';
import { labelCol } from '../../prose/tables.ts';

type I = AcceptanceReportInput;
type Attachment = I['attachments'][number];

/** A third party's report number as it issued it; only the 文号 of official documents take the 〔〕 form. */
function numberText(i: I, c: ContentContext, a: Attachment): string {
  const n = numberOf(i, a);
  if (n === undefined) return '—';
  return isThirdParty(a) ? c.text(n) : normalizeDocNumber(c.text(n));
}

/** Who issued it: as given, or the body the report names for it (never the construction unit for a third party's report). */
function issuerText(i: I, c: ContentContext, a: Attachment): string {
  const by = issuerOf(i, a);
  return by === undefined ? '—' : c.text(by);
}

function attachmentTable(i: I, c: ContentContext, rows: I['attachments'], offset: number): Table {
  return c.table(
    [labelCol(c, 'attachmentNo', 3, 'center'), labelCol(c, 'material', 7), labelCol(c, 'numberCol', 4), labelCol(c, 'issuer', 5), labelCol(c, 'date', 3, 'center')],
    rows.map((x, k) => [
      c.labelInline('attachmentN', { n: offset + k + 1 }),
      c.label(`kindOf.${x.kind}`) + (x.title ? `\n${c.text(x.title)}` : ''),
      numberText(i, c, x),
      issuerText(i, c, x),
      x.date ? c.date(x.date) : '—',
    ]),
  );
}

const required = (i: I) => i.attachments.filter((x) => ART25_KINDS.includes(x.kind));

export const attachments: ContentBuilders<I> = {
  attachments: (i, c) => c.sentence('attachmentsLead', (l) => ({ count: i.attachments.length, department: l.text(i.project.approvingDepartment) })),
  required_materials: (i, c) => [...c.sentence('requiredMaterialsLead', () => ({})), attachmentTable(i, c, required(i), 0)],
  other_attachments: (i, c) => [
    attachmentTable(
      i,
      c,
      i.attachments.filter((x) => !ART25_KINDS.includes(x.kind)),
      required(i).length,
    ),
  ],
};
