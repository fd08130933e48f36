// The format-neutral content of a section (paragraphs, minor headings, tables): the one model both engines render.

export interface Paragraph {
  kind: 'p';
  text: string;
  /** The English half of a bilingual pair: set in a secondary style. */
  alt?: boolean;
}

export interface MinorHeading {
  kind: 'h';
  text: string;
}

/**
 * What a column holds, which decides how it is set: text left; numbers, amounts and percentages right with a fixed
 * number of decimals per column; dates, codes (document and report numbers) and marks centred; none of them broken
 * inside. Left out, it is read from the cells.
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'code' | 'mark';

export interface TableColumn {
  label: string;
  /** Relative width; the columns of a table share the text block in proportion. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  kind?: ColumnKind;
  /** Grouping column: a cell left empty under a filled one belongs to it (merged: rowspan, vMerge). */
  group?: boolean;
}

/** A header cell over several columns, in the first of two header rows (e.g. 招标范围 over 全部招标 and 部分招标). */
export interface HeaderGroup {
  label: string;
  /** Index of the first column it covers. */
  from: number;
  span: number;
}

export interface Table {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
  /** A closing row set in bold, e.g. 合计. */
  total?: string[];
  /** The caption's title (after 表n), when the section's own title would not name the table well. */
  caption?: string;
  /** A first header row of groups over the columns' labels. */
  groups?: HeaderGroup[];
}

export type Block = Paragraph | MinorHeading | Table;

/** Every table is made here, so a change to what a column or a table carries is made once. */
export function table(columns: TableColumn[], rows: string[][], total?: string[]): Table {
  return { kind: 'table', columns, rows, ...(total ? { total } : {}) };
}

/** A column: its header, relative width and alignment (left when not given). */
export function column(label: string, width?: number, align?: TableColumn['align'], more: Pick<TableColumn, 'kind' | 'group'> = {}): TableColumn {
  return { label, ...(width !== undefined ? { width } : {}), ...(align ? { align } : {}), ...more };
}

/** The same table with a caption title and/or header groups. */
export function withTableHead(t: Table, head: Pick<Table, 'caption' | 'groups'>): Table {
  return { ...t, ...(head.caption ? { caption: head.caption } : {}), ...(head.groups?.length ? { groups: head.groups } : {}) };
}
