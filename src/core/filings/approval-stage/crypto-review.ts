// The sentence both approval-stage reports give the expert review of their cryptography plan (district measure Art. 28):
// who reviewed it, when, with what conclusion, and the opinion document.
import type { Block } from '../blocks.ts';
import type { ContentContext } from '../content-context.ts';
import type { z } from 'zod';
import type { CryptoPlanReview } from '../schema-parts.ts';
import { docRef } from '../prose/references.ts';

export function cryptoReview(c: ContentContext, r: z.infer<typeof CryptoPlanReview>): Block[] {
  return c.sentence(`cryptoPlanReview.${r.conclusion}`, (l) => ({
    by: l.text(r.by),
    date: l.date(r.date),
    opinion: r.opinion ? l.label('cryptoPlanReview.opinion', { doc: docRef(l, r.opinion) }) : '',
  }));
}
