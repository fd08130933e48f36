// What a filing is: its input schema, its ordered section registry, its compliance rules and how each section is built.
import type { z } from 'zod';
import type { Citation } from '../regulations/documents.ts';
import type { JurisdictionProfile } from '../regulations/profiles.ts';
import type { Rule } from '../compliance/rule.ts';
import type { Block, Table } from './blocks.ts';
import type { ContentContext, FilingMessages } from './content-context.ts';

/** The jurisdiction profile ids (src/core/regulations/profile-data.ts): national = 57号, district = a local measure modelled on it. */
export type { JurisdictionProfile };

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

/** Builds the blocks of one section for one locale (only called for the sections the input requires). */
export type SectionBuilder<I> = (input: I, c: ContentContext) => Block[];

/** Section id → its builder. A section without one renders the "nothing further" line (or nothing, if it has children). */
export type ContentBuilders<I> = Readonly<Record<string, SectionBuilder<I>>>;

export interface CoverFacts {
  /** Document title, e.g. 《…项目可行性研究报告》 without the brackets. */
  title: string;
  /** Unit that issues the filing. */
  unit: string;
  /** The document's own name when the filing has several kinds (e.g. 建设期年度绩效报告); the filing's title otherwise. */
  filingName?: string;
  /** Document number, if any (already normalised to 〔〕). */
  docNo?: string;
  /** The 版头 and 版记 of a letter (GB/T 9704 §7.2, §7.4), when the input gives them. */
  letterhead?: Letterhead;
}

export interface SignOff {
  /** A heading over the signature table (e.g. 验收委员会签字), or empty. */
  heading: string;
  table?: Table;
  /** 落款 lines, set to the right: the unit (盖章) and the date. */
  lines: string[];
}

export interface Letterhead {
  /** 发文机关标志: the issuing body's name, or name + 文件. */
  issuerMark: string;
  /** 签发人 names, joined (a 请示 is 上行文 and names them, §7.2.5). */
  signers: string;
  /** 抄送机关, joined with the official punctuation. */
  copyTo: string;
  /** 印发机关 and 印发日期 (as written on the page). */
  printedBy: string;
  printedOn: string;
}

/**
 * A part of the workbench form: input keys (top-level, or `a.b` for one property of an object) shown under a section
 * (chapter) of the document; `variant` limits it to one value of a discriminated input's `kind`.
 */
export interface FormPart {
  section: string;
  keys: readonly string[];
  variant?: string;
}

export interface FilingDefinition<S extends z.ZodType = z.ZodType, Id extends string = string> {
  id: Id;
  schema: S;
  /** `report`: cover page and numbered chapters; `letter`: an official letter (请示) per GB/T 9704. */
  layout: 'report' | 'letter';
  sections: readonly SectionDef<z.infer<S>>[];
  /** The filing's own compliance rules; the general (G) rules apply to every filing besides these. */
  rules: readonly Rule<z.infer<S>>[];
  /** The content of each section, by section id. */
  content: ContentBuilders<z.infer<S>>;
  /** The filing's own date (report / application date): picks the template version and goes on the cover. */
  dateOf(input: z.infer<S>): string;
  profileOf(input: z.infer<S>): JurisdictionProfile;
  /** Cover / letter-head facts, built once per language (bilingual documents show both). */
  cover(input: z.infer<S>, ctx: ContentContext): CoverFacts;
  /** What closes a report in practice: a signature table (验收委员会) and/or 落款 lines (评价单位 and date). */
  signOff?(input: z.infer<S>, ctx: ContentContext): SignOff;
  /** Title, section headings and labels carried by the filing itself instead of `filings.<id>` in locales/. */
  messages?: FilingMessages;
  /** How the workbench's form groups the input under the document's chapters: every key but `project`, once. */
  form?: readonly FormPart[];
}

/**
 * Checks that every content builder names a section, and erases the input type so that filings of different schemas
 * sit in one list (the id keeps its literal type, from which the list derives the filing ids).
 */
export function defineFiling<S extends z.ZodType, const Id extends string>(def: FilingDefinition<S, Id>): FilingDefinition<z.ZodType, Id> {
  const ids = new Set(def.sections.map((s) => s.id));
  for (const key of Object.keys(def.content)) {
    if (!ids.has(key)) throw new Error(`filing ${def.id}: content for "${key}", which is not one of its sections`);
  }
  return def as unknown as FilingDefinition<z.ZodType, Id>;
}
