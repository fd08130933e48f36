// What a render is asked and what it gives back, as plain data, and the facts every format states about its document
// (formats, content types, metadata). No engine here: the thread that routes requests imports this, not the engines.
import type { FilingId } from '../core/filings/index.ts';
import type { DocLocale } from '../core/format/format.ts';
import { message } from '../core/i18n/catalogue.ts';
import type { Finding } from '../core/compliance/index.ts';
import type { PrintFacts } from './html/render-html.ts';
import type { OutlineEntry } from './pdf/pdf-finish.ts';

export const FORMATS = ['docx', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];
export const LOCALES = ['zh-CN', 'en', 'bilingual'] as const;

export const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface RenderJob {
  filingId: FilingId;
  /** The input as validated by the filing's schema. */
  input: unknown;
  /** Or the same as JSON text (it crosses to a render worker far cheaper); `input` is then not read. */
  inputJson?: string;
  inputSha256: string;
  locale: DocLocale;
  /** For pdf the job yields the HTML to print; the browser pool makes the PDF. */
  format: Format;
  templateVersion: string;
  /** Findings listed in a draft's appendix; null for a final document. */
  draftFindings: Finding[] | null;
  /** PDF only: what the first print learned of the pages (page numbers, table splits, 版记 place). */
  print?: PrintFacts;
  /** PDF only: add the links that make the browser report where headings (and, on the first print, rows) landed. */
  probes?: 'headings' | 'all';
}

export interface RenderedDocument {
  /** The DOCX, or the HTML as UTF-8 (for html and pdf). */
  bytes: Uint8Array;
  /** Document title, e.g. `某某项目可行性研究报告`. */
  title: string;
  lang: 'zh-CN' | 'en';
  /** The filing's own date (ISO). */
  date: string;
  /** Section ids in document order. */
  sections: string[];
  /** The headed sections as PDF bookmarks, nested by level. */
  outline: OutlineEntry[];
  /** The issuing or construction unit, in the document's language (PDF Author, DOCX creator). */
  author: string;
  /** The filing's name in the document's language (Subject). */
  subject: string;
}

/**
 * Metadata every format carries: DOCX core and custom properties, PDF Info dictionary. Subject and keywords are in the
 * document's language (both, in a bilingual document); the machine-readable facts are custom properties.
 */
export function documentMetadata(job: Pick<RenderJob, 'filingId' | 'templateVersion' | 'inputSha256' | 'locale' | 'draftFindings'>) {
  const zh = message('zh-CN', `filings.${job.filingId}.title`);
  const en = message('en', `filings.${job.filingId}.title`);
  const subject = job.locale === 'en' ? en : job.locale === 'bilingual' ? `${zh} ${en}` : zh;
  const keywords =
    job.locale === 'en'
      ? `${en}; government informatization project; template ${job.templateVersion}`
      : job.locale === 'bilingual'
        ? `${zh}；政务信息化项目；模板 ${job.templateVersion}; ${en}; government informatization project`
        : `${zh}；政务信息化项目；模板 ${job.templateVersion}`;
  return {
    subject,
    keywords,
    custom: { FilingId: job.filingId, TemplateVersion: job.templateVersion, InputSHA256: job.inputSha256, Locale: job.locale, Draft: job.draftFindings ? 'true' : 'false' },
  };
}

/** A job's input, from its JSON text when it came as that. */
export function renderInput(job: Pick<RenderJob, 'input' | 'inputJson'>): unknown {
  return job.inputJson !== undefined ? JSON.parse(job.inputJson) : job.input;
}

