// 延期验收申请: the official letter (请示) asking the approving department to extend the acceptance deadline.
import { defineFiling } from '../filing.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { AcceptanceExtensionInput } from './schema.ts';
import { sections } from './sections.ts';
import { EXTENSION_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';
import type { ContentContext } from '../content-context.ts';
import type { Letterhead } from '../filing.ts';

/** 版头 and 版记 of the request, when the input names its issuer (GB/T 9704 §7.2, §7.4). */
function letterhead(i: AcceptanceExtensionInput, c: ContentContext): Letterhead {
  const a = i.application;
  const issuer = c.text(a.issuer!);
  const en = c.lang === 'en';
  return {
    issuerMark: c.labelInline('issuerMark', { issuer }),
    signers: a.signers ? c.labelInline('signers', { names: a.signers.map((n) => c.text(n)).join(en ? ', ' : '　') }) : '',
    // §7.4.2: 抄送机关 separated by commas, a full stop after the last.
    copyTo: a.copyTo ? c.labelInline('copyTo', { list: a.copyTo.map((o) => c.text(o)).join(en ? ', ' : '，') }) : '',
    printedBy: a.printedBy ? c.text(a.printedBy) : issuer,
    printedOn: c.labelInline('printedOn', { date: c.date(a.printedOn ?? a.date) }),
  };
}

export const acceptanceExtension = defineFiling({
  id: 'acceptance-extension',
  schema: AcceptanceExtensionInput,
  layout: 'letter',
  sections,
  rules: EXTENSION_RULES,
  content,
  form,
  dateOf: (i) => i.application.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => ({
    title: c.label('letterTitle', { project: c.text(i.project.name) }),
    unit: c.text(i.project.constructionUnit.name),
    ...(i.application.docNo ? { docNo: normalizeDocNumber(i.application.docNo) } : {}),
    ...(i.application.issuer ? { letterhead: letterhead(i, c) } : {}),
  }),
});
