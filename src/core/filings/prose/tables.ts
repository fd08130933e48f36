// Tables as the filings build them: columns, row numbers, and optional columns left out when no row fills them.
import { column, type Block, type Table, type TableColumn } from '../blocks.ts';
import type { ContentContext } from '../content-context.ts';
import type { LText } from '../schema-parts.ts';
import { DASH } from './numbers.ts';

/** A column: header, relative width, alignment. */
export const col = column;

/** A column headed by one of the filing's labels. */
export function labelCol(c: ContentContext, key: string, width: number, align?: TableColumn['align']): TableColumn {
  return column(c.label(key), width, align);
}

/** Row numbers from 1. */
export const no = (i: number): string => String(i + 1);

/** Caller paragraphs, or nothing. */
export function parasOf(c: ContentContext, t: readonly LText[] | undefined): Block[] {
  return t && t.length ? c.paras(t) : [];
}

/** A table whose optional columns (by index) are left out when no row fills them (`—` or empty everywhere). */
export function prunedTable(c: ContentContext, columns: TableColumn[], rows: string[][], optional: readonly number[], total?: string[]): Table {
  const drop = new Set(optional.filter((k) => rows.every((r) => r[k] === DASH || r[k] === '')));
  const keep = <T>(list: readonly T[]) => list.filter((_, k) => !drop.has(k));
  return c.table(keep(columns), rows.map(keep), total ? keep(total) : undefined);
}
