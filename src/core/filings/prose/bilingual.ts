// The two sides of caller text (a plain string is Chinese, or `{ zh, en }`), and values built once per language.
import type { ContentContext } from '../content-context.ts';
import type { LText } from '../schema-parts.ts';

/** Both sides of caller text: a plain string is the Chinese side. */
export function sidesOf(t: LText): { zh: string; en?: string } {
  return typeof t === 'string' ? { zh: t } : t;
}

/** The Chinese side (the official text); empty when there is no text. */
export function zhOf(t: LText | undefined): string {
  return t === undefined ? '' : typeof t === 'string' ? t : t.zh;
}

/** The English side as the caller gave it; empty when they gave none. */
export function enOf(t: LText | undefined): string {
  return t === undefined || typeof t === 'string' ? '' : (t.en ?? '');
}

/** What an English reader is shown: the English side, or the Chinese when there is none. */
export function enOrZh(t: LText): string {
  return typeof t === 'string' ? t : (t.en ?? t.zh);
}

/** Two names are the same body: their Chinese sides (the official names) agree, spacing aside. */
export function sameName(a: LText | undefined, b: LText | undefined): boolean {
  return a !== undefined && b !== undefined && zhOf(a).replace(/\s+/g, '') === zhOf(b).replace(/\s+/g, '');
}

export function hasEn(t: LText): boolean {
  return typeof t !== 'string' && t.en !== undefined;
}

/**
 * A value composed per language (catalogue words around caller text): once in a one-language document; in a bilingual
 * one the Chinese, `sep`, then the English, or just one of them when both read the same.
 */
export function perLanguage(c: ContentContext, build: (l: ContentContext) => string, sep = ' / '): string {
  if (c.locale !== 'bilingual') return build(c);
  const zh = build(c.in('zh-CN'));
  const en = build(c.in('en'));
  return zh === en ? zh : `${zh}${sep}${en}`;
}

/** Caller text in a table cell: a bilingual document puts the English under the Chinese. */
export function cell(c: ContentContext, t: LText): string {
  if (c.locale !== 'bilingual') return c.text(t);
  const s = sidesOf(t);
  return s.en && s.en !== s.zh ? `${s.zh}\n${s.en}` : s.zh;
}
