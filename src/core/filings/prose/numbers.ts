// Numbers in prose and tables: ratios and shares (undefined against nothing), quantities and whole numbers.
import type { ContentContext } from '../content-context.ts';
import type { LText } from '../schema-parts.ts';
import { formatInteger, formatQuantity } from '../../format/format.ts';

/** What a table shows where there is no value. */
export const DASH = '—';

/** `part` as a percentage of `whole`, or null when the whole is zero (a share of nothing is not 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** A ratio as a percentage, or `—` when it is undefined. */
export function pct(l: ContentContext, r: number | null): string {
  return r === null ? DASH : l.percent(r);
}

/** `part` as a percentage of `whole`: `12.5%`, or `—` against nothing. */
export function share(l: ContentContext, part: number, whole: number): string {
  return pct(l, ratio(part, whole));
}

/** A quantity with thousands separators and at most two decimals: `1,234.5`. */
export const qty = formatQuantity;

/** A whole number with thousands separators: `21,800`. */
export const int = formatInteger;

/** A target or measured value as the caller gave it: a number with separators, or their text (`≥99.9`, `已完成`). */
export function value(l: ContentContext, v: number | LText): string {
  return typeof v === 'number' ? qty(v) : l.text(v);
}
