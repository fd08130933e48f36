// The maintainers' pages over the template use cases: versions, upload (lint problems shown with file, tag and
// explanation), sample previews in a sandboxed frame and as downloads, diff against the published version,
// publish and retire, and the files of a version.
import { AppError, isAppError } from '../core/errors.ts';
import { filingById, type FilingDefinition } from '../core/filings/index.ts';
import type { TemplateRepository } from '../core/ports.ts';
import type { RouteContext } from '../http/app.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { FORMATS, LOCALES, type Format } from '../render/document-job.ts';
import type { DocLocale } from '../core/format/format.ts';
import type { LintProblem } from '../templates/lint/index.ts';
import { renderFiling } from '../usecases/render-filing.ts';
import { diffTemplates, publishTemplate, requireVersion, retireTemplate, unknownSample, uploadTemplate } from '../usecases/templates.ts';
import { unknownFiling } from '../usecases/filings.ts';
import { workOf, type Work } from '../usecases/work.ts';
import { h } from './html.ts';
import { t } from './messages.ts';
import { diffPage, lintTable, maintainFiling, maintainIndex, samplePreviewPage } from './pages/maintain.ts';
import { PREVIEW_CSP } from './register-projects.ts';
import { field, file, type PageRoutes, type SignedInCtx } from './routes.ts';

