// Input of the toy 季度进展简报 (quarterly progress brief): the project block every filing carries, and its own fields.
import { z } from 'zod';
import { IsoDate, LIMITS, Paragraphs, Percent, ProjectBlock, ShortText } from '../../src/core/filings/schema-parts.ts';

export const QuarterlyProgressInput = z.strictObject({
  project: ProjectBlock,
  /** The quarter reported on, e.g. `2026-Q1`. */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { error: '@invalid_format' }),
  reportDate: IsoDate,
  percentComplete: Percent,
  summary: Paragraphs,
  milestones: z.array(z.strictObject({ name: ShortText, due: IsoDate, done: z.boolean() })).min(1).max(LIMITS.listItems),
  risks: z.array(ShortText).max(20).default([]),
});
export type QuarterlyProgressInput = z.infer<typeof QuarterlyProgressInput>;
