// Punctuation that differs by language: list separators, semicolons, colons, parentheses and joined names.
import type { ContentContext } from '../content-context.ts';
import type { LText } from '../schema-parts.ts';

export const isEn = (l: ContentContext): boolean => l.lang === 'en';
/** Between the items of a list in running text: `、` / `, `. */
export const listSep = (l: ContentContext): string => (isEn(l) ? ', ' : '、');
export const semi = (l: ContentContext): string => (isEn(l) ? '; ' : '；');
export const colon = (l: ContentContext): string => (isEn(l) ? ': ' : '：');

/**
 * A parenthetical after a word: `（…）` / ` (…)`, and nothing when there is nothing to put in it. Chinese text that
 * already holds a parenthesis (a bilingual date, a caller's own note) is set off with `，` instead: brackets of one
 * kind are not nested (GB/T 15834-2011, 4.9.3).
 */
export function paren(l: ContentContext, s: string): string {
  if (!s) return '';
  if (isEn(l)) return ` (${s})`;
  return s.includes('（') ? `，${s}` : `（${s}）`;
}

/**
 * Names joined in running text: `A、B、C` / `A, B and C`. Chinese lists of bodies take no 和: names such as
 * 人力资源和社会保障部 hold one themselves, and 公文 list the bodies they name with 、 alone.
 */
export function joinNames(l: ContentContext, names: readonly string[]): string {
  if (!isEn(l) || names.length <= 1) return names.join(listSep(l));
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Caller texts (names of units, systems…) joined in one language: `A、B、C` / `A, B and C`. */
export function joinTexts(l: ContentContext, texts: readonly LText[]): string {
  return joinNames(l, texts.map((t) => l.text(t)));
}
