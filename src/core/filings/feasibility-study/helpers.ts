// Small formatting helpers the 可研 content shares: per-language joins, document references, amounts that add up.
import { createContentContext, type Block, type ContentContext, type Table, type TableColumn } from '../content.ts';
import type { LText } from '../common.ts';
import { formatInteger, formatQuantity, normalizeDocNumber } from '../../format/format.ts';

export type Ctx = ContentContext;

/** A value built per language: once, or in bilingual documents `中文 / English` (or on two lines with `nl`). */
export function bi(c: Ctx, build: (l: Ctx) => string, nl = false): string {
  if (c.locale !== 'bilingual') return build(c);
  const zh = build(createContentContext(c.filingId, 'zh-CN'));
  const en = build(createContentContext(c.filingId, 'en'));
  return zh === en ? zh : `${zh}${nl ? '\n' : ' / '}${en}`;
}

function sides(t: LText): { zh: string; en?: string } {
  return typeof t === 'string' ? { zh: t } : t;
}

/** Caller text for a table cell: bilingual documents put the English under the Chinese. */
export function cell(c: Ctx, t: LText): string {
  if (c.locale !== 'bilingual') return c.text(t);
  const s = sides(t);
  return s.en && s.en !== s.zh ? `${s.zh}\n${s.en}` : s.zh;
}

export const isEn = (l: Ctx): boolean => l.lang === 'en';
export const listSep = (l: Ctx): string => (isEn(l) ? ', ' : '、');
export const semi = (l: Ctx): string => (isEn(l) ? '; ' : '；');
export const colon = (l: Ctx): string => (isEn(l) ? ': ' : '：');
export const paren = (l: Ctx, s: string): string => (s ? (isEn(l) ? ` (${s})` : `（${s}）`) : '');

/** Names joined in one language: `A、B和C` / `A, B and C`. */
export function joinNames(l: Ctx, names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const head = names.slice(0, -1).join(listSep(l));
  return `${head}${isEn(l) ? ' and ' : '和'}${names[names.length - 1]}`;
}

/** A document: `《标题》（文号，日期）` / `Title (No., date)`. */
export function docRef(l: Ctx, d: { title?: LText; docNo?: string; date?: string }): string {
  const meta = [d.docNo ? normalizeDocNumber(d.docNo) : '', d.date ? l.date(d.date) : ''].filter(Boolean).join(isEn(l) ? ', ' : '，');
  if (!d.title) return meta;
  const title = l.text(d.title);
  const quoted = isEn(l) || /^《.*》$/.test(title) ? title : `《${title}》`;
  return quoted + paren(l, meta);
}

/** Integers with thousands separators. */
export function int(n: number): string {
  return formatInteger(n);
}

/** A large count the way each language reads it: `218亿` / `21,800,000,000`. */
export function count(l: Ctx, n: number): string {
  if (isEn(l)) return qty(n);
  if (n >= 1e8) return `${qty(Math.round(n / 1e6) / 100)}亿`;
  if (n >= 1e5) return `${qty(Math.round(n / 100) / 100)}万`;
  return qty(n);
}

/** Storage in GB, shown in TB (decimal) from 1,000 GB. */
export function storage(gb: number): string {
  return gb >= 1000 ? `${qty(Math.round(gb / 100) / 10)} TB` : `${qty(gb)} GB`;
}

/** A quantity with up to two decimals and separators. */
export function qty(n: number): string {
  return formatQuantity(n);
}

export { sumWan } from '../../format/format.ts';

/** `x` as a percentage of `total`. */
export function share(c: Ctx, x: number, total: number): string {
  return total > 0 ? c.percent((x / total) * 100) : '—';
}

export const col = (label: string, width: number, align?: TableColumn['align']): TableColumn => ({ label, width, ...(align ? { align } : {}) });

/** Caller paragraphs, or nothing. */
export function parasOf(c: Ctx, t: readonly LText[] | undefined): Block[] {
  return t && t.length ? c.paras(t) : [];
}

/** Numbered rows: `1`, `2`, … */
export const no = (i: number): string => String(i + 1);

/** `（一）`-style ordinal for group rows of an estimate: 一、二、三. */
export function chineseOrdinal(n: number): string {
  return ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1] ?? String(n);
}

/** A table whose optional columns are left out when no row fills them (`—` or empty everywhere). */
export function prunedTable(c: Ctx, columns: TableColumn[], rows: string[][], optional: readonly number[], total?: string[]): Table {
  const drop = new Set(optional.filter((k) => rows.every((r) => r[k] === '—' || r[k] === '')));
  const keep = <T>(list: readonly T[]) => list.filter((_, k) => !drop.has(k));
  return c.table(keep(columns), rows.map(keep), total ? keep(total) : undefined);
}
