// The CPU-heavy step of a render, as a function of plain data: view → DOCX or HTML engine → output check.
// Its job and result are serialisable (structured-clone safe), so it can run in a worker thread as well as inline.
import { buildView, filingById, type DocView, type FilingId, type SectionView } from '../core/filings/index.ts';
import type { DocLocale } from '../core/format/format.ts';
import { message } from '../core/i18n/catalogue.ts';
import type { Finding } from '../core/compliance/index.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderHtml, withProbes, type PrintFacts } from './html/render-html.ts';
import type { OutlineEntry } from './pdf/pdf-finish.ts';
import { assertOutput, collectStrings } from './verify-output.ts';
import type { RenderEngines } from './render-engines.ts';

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

/** `…运行维护项目` + `项目建议书` → `…运行维护项目建议书`: no doubled 项目. */
function joinZh(title: string, filingName: string): string {
  return title.endsWith('项目') && filingName.startsWith('项目') ? title + filingName.slice(2) : title + filingName;
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

/** The headed sections as outline entries (bilingual: both headings in one entry). */
function outlineOf(view: DocView): OutlineEntry[] {
  return view.order
    .map((id) => view[`s_${id}`] as SectionView | false)
    .filter((s): s is SectionView => !!s && s.style === 'heading')
    .map((s) => ({ title: s.headingAlt ? `${s.heading} ${s.headingAlt}` : s.heading, level: s.level, anchor: `sec_${s.id}` }));
}

/** A job's input, from its JSON text when it came as that. */
export function renderInput(job: Pick<RenderJob, 'input' | 'inputJson'>): unknown {
  return job.inputJson !== undefined ? JSON.parse(job.inputJson) : job.input;
}

export async function renderDocument(engines: RenderEngines, job: RenderJob): Promise<RenderedDocument> {
  const def = filingById(job.filingId);
  if (!def) throw new Error(`no filing ${job.filingId}`);
  const input = renderInput(job);
  const view = buildView(def, input, { locale: job.locale, templateVersion: job.templateVersion, inputSha256: job.inputSha256, ...(job.draftFindings ? { draft: { findings: job.draftFindings } } : {}) });
  const lang = view.doc.lang;
  // A letter's title already names the filing (关于…的请示); a report's title is the project name.
  const title = def.layout === 'letter' ? view.doc.title : lang === 'en' ? `${view.doc.title} — ${view.doc.filingName}` : joinZh(view.doc.title, view.doc.filingName);
  const date = def.dateOf(input);
  const author = lang === 'en' || !view.doc.bilingual ? view.doc.unit : `${view.doc.unit} ${view.doc.unitAlt}`.trim();
  const meta = documentMetadata(job);
  const base = { title, lang, date, sections: view.order, outline: outlineOf(view), author, subject: meta.subject };
  const inputStrings = () => collectStrings(input);

  if (job.format === 'docx') {
    const out = renderDocx(await engines.docx(def.id, job.templateVersion), view, { title, author, language: view.doc.bilingual ? 'zh-CN, en' : lang, date, ...meta });
    assertOutput({ format: 'docx', markers: out.markers, required: view.order, text: out.text, inputStrings });
    return { ...base, bytes: out.bytes };
  }
  const out = renderHtml(await engines.html(def.id, job.templateVersion), view, job.print);
  assertOutput({ format: 'html', markers: out.markers, required: view.order, text: out.text, inputStrings });
  return { ...base, bytes: new TextEncoder().encode(job.probes ? withProbes(out.html, job.probes === 'all') : out.html) };
}
