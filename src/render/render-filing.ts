// The render use case: look up → validate → pick template version → build view → engine → check → metadata.
import { AppError } from '../core/errors.ts';
import { FILING_IDS, type FilingId } from '../core/filings/index.ts';
import { filingById } from '../core/filings/index.ts';
import { buildView } from '../core/filings/index.ts';
import { validate } from '../core/validation.ts';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import type { PdfPrinter, TemplateStore, TemplateVersion } from '../core/ports.ts';
import type { DocLocale } from '../core/format/format.ts';
import { message } from '../core/i18n/catalogue.ts';
import { selectVersion } from './select-version.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderHtml } from './html/render-html.ts';
import { setPdfInfo } from './pdf/pdf-info.ts';
import { assertOutput, collectStrings } from './verify-output.ts';
import { checkFiling, hasErrors, type Finding } from '../core/compliance/index.ts';

export const FORMATS = ['docx', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];
export const LOCALES = ['zh-CN', 'en', 'bilingual'] as const;

export const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export interface RenderServices {
  templates: TemplateStore;
  /** Needed for PDF only. */
  pdf?: PdfPrinter;
  /** Hex SHA-256; defaults to Web Crypto (async, off-thread). Node passes its synchronous hash, which is faster here. */
  sha256?: (data: string | Uint8Array) => string | Promise<string>;
}

export interface RenderRequest {
  filingId: string;
  format: Format;
  locale: DocLocale;
  input: unknown;
  /** Pin a template version instead of the one in force on the filing's date. */
  version?: string;
  /** Render despite error-level findings, as a draft: DRAFT on every page and the findings in an appendix. */
  draft?: boolean;
  /** A maintainer's preview may pin a draft template version. */
  allowDraftTemplate?: boolean;
  signal?: AbortSignal;
}

export interface RenderedFiling {
  bytes: Uint8Array;
  contentType: string;
  /** Suggested file name, e.g. `某某项目可行性研究报告.docx`. */
  fileName: string;
  filingId: FilingId;
  templateVersion: string;
  inputSha256: string;
  sections: string[];
  /** Compliance findings of the input (errors only when rendered as a draft). */
  findings: Finding[];
  draft: boolean;
}

export function unknownFiling(id: string): AppError {
  return new AppError({
    code: 'filing_unknown',
    message: {
      'zh-CN': `未知的文书类型“${id}”。可用类型：${FILING_IDS.join('、')}。`,
      en: `Unknown filing "${id}". Valid filings: ${FILING_IDS.join(', ')}.`,
    },
    details: { filingId: id, valid: [...FILING_IDS] },
  });
}

/** `…运行维护项目` + `项目建议书` → `…运行维护项目建议书`: no doubled 项目. */
export function joinZh(title: string, filingName: string): string {
  return title.endsWith('项目') && filingName.startsWith('项目') ? title + filingName.slice(2) : title + filingName;
}

function safeFileName(s: string): string {
  // Keep CJK and word characters; drop path separators, control and reserved characters.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 180) || 'filing';
}

export interface PreparedFiling {
  filingId: FilingId;
  input: unknown;
  inputSha256: string;
  template: TemplateVersion;
  findings: Finding[];
}

export function complianceFailed(findings: Finding[]): AppError {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return new AppError({
    code: 'compliance_failed',
    message: {
      'zh-CN': `文书不符合报送要求（${errors}项错误），未予生成；修正后重试，或以草稿方式生成（draft=true）。`,
      en: `The filing does not meet the rules (${errors} error(s)) and was not generated; correct it, or render it as a draft (draft=true).`,
    },
    details: { findings },
  });
}

/** Validation, hashing and version selection: what render, packages and previews share. */
export async function prepareFiling(services: RenderServices, req: Pick<RenderRequest, 'filingId' | 'input' | 'version' | 'allowDraftTemplate'>): Promise<PreparedFiling> {
  const def = filingById(req.filingId);
  if (!def) throw unknownFiling(req.filingId);
  const input = validate(def.schema, req.input);
  const inputSha256 = await (services.sha256 ?? sha256Hex)(canonicalJson(input));
  const template = selectVersion(def.id, services.templates.versions(def.id), def.dateOf(input), req.version, req.allowDraftTemplate ?? false);
  return { filingId: def.id, input, inputSha256, template, findings: checkFiling(def, input) };
}

export async function renderFiling(services: RenderServices, req: RenderRequest): Promise<RenderedFiling> {
  const prepared = await prepareFiling(services, req);
  const def = filingById(prepared.filingId)!;
  const { input, inputSha256, template, findings } = prepared;
  // Never a clean-looking non-compliant filing: errors refuse the render unless a draft is asked for.
  if (hasErrors(findings) && !req.draft) throw complianceFailed(findings);
  const view = buildView(def, input, { locale: req.locale, templateVersion: template.version, inputSha256, ...(req.draft ? { draft: { findings } } : {}) });
  const lang = view.doc.lang;
  // A letter's title already names the filing (关于…的请示); a report's title is the project name.
  const title =
    def.layout === 'letter'
      ? view.doc.title
      : lang === 'en'
        ? `${view.doc.title} — ${view.doc.filingName}`
        : joinZh(view.doc.title, view.doc.filingName);
  const base = {
    filingId: def.id,
    templateVersion: template.version,
    inputSha256,
    sections: view.order,
    findings,
    draft: req.draft ?? false,
    fileName: `${safeFileName(req.draft ? `${title}（草稿）` : title)}.${req.format}`,
    contentType: CONTENT_TYPES[req.format],
  };
  const inputStrings = () => collectStrings(input);
  const date = def.dateOf(input);
  const custom = { FilingId: def.id, TemplateVersion: template.version, InputSHA256: inputSha256, Locale: req.locale, Draft: req.draft ? 'true' : 'false' };

  if (req.format === 'docx') {
    const out = renderDocx(await services.templates.docx(def.id, template.version), view, {
      title,
      subject: message('en', `filings.${def.id}.title`),
      keywords: `${def.id}; template ${template.version}; sha256 ${inputSha256}`,
      language: lang,
      date,
      custom,
    });
    assertOutput({ format: 'docx', markers: out.markers, required: view.order, text: out.text, inputStrings });
    return { ...base, bytes: out.bytes };
  }

  const out = renderHtml(await services.templates.html(def.id, template.version), view);
  assertOutput({ format: 'html', markers: out.markers, required: view.order, text: out.text, inputStrings });
  if (req.format === 'html') return { ...base, bytes: new TextEncoder().encode(out.html) };

  if (!services.pdf) {
    throw new AppError({
      code: 'renderer_unavailable',
      message: { 'zh-CN': 'PDF 渲染器不可用。', en: 'The PDF renderer is not available.' },
    });
  }
  const pdf = await services.pdf.print(out.html, { title, ...(req.signal ? { signal: req.signal } : {}) });
  const bytes = setPdfInfo(pdf, {
    title,
    subject: message('en', `filings.${def.id}.title`),
    keywords: `${def.id}; template ${template.version}; sha256 ${inputSha256}`,
    creator: 'gov-filing-service',
    producer: 'gov-filing-service (Chromium)',
    date,
    custom,
  });
  return { ...base, bytes };
}
