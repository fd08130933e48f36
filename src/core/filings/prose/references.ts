// References to documents in running text and tables: 《标题》（文号，日期） / Title (No., date).
import type { ContentContext } from '../content-context.ts';
import type { LText } from '../schema-parts.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { isEn, paren } from './punctuation.ts';

export interface DocumentReference {
  title?: LText | undefined;
  docNo?: string | undefined;
  date?: string | undefined;
}

/**
 * A document: its title in 《》 (not doubled when the caller wrote them) and its number and date in parentheses; in
 * English the title is set plain, as the regulations' own titles are in citations. Without a title, the number and date.
 * The number is an official 文号 and takes 〔〕 (GB/T 9704), unless `asIssued`: a third party's report number (an
 * auditor's, a supervisor's, a testing body's) is shown as its issuer wrote it.
 */
export function docRef(l: ContentContext, d: DocumentReference, opts: { asIssued?: boolean } = {}): string {
  const no = d.docNo ? (opts.asIssued ? d.docNo : normalizeDocNumber(d.docNo)) : '';
  const meta = [no, d.date ? l.date(d.date) : ''].filter(Boolean).join(isEn(l) ? ', ' : '，');
  if (!d.title) return meta;
  return titleOf(l, d.title) + paren(l, meta);
}

/** A reference set in parentheses after a sentence, flat so no bracket nests: `（《标题》，文号，日期）` / ` (Title, No., date)`. */
export function docRefInParens(l: ContentContext, d: DocumentReference): string {
  const parts = [d.title ? titleOf(l, d.title) : '', d.docNo ? normalizeDocNumber(d.docNo) : '', d.date ? l.date(d.date) : ''];
  return paren(l, parts.filter(Boolean).join(isEn(l) ? ', ' : '，'));
}

function titleOf(l: ContentContext, t: LText): string {
  const title = l.text(t);
  return isEn(l) || /^《.*》$/.test(title) ? title : `《${title}》`;
}
