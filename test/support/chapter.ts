// Building one chapter's sections straight from a filing's content builders, for the chapter unit tests beside them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Table } from '../../src/core/filings/blocks.ts';
import { createContentContext } from '../../src/core/filings/content-context.ts';
import type { ContentBuilders } from '../../src/core/filings/filing.ts';
import type { DocLocale } from '../../src/core/format/format.ts';
import type { z } from 'zod';

/** A sample of samples/<filing>/, changed for a case before the schema parses it (defaults filled in). */
export function sample<S extends z.ZodType>(filingId: string, schema: S, name: string, change?: (raw: any) => void): z.infer<S> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const raw = JSON.parse(readFileSync(join('samples', filingId, `${name}.json`), 'utf8')) as unknown;
  change?.(raw);
  return schema.parse(raw);
}

/** The blocks of one section in one locale, built the way the view builds them. */
export function build<I>(filingId: string, builders: ContentBuilders<I>, id: string, input: I, locale: DocLocale = 'zh-CN'): Block[] {
  const builder = builders[id];
  if (!builder) throw new Error(`no builder for ${id}`);
  return builder(input, createContentContext({ id: filingId }, locale));
}

/** Every text of the blocks, one per line: paragraphs, minor headings, table headers, cells and totals. */
export function text(blocks: Block[]): string {
  return blocks
    .flatMap((b) => (b.kind === 'table' ? [...b.columns.map((c) => c.label), ...b.rows.flat(), ...(b.total ?? [])] : [b.text]))
    .join('\n');
}

/** The paragraphs' texts. */
export function paragraphs(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
}

/** The n-th table of the blocks. */
export function tableOf(blocks: Block[], n = 0): Table {
  const t = blocks.filter((b): b is Table => b.kind === 'table')[n];
  if (!t) throw new Error(`no table #${n}`);
  return t;
}

/** A column of a table by its header, as the cells of every row. */
export function column(t: Table, header: string): string[] {
  const k = t.columns.findIndex((c) => c.label === header);
  if (k < 0) throw new Error(`no column "${header}" in ${t.columns.map((c) => c.label).join(', ')}`);
  return t.rows.map((r) => r[k]!);
}

/** A fact table's value by the fact's label. */
export function fact(t: Table, label: string): string | undefined {
  return t.rows.find((r) => r[0] === label)?.[1];
}
