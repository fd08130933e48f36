// The fixed parts of the request as an official letter (GB/T 9704 §7.3): title, addressee, opening, closing, attachments,
// signature and note.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceExtensionInput } from '../schema.ts';
import { letterVars } from './vars.ts';

export const letterFrame: ContentBuilders<AcceptanceExtensionInput> = {
  title: (i, c) => c.sentence('letterTitle', (l) => letterVars(i, l)),
  addressee: (i, c) => c.both((l) => [l.p(`${l.text(i.application.addressee)}${l.lang === 'en' ? ':' : '：'}`)]),
  opening: (i, c) => c.sentence('opening', (l) => letterVars(i, l)),
  closing: (i, c) => c.sentence('closing', (l) => letterVars(i, l)),
  attachments: (i, c) =>
    i.attachments.map((a, n) =>
      c.p(n === 0 ? `${c.labelInline('attachmentsLead')}${i.attachments.length > 1 ? '1. ' : ''}${c.text(a)}` : `${n + 1}. ${c.text(a)}`),
    ),
  signature: (i, c) => [c.p(c.text(i.project.constructionUnit.name)), c.p(c.date(i.application.date))],
  note: (i, c) => c.sentence('contactNote', (l) => letterVars(i, l)),
};
