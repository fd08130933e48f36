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

export interface TableColumn {
  label: string;
  /** Relative width; the columns of a table share the text block in proportion. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface Table {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
  /** A closing row set in bold, e.g. 合计. */
  total?: string[];
}

export type Block = Paragraph | MinorHeading | Table;

/** Every table is made here, so a change to what a column or a table carries is made once. */
export function table(columns: TableColumn[], rows: string[][], total?: string[]): Table {
  return { kind: 'table', columns, rows, ...(total ? { total } : {}) };
}

/** A column: its header, relative width and alignment (left when not given). */
export function column(label: string, width?: number, align?: TableColumn['align']): TableColumn {
  return { label, ...(width !== undefined ? { width } : {}), ...(align ? { align } : {}) };
}
