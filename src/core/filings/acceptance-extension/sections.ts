// Section registry of the 延期验收申请: the parts of an official letter (GB/T 9704) around what 57号 Art. 25 asks for.
import { art, item } from '../../regulations/documents.ts';
import type { SectionDef } from '../filing.ts';
import { profilesWhere } from '../../regulations/profiles.ts';
import type { AcceptanceExtensionInput } from './schema.ts';

type I = AcceptanceExtensionInput;

export const sections: SectionDef<I>[] = [
  { id: 'title', level: 1, style: 'title', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.1', '7.3.1') }] },
  { id: 'addressee', level: 1, style: 'addressee', binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }, { doc: 'gbt-9704-2012', article: item('7.3.2', '7.3.2') }] },
  { id: 'opening', level: 1, style: 'body', binding: 'customary', citations: [{ doc: 'customary' }] },
  { id: 'approval', level: 1, binding: 'customary', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'progress', level: 1, binding: 'customary', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'reasons', level: 1, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  { id: 'remaining_work', level: 1, binding: 'customary', citations: [{ doc: 'customary' }] },
  { id: 'requested_date', level: 1, binding: 'national', citations: [{ doc: 'gbf-2019-57', article: art(25) }] },
  {
    id: 'funding_freeze',
    level: 1,
    binding: 'local',
    profiles: profilesWhere((p) => p.acceptance.fundsWithheldUntilAccepted !== null),
    citations: [{ doc: 'district-measure', article: art(19) }],
  },
  { id: 'closing', level: 1, style: 'closing', binding: 'customary', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.3', '7.3.3') }] },
  {
    id: 'attachments',
    level: 1,
    style: 'attachments',
    binding: 'customary',
    citations: [{ doc: 'gbt-9704-2012', article: item('7.3.4', '7.3.4') }],
    when: { id: 'has_attachments', description: { zh: '列有附件时', en: 'when attachments are listed' }, test: (i) => i.attachments.length > 0 },
  },
  { id: 'signature', level: 1, style: 'signature', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.5', '7.3.5') }] },
  { id: 'note', level: 1, style: 'note', binding: 'national', citations: [{ doc: 'gbt-9704-2012', article: item('7.3.6', '7.3.6') }] },
];
