// 延期验收申请: the official letter (请示) asking the approving department to extend the acceptance deadline.
import { defineFiling } from '../filing.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { AcceptanceExtensionInput } from './schema.ts';
import { sections } from './sections.ts';
import { EXTENSION_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';

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
  }),
});
