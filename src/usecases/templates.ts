// Template maintenance: upload a draft (linted first), preview it with a sample in every format and locale, publish
// with an effective date (linted again for that date), retire (rollback), and diff two versions.
import { AppError } from '../core/errors.ts';
import type { FilingDefinition } from '../core/filings/index.ts';
import { TemplateVersionConflict, type PdfTicket, type SampleSource, type TemplateRepository, type TemplateVersion } from '../core/ports.ts';
import type { LintProblem, TemplateLintResult } from '../templates/lint/index.ts';
import { FORMATS, LOCALES } from '../render/document-job.ts';
import type { ZipEntry } from '../render/zip.ts';
import { renderFiling } from './render-filing.ts';
import type { RenderServices } from './services.ts';
import { workOf, type Work } from './work.ts';

function problem(code: 'template_version_unknown' | 'template_version_exists' | 'template_version_state' | 'upload_invalid' | 'sample_unknown', zh: string, en: string, details?: Record<string, unknown>): AppError {
  return new AppError({ code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) });
}

function lintFailed(problems: LintProblem[], zh: string, en: string): AppError {
  return new AppError({ code: 'template_lint_failed', message: { 'zh-CN': zh, en }, details: { problems } });
}

export function requireVersion(repo: TemplateRepository, def: FilingDefinition, version: string): TemplateVersion {
  const found = repo.get(def.id, version);
  if (!found) throw problem('template_version_unknown', `模板版本 ${def.id}@${version} 不存在。`, `There is no template version ${def.id}@${version}.`);
  return found;
}

export function unknownSample(samples: SampleSource, filingId: string, name: string): AppError {
  return problem('sample_unknown', `没有名为“${name}”的示例。`, `No sample named "${name}".`, { valid: samples.list(filingId) });
}

export interface TemplateUpload {
  version: string;
  effectiveFrom: string;
  effectiveUntil?: string | undefined;
  regulationBasis: string[];
  docx?: Uint8Array | undefined;
  /** The Handlebars source as uploaded (UTF-8). */
  html?: Uint8Array | undefined;
  now: string;
}

export interface UploadResult {
  version: TemplateVersion;
  /** Lint problems below error level, for the maintainer to look at. */
  warnings: LintProblem[];
  /** The published version that supplied a file not uploaded. */
  filledFrom?: string;
}

function newestPublished(repo: TemplateRepository, def: FilingDefinition): TemplateVersion | undefined {
  return repo
    .versions(def.id)
    .filter((v) => v.status === 'published')
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? (a.version < b.version ? 1 : -1) : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw problem('upload_invalid', 'HTML 模板不是有效的 UTF-8 文本。', 'The HTML template is not valid UTF-8 text.');
  }
}

/** The lint of a version, with its time budget: a lint that runs out of it is an error of the template. */
function lint(work: Pick<Work, 'lint'>, def: FilingDefinition, files: { docx: Uint8Array; html: string; date: string }): Promise<TemplateLintResult> {
  return work.lint({ filingId: def.id, docx: files.docx, html: files.html, date: files.date });
}

/** Stores a new draft after the lint passes; a file not uploaded is taken from the newest published version. */
export async function uploadTemplate(repo: TemplateRepository, def: FilingDefinition, u: TemplateUpload, work: Pick<Work, 'lint'>): Promise<UploadResult> {
  const exists = () => problem('template_version_exists', `版本 ${u.version} 已存在；已发布的版本不可修改，请使用新的版本号。`, `Version ${u.version} exists; a published version never changes, use a new version.`);
  if (repo.get(def.id, u.version)) throw exists();
  const base = newestPublished(repo, def);
  const docx = u.docx ?? (base ? await repo.docx(def.id, base.version) : undefined);
  const html = u.html ? utf8(u.html) : base ? await repo.htmlSource(def.id, base.version) : undefined;
  if (!docx || html === undefined) throw problem('upload_invalid', '没有已发布的版本可补足缺少的模板文件，请同时上传 docx 和 html。', 'No published version can supply the missing file; upload both docx and html.');
  const report = await lint(work, def, { docx, html, date: u.effectiveFrom });
  if (!report.ok) {
    const n = report.problems.filter((p) => p.severity === 'error').length;
    throw lintFailed(report.problems, `模板检查发现${n}处错误，未保存任何内容。`, `The template lint found ${n} error(s); nothing was stored.`);
  }
  try {
    const version = await repo.createDraft({ filingId: def.id, version: u.version, effectiveFrom: u.effectiveFrom, ...(u.effectiveUntil ? { effectiveUntil: u.effectiveUntil } : {}), regulationBasis: u.regulationBasis, docx, html, now: u.now });
    return { version, warnings: report.problems, ...(base && (!u.docx || !u.html) ? { filledFrom: base.version } : {}) };
  } catch (e) {
    if (e instanceof TemplateVersionConflict) throw exists();
    throw e;
  }
}

export interface Preview {
  bytes: Uint8Array;
  fileName: string;
}