const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerMaintainPages(ctx: RouteContext, pages: PageRoutes, repo: TemplateRepository): void {
  const { deps } = ctx;
  const need = 'templates:manage' as const;
  const def = (p: SignedInCtx): FilingDefinition => {
    const id = p.c.req.param('filing')!;
    const d = filingById(id);
    if (!d) throw unknownFiling(id);
    return d;
  };
  const filingPage = (p: SignedInCtx, d: FilingDefinition, outcome?: ReturnType<typeof h>, status = 200) => p.c.html(maintainFiling(p, d.id, repo.versions(d.id), deps.samples.list(d.id), outcome).toString(), status as 200);

  pages.get('/maintain', need, async (p) => p.c.html(maintainIndex(p, (id) => repo.versions(id as FilingDefinition['id'])).toString()));
  pages.get('/maintain/:filing', need, async (p) => filingPage(p, def(p)));

  pages.post('/maintain/:filing/upload', need, async (p, body) => {
    const d = def(p);
    const version = (field(body, 'version') ?? '').trim();
    const effectiveFrom = (field(body, 'effectiveFrom') ?? '').trim();
    const effectiveUntil = (field(body, 'effectiveUntil') ?? '').trim() || undefined;
    const regulationBasis = (field(body, 'regulationBasis') ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
    const problems: string[] = [];
    if (!VERSION.test(version)) problems.push(p.lang === 'en' ? 'The version has the form major.minor.patch, e.g. 1.1.0.' : '版本号应为 主.次.修订 形式，如 1.1.0。');
    if (!DATE.test(effectiveFrom)) problems.push(p.lang === 'en' ? 'The effective date is YYYY-MM-DD.' : '生效日期应为 YYYY-MM-DD。');
    if (effectiveUntil && !DATE.test(effectiveUntil)) problems.push(p.lang === 'en' ? 'The end date is YYYY-MM-DD.' : '失效日期应为 YYYY-MM-DD。');
    if (!regulationBasis.length) problems.push(p.lang === 'en' ? 'Name the regulation basis.' : '请写明制定依据。');
    const docx = file(body, 'docx');
    const html = file(body, 'html');
    if (!docx && !html) problems.push(p.lang === 'en' ? 'Upload a DOCX or an HTML template, or both.' : '请上传 DOCX 或 HTML 模板，或两者。');
    if (problems.length) return filingPage(p, d, h`<div class="error-summary" role="alert" tabindex="-1" data-focus><h2>${t(p.lang, 'errorSummary', { n: problems.length })}</h2><ul>${problems.map((x) => h`<li>${x}</li>`)}</ul></div>`, 422);
    try {
      const bytes = async (f: File | undefined) => (f ? new Uint8Array(await f.arrayBuffer()) : undefined);
      const r = await uploadTemplate(repo, d, { version, effectiveFrom, effectiveUntil, regulationBasis, docx: await bytes(docx), html: await bytes(html), now: deps.now().toISOString() }, workOf(deps.render));
      const warnings = r.warnings.length ? lintTable(p, r.warnings) : '';
      return filingPage(p, d, h`<div class="notice ok" role="status">${t(p.lang, 'uploadOk', { version: r.version.version })}</div>${warnings}`, 201);
    } catch (e) {
      if (isAppError(e) && e.code === 'template_lint_failed') {
        const message = h`<div class="error-summary" role="alert" tabindex="-1" data-focus><h2>${e.messageIn(p.lang)}</h2></div>`;
        return filingPage(p, d, h`${message}${lintTable(p, (e.details.problems ?? []) as LintProblem[])}`, 422);
      }
      throw e;
    }
  });

  pages.get('/maintain/:filing/diff', need, async (p) => {
    const d = def(p);
    const from = requireVersion(repo, d, p.c.req.query('from') ?? '');
    const to = requireVersion(repo, d, p.c.req.query('to') ?? '');
    return p.c.html(diffPage(p, await diffTemplates(repo, from, to)).toString());
  });

  pages.get('/maintain/:filing/:version/preview', need, async (p) => {
    const d = def(p);
    const v = requireVersion(repo, d, p.c.req.param('version')!);
    const sample = p.c.req.query('sample') ?? '';
    if (!deps.samples.list(d.id).includes(sample)) throw unknownSample(deps.samples, d.id, sample);
    return p.c.html(samplePreviewPage(p, d.id, v, sample).toString());
  });

  pages.get('/maintain/:filing/:version/sample', need, async (p) => {
    const d = def(p);
    const v = requireVersion(repo, d, p.c.req.param('version')!);
    const sample = p.c.req.query('sample') ?? '';
    const input = deps.samples.list(d.id).includes(sample) ? deps.samples.get(d.id, sample) : undefined;
    if (input === undefined) throw unknownSample(deps.samples, d.id, sample);
    const format = (FORMATS as readonly string[]).includes(p.c.req.query('format') ?? '') ? (p.c.req.query('format') as Format) : 'html';
    const locale = (LOCALES as readonly string[]).includes(p.c.req.query('locale') ?? '') ? (p.c.req.query('locale') as DocLocale) : 'zh-CN';
    const r = await renderFiling(deps.render, { filingId: d.id, format, locale, input, version: v.version, allowDraftTemplate: true, draft: v.status === 'draft' });
    if (format === 'html') {
      p.c.header('Content-Security-Policy', PREVIEW_CSP);
      p.c.header('X-Frame-Options', 'SAMEORIGIN');
      return p.c.html(new TextDecoder().decode(r.bytes));
    }
    return p.c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': r.contentType, 'Content-Disposition': contentDisposition(r.fileName, `${d.id}-${v.version}-${sample}.${format}`), 'Cache-Control': 'no-store' });
  });

  registerVersionActions(pages, repo, def, deps.now, workOf(deps.render));
}

/** A version's files, publishing and retiring. */
function registerVersionActions(pages: PageRoutes, repo: TemplateRepository, def: (p: SignedInCtx) => FilingDefinition, now: () => Date, work: Pick<Work, 'lint'>): void {
  const need = 'templates:manage' as const;
  pages.get('/maintain/:filing/:version/file/:kind', need, async (p) => {
    const d = def(p);
    const v = requireVersion(repo, d, p.c.req.param('version')!);
    const kind = p.c.req.param('kind');
    const name = `${v.filingId}-${v.version}.${kind === 'docx' ? 'docx' : 'hbs'}`;
    if (kind === 'docx') return p.c.body((await repo.docx(v.filingId, v.version)) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Disposition': contentDisposition(name, name) });
    if (kind === 'html') return p.c.body(await repo.htmlSource(v.filingId, v.version), 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': contentDisposition(name, name) });
    throw new AppError({ code: 'not_found', message: { 'zh-CN': '没有这个文件。', en: 'No such file.' } });
  });

  pages.post('/maintain/:filing/:version/publish', need, async (p, body) => {
    const d = def(p);
    const v = requireVersion(repo, d, p.c.req.param('version')!);
    const from = field(body, 'effectiveFrom')?.trim();
    await publishTemplate(repo, d, v, { effectiveFrom: from && DATE.test(from) ? from : undefined }, now().toISOString(), work);
    return p.c.redirect(`/maintain/${d.id}`, 303);
  });

  pages.post('/maintain/:filing/:version/retire', need, async (p) => {
    const d = def(p);
    await retireTemplate(repo, requireVersion(repo, d, p.c.req.param('version')!), now().toISOString());
    return p.c.redirect(`/maintain/${d.id}`, 303);
  });
}
