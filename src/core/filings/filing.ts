// What a filing is: its input schema, its ordered section registry, and how its content is built.
import type { z } from 'zod';
import type { Citation } from '../regulations/documents.ts';
import type { Block, ContentContext } from './content.ts';

export const FILING_IDS = [
  'project-proposal',
  'feasibility-study',
  'acceptance-report',
  'performance-evaluation',
  'acceptance-extension',
] as const;
export type FilingId = (typeof FILING_IDS)[number];

/** national = 国办发〔2019〕57号; district = a local measure modelled on it (stricter deadlines, extra items). */
export type JurisdictionProfile = 'national' | 'district';

/** N = mandatory nationally, L = only under a local measure, C = customary. */
export type BindingLevel = 'national' | 'local' | 'customary';

/** How a section is laid out: a numbered heading, or one of the fixed parts of an official letter (公文). */
export type SectionStyle = 'heading' | 'title' | 'addressee' | 'body' | 'closing' | 'attachments' | 'signature' | 'note';

export interface SectionCondition<I> {
  /** Stable id of the condition, shown in the API. */
  id: string;
  description: { zh: string; en: string };
  test: (input: I) => boolean;
}

export interface SectionDef<I> {
  /** Stable id: snake_case, unique within the filing; also the DOCX bookmark (`sec_<id>`) and HTML `data-section`. */
  id: string;
  /** 1 = chapter (一、), 2 = section (（一）), 3 = item (1.). */
  level: 1 | 2 | 3;
  style?: SectionStyle;
  binding: BindingLevel;
  citations: Citation[];
  /** When set, the section is required only for inputs that meet it. */
  when?: SectionCondition<I>;
  /** When set, the section applies only under these jurisdiction profiles. */
  profiles?: JurisdictionProfile[];
  /** ISO dates bounding when the rule that demands this section applies (by the filing's own date). */
  effectiveFrom?: string;
  effectiveUntil?: string;
}

export interface FilingDefinition<S extends z.ZodType = z.ZodType> {
  id: FilingId;
  schema: S;
  /** `report`: cover page and numbered chapters; `letter`: an official letter (请示) per GB/T 9704. */
  layout: 'report' | 'letter';
  sections: SectionDef<z.infer<S>>[];
  /** The filing's own date (report / application date): picks the template version and goes on the cover. */
  dateOf(input: z.infer<S>): string;
  profileOf(input: z.infer<S>): JurisdictionProfile;
  /** The content of every section id, built for one locale. Sections not listed render the "nothing further" line. */
  content(input: z.infer<S>, ctx: ContentContext): Partial<Record<string, Block[]>>;
  /** Cover / letter-head facts, built once per language (bilingual documents show both). */
  cover(input: z.infer<S>, ctx: ContentContext): CoverFacts;
}

export interface CoverFacts {
  /** Document title, e.g. 《…项目可行性研究报告》 without the brackets. */
  title: string;
  /** Unit that issues the filing. */
  unit: string;
  /** The document's own name when the filing has several kinds (e.g. 建设期年度绩效报告); the filing's title otherwise. */
  filingName?: string;
  /** Document number, if any (already normalised to 〔〕). */
  docNo?: string;
}

/** Erases the input type so filings of different schemas can sit in one list. */
export function defineFiling<S extends z.ZodType>(def: FilingDefinition<S>): FilingDefinition {
  return def as unknown as FilingDefinition;
}