/** A named sample rendered with the version in every locale and format, as a ZIP with a manifest. */
export async function previewTemplate(services: RenderServices, samples: SampleSource, v: TemplateVersion, sample: string, opts: { signal?: AbortSignal; pdfTicket?: PdfTicket } = {}): Promise<Preview> {
  const { signal, pdfTicket } = opts;
  const input = samples.list(v.filingId).includes(sample) ? samples.get(v.filingId, sample) : undefined;
  if (input === undefined) throw unknownSample(samples, v.filingId, sample);
  const entries: ZipEntry[] = [];
  const documents: Array<Record<string, unknown>> = [];
  for (const locale of LOCALES) {
    for (const format of FORMATS) {
      const r = await renderFiling(services, { filingId: v.filingId, format, locale, input, version: v.version, allowDraftTemplate: true, draft: v.status === 'draft', ...(signal ? { signal } : {}), ...(pdfTicket ? { pdfTicket } : {}) });
      const name = `${locale}.${format}`;
      entries.push({ name, data: r.bytes });
      documents.push({ file: name, format, locale, templateVersion: r.templateVersion, draft: r.draft, sections: r.sections });
    }
  }
  entries.push({ name: 'manifest.json', data: JSON.stringify({ filing: v.filingId, version: v.version, status: v.status, sample, documents }, null, 2) });
  return { bytes: await workOf(services).zip(entries, signal), fileName: `${v.filingId}-${v.version}-preview.zip` };
}

/** draft → published, optionally with new dates; the sections required on the new date are linted again first. */
export async function publishTemplate(repo: TemplateRepository, def: FilingDefinition, v: TemplateVersion, dates: { effectiveFrom?: string | undefined; effectiveUntil?: string | undefined }, now: string, work: Pick<Work, 'lint'>): Promise<TemplateVersion> {
  const from = dates.effectiveFrom ?? v.effectiveFrom;
  const until = dates.effectiveUntil ?? v.effectiveUntil;
  if (until && until < from) throw problem('upload_invalid', '失效日期不能早于生效日期。', 'effectiveUntil must not be before effectiveFrom.');
  const report = await lint(work, def, { docx: await repo.docx(def.id, v.version), html: await repo.htmlSource(def.id, v.version), date: from });
  if (!report.ok) throw lintFailed(report.problems, '该版本在所选生效日期不满足章节要求，未发布。', 'The version does not meet the section rules in force on that date; not published.');
  try {
    return await repo.publish(def.id, v.version, { effectiveFrom: from, ...(until ? { effectiveUntil: until } : {}), now });
  } catch (e) {
    if (e instanceof TemplateVersionConflict) throw problem('template_version_state', `只有草稿可以发布（${v.version} 当前为 ${v.status}）。`, `Only a draft can be published (${v.version} is ${v.status}).`, { reason: e.message });
    throw e;
  }
}

/** published → retired: renders fall back to the version in force before it. */
export async function retireTemplate(repo: TemplateRepository, v: TemplateVersion, now: string): Promise<TemplateVersion> {
  try {
    return await repo.retire(v.filingId, v.version, now);
  } catch (e) {
    if (e instanceof TemplateVersionConflict) throw problem('template_version_state', `只有已发布的版本可以停用（${v.version} 当前为 ${v.status}）。`, `Only a published version can be retired (${v.version} is ${v.status}).`, { reason: e.message });
    throw e;
  }
}

/** Section ids (DOCX bookmark order) and tags of a version. */
async function shapeOf(repo: TemplateRepository, v: TemplateVersion) {
  // Loaded here, not at start: the thread that serves requests only needs the DOCX reader for a comparison.
  const [{ default: PizZip }, { extractDocxMarkers, extractDocxText }] = await Promise.all([import('pizzip'), import('../render/docx/render-docx.ts')]);
  const xml = new PizZip(await repo.docx(v.filingId, v.version)).file('word/document.xml')?.asText() ?? '';
  const html = await repo.htmlSource(v.filingId, v.version);
  return {
    sections: extractDocxMarkers(xml),
    docxTags: new Set(extractDocxText(xml).match(/\{[^{}]{1,200}\}/g) ?? []),
    htmlTags: new Set(html.match(/\{\{[^{}]{1,200}\}\}/g) ?? []),
  };
}

const setDiff = (a: Set<string>, b: Set<string>) => ({ added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() });

/** Sections added, removed or reordered, and tags added or removed, from one version to another. */
export async function diffTemplates(repo: TemplateRepository, from: TemplateVersion, to: TemplateVersion) {
  const a = await shapeOf(repo, from);
  const b = await shapeOf(repo, to);
  const common = a.sections.filter((s) => b.sections.includes(s));
  const inB = b.sections.filter((s) => a.sections.includes(s));
  return {
    filing: from.filingId,
    from: from.version,
    to: to.version,
    sections: { added: b.sections.filter((s) => !a.sections.includes(s)), removed: a.sections.filter((s) => !b.sections.includes(s)), reordered: common.filter((s, i) => inB[i] !== s) },
    tags: { docx: setDiff(a.docxTags, b.docxTags), html: setDiff(a.htmlTags, b.htmlTags) },
  };
}
