// Template maintenance over HTTP (maintainer and admin roles): list, upload a draft (linted), preview it with a sample
// in every format and locale, publish with an effective date, retire (rollback), and diff two versions.
import type { Context, Hono } from 'hono';
import PizZip from 'pizzip';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { FilingDefinition, FilingId } from '../core/filings/index.ts';
import { filingById } from '../core/filings/index.ts';
import { TemplateVersionConflict, type SampleSource, type TemplateRepository, type TemplateVersion } from '../core/ports.ts';
import { toFieldIssues } from '../core/validation.ts';
import { FORMATS, LOCALES, renderFiling, unknownFiling, type RenderServices } from '../render/render-filing.ts';
import { extractDocxMarkers, extractDocxText } from '../render/docx/render-docx.ts';
import { FIXED_ZIP_DATE } from '../render/docx/docx-package.ts';
import { lintTemplateVersion, type LintProblem } from '../templates/lint/index.ts';
import { authorize, type AuthDeps } from './auth.ts';
import { readBodyBytes, readJson, type JsonLimits } from './json-body.ts';
import { callerLocale, httpError } from './problem.ts';
import { contentDisposition } from './content-disposition.ts';

export interface TemplateRouteDeps {
  templates: TemplateRepository;
  render: RenderServices;
  samples: SampleSource;
  now: () => Date;
  maxUploadBytes: number;
  limits: JsonLimits;
}

const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function localizeProblems(problems: readonly LintProblem[], locale: 'zh-CN' | 'en') {
  return problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    ...(p.file ? { file: p.file } : {}),
    ...(p.tag ? { tag: p.tag } : {}),
    explanation: locale === 'en' ? p.explanation.en : p.explanation.zh,
  }));
}

function unknownVersion(filingId: string, version: string): AppError {
  return httpError('template_version_unknown', `模板版本 ${filingId}@${version} 不存在。`, `There is no template version ${filingId}@${version}.`);
}

function stateConflict(e: TemplateVersionConflict, zh: string, en: string): AppError {
  return httpError('template_version_state', zh, en, { reason: e.message });
}

/** Section ids (DOCX bookmark order) and tags of a version, for diffs. */
async function shapeOf(repo: TemplateRepository, filingId: FilingId, version: string) {
  const zip = new PizZip(await repo.docx(filingId, version));
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const html = await repo.htmlSource(filingId, version);
  return {
    sections: extractDocxMarkers(xml),
    docxTags: new Set(extractDocxText(xml).match(/\{[^{}]{1,200}\}/g) ?? []),
    htmlTags: new Set(html.match(/\{\{[^{}]{1,200}\}\}/g) ?? []),
  };
}

const setDiff = (a: Set<string>, b: Set<string>) => ({ added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() });

const PublishBody = z.strictObject({
  effectiveFrom: z.string().regex(DATE).optional(),
  effectiveUntil: z.string().regex(DATE).optional(),
});
const PreviewBody = z.strictObject({ sample: z.string().min(1).max(200) });

export function registerTemplateRoutes(app: Hono, auth: AuthDeps, deps: TemplateRouteDeps): void {
  const filing = (id: string): FilingDefinition => {
    const def = filingById(id);
    if (!def) throw unknownFiling(id);
    return def;
  };
  const version = (def: FilingDefinition, v: string): TemplateVersion => {
    const found = deps.templates.get(def.id, v);
    if (!found) throw unknownVersion(def.id, v);
    return found;
  };
  const guard = (c: Context) => authorize(c, auth, 'templates:manage');

  app.get('/v1/templates/:filing/versions', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    return c.json({ versions: deps.templates.versions(def.id) });
  });

  app.get('/v1/templates/:filing/versions/:version', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    return c.json({ version: version(def, c.req.param('version')) });
  });

  app.get('/v1/templates/:filing/versions/:version/files/:kind', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const v = version(def, c.req.param('version'));
    const kind = c.req.param('kind');
    if (kind === 'docx') {
      return new Response((await deps.templates.docx(def.id, v.version)) as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'content-disposition': contentDisposition(`${def.id}-${v.version}.docx`, `${def.id}-${v.version}.docx`) },
      });
    }
    if (kind === 'html') {
      return new Response(await deps.templates.htmlSource(def.id, v.version), {
        headers: { 'content-type': 'text/x-handlebars-template; charset=utf-8', 'content-disposition': contentDisposition(`${def.id}-${v.version}.hbs`, `${def.id}-${v.version}.hbs`) },
      });
    }
    throw httpError('not_found', '文件类型应为 docx 或 html。', 'The file kind is docx or html.');
  });

  app.post('/v1/templates/:filing/versions', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('multipart/form-data')) {
      throw httpError('unsupported_media_type', '上传应为 multipart/form-data。', 'An upload is multipart/form-data.', { received: type || null });
    }
    const bytes = await readBodyBytes(c.req.raw, deps.maxUploadBytes);
    let form: FormData;
    try {
      form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body: bytes as Uint8Array<ArrayBuffer> }).formData();
    } catch {
      throw httpError('upload_invalid', '无法解析 multipart 上传内容。', 'The multipart upload cannot be read.');
    }
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.trim() : undefined;
    };
    const issues: Array<{ path: string; zh: string; en: string }> = [];
    const ver = text('version');
    if (!ver || !VERSION.test(ver)) issues.push({ path: '/version', zh: '版本号应为 主.次.修订 形式，如 1.1.0。', en: 'The version has the form major.minor.patch, e.g. 1.1.0.' });
    const effectiveFrom = text('effectiveFrom');
    if (!effectiveFrom || !DATE.test(effectiveFrom)) issues.push({ path: '/effectiveFrom', zh: '生效日期应为 YYYY-MM-DD。', en: 'effectiveFrom is a date, YYYY-MM-DD.' });
    const effectiveUntil = text('effectiveUntil') || undefined;
    if (effectiveUntil !== undefined && (!DATE.test(effectiveUntil) || (effectiveFrom !== undefined && effectiveUntil < effectiveFrom))) {
      issues.push({ path: '/effectiveUntil', zh: '失效日期应为 YYYY-MM-DD 且不早于生效日期。', en: 'effectiveUntil is a date, YYYY-MM-DD, not before effectiveFrom.' });
    }
    const basis = form
      .getAll('regulationBasis')
      .flatMap((v) => (typeof v === 'string' ? v.split('\n') : []))
      .map((v) => v.trim())
      .filter(Boolean);
    if (!basis.length || basis.some((b) => b.length > 300)) issues.push({ path: '/regulationBasis', zh: '须写明制定依据（一项或多项，每项不超过300字）。', en: 'Name the regulation basis (one or more, each at most 300 characters).' });
    const docxFile = form.get('docx');
    const htmlFile = form.get('html');
    if (!(docxFile instanceof File) && !(htmlFile instanceof File)) issues.push({ path: '/docx', zh: '至少上传 docx 或 html 模板文件之一。', en: 'Upload a docx or an html template file, or both.' });
    if (issues.length) {
      throw new AppError({
        code: 'upload_invalid',
        message: { 'zh-CN': `上传内容有${issues.length}处问题。`, en: `The upload has ${issues.length} problem(s).` },
        issues: issues.map((i) => ({ path: i.path, code: 'upload_invalid', message: { 'zh-CN': i.zh, en: i.en } })),
      });
    }
    if (deps.templates.get(def.id, ver!)) throw httpError('template_version_exists', `版本 ${ver} 已存在；已发布的版本不可修改，请使用新的版本号。`, `Version ${ver} exists; a published version never changes, use a new version.`);

    // A file not uploaded is taken from the newest published version, so a maintainer can change one of the two.
    const base = deps.templates
      .versions(def.id)
      .filter((v) => v.status === 'published')
      .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? (a.version < b.version ? 1 : -1) : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
    const docx = docxFile instanceof File ? new Uint8Array(await docxFile.arrayBuffer()) : base ? await deps.templates.docx(def.id, base.version) : undefined;
    let html: string | undefined;
    if (htmlFile instanceof File) {
      try {
        html = new TextDecoder('utf-8', { fatal: true }).decode(await htmlFile.arrayBuffer());
      } catch {
        throw httpError('upload_invalid', 'HTML 模板不是有效的 UTF-8 文本。', 'The HTML template is not valid UTF-8 text.');
      }
    } else if (base) html = await deps.templates.htmlSource(def.id, base.version);
    if (!docx || !html) throw httpError('upload_invalid', '没有已发布的版本可补足缺少的模板文件，请同时上传 docx 和 html。', 'No published version can supply the missing file; upload both docx and html.');

    const lint = lintTemplateVersion({ filing: def, docx, html, date: effectiveFrom! });
    const locale = callerLocale(c.req.header('accept-language'));
    if (!lint.ok) {
      throw httpError('template_lint_failed', `模板检查发现${lint.problems.filter((p) => p.severity === 'error').length}处错误，未保存任何内容。`, `The template lint found ${lint.problems.filter((p) => p.severity === 'error').length} error(s); nothing was stored.`, {
        problems: localizeProblems(lint.problems, locale),
      });
    }
    try {
      const created = await deps.templates.createDraft({
        filingId: def.id,
        version: ver!,
        effectiveFrom: effectiveFrom!,
        ...(effectiveUntil ? { effectiveUntil } : {}),
        regulationBasis: basis,
        docx,
        html,
        now: deps.now().toISOString(),
      });
      return c.json({ version: created, warnings: localizeProblems(lint.problems, locale), ...(base ? { filledFrom: base.version } : {}) }, 201);
    } catch (e) {
      if (e instanceof TemplateVersionConflict) throw httpError('template_version_exists', `版本 ${ver} 已存在。`, `Version ${ver} exists.`);
      throw e;
    }
  });

  app.post('/v1/templates/:filing/versions/:version/preview', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const v = version(def, c.req.param('version'));
    const body = PreviewBody.safeParse(await readJson(c.req.raw, deps.limits));
    if (!body.success) throw new AppError({ code: 'input_invalid', message: { 'zh-CN': '预览请求格式不正确。', en: 'The preview request is malformed.' }, issues: toFieldIssues(body.error.issues) });
    const input = deps.samples.list(def.id).includes(body.data.sample) ? deps.samples.get(def.id, body.data.sample) : undefined;
    if (input === undefined) throw httpError('sample_unknown', `没有名为“${body.data.sample}”的示例。`, `No sample named "${body.data.sample}".`, { valid: deps.samples.list(def.id) });
    const zip = new PizZip();
    const manifest: Array<Record<string, unknown>> = [];
    for (const locale of LOCALES) {
      for (const format of FORMATS) {
        const r = await renderFiling(deps.render, { filingId: def.id, format, locale, input, version: v.version, allowDraftTemplate: true, draft: v.status === 'draft', signal: c.req.raw.signal });
        const name = `${locale}.${format}`;
        zip.file(name, r.bytes, { date: FIXED_ZIP_DATE, binary: true });
        manifest.push({ file: name, format, locale, templateVersion: r.templateVersion, draft: r.draft, sections: r.sections });
      }
    }
    zip.file('manifest.json', JSON.stringify({ filing: def.id, version: v.version, status: v.status, sample: body.data.sample, documents: manifest }, null, 2), { date: FIXED_ZIP_DATE });
    return new Response(zip.generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': 'application/zip', 'content-disposition': contentDisposition(`${def.id}-${v.version}-preview.zip`, `${def.id}-${v.version}-preview.zip`) },
    });
  });

  app.post('/v1/templates/:filing/versions/:version/publish', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const v = version(def, c.req.param('version'));
    const raw = (c.req.header('content-length') ?? '0') === '0' && !c.req.header('transfer-encoding') ? {} : await readJson(c.req.raw, deps.limits);
    const body = PublishBody.safeParse(raw);
    if (!body.success) throw new AppError({ code: 'input_invalid', message: { 'zh-CN': '发布请求格式不正确。', en: 'The publish request is malformed.' }, issues: toFieldIssues(body.error.issues) });
    const from = body.data.effectiveFrom ?? v.effectiveFrom;
    const until = body.data.effectiveUntil ?? v.effectiveUntil;
    if (until && until < from) throw httpError('upload_invalid', '失效日期不能早于生效日期。', 'effectiveUntil must not be before effectiveFrom.');
    // The sections required on the new effective date are checked again before the version goes live.
    const lint = lintTemplateVersion({ filing: def, docx: await deps.templates.docx(def.id, v.version), html: await deps.templates.htmlSource(def.id, v.version), date: from });
    if (!lint.ok) {
      throw httpError('template_lint_failed', '该版本在所选生效日期不满足章节要求，未发布。', 'The version does not meet the section rules in force on that date; not published.', { problems: localizeProblems(lint.problems, callerLocale(c.req.header('accept-language'))) });
    }
    try {
      const published = await deps.templates.publish(def.id, v.version, { effectiveFrom: from, ...(until ? { effectiveUntil: until } : {}), now: deps.now().toISOString() });
      return c.json({ version: published });
    } catch (e) {
      if (e instanceof TemplateVersionConflict) throw stateConflict(e, `只有草稿可以发布（${v.version} 当前为 ${v.status}）。`, `Only a draft can be published (${v.version} is ${v.status}).`);
      throw e;
    }
  });

  app.post('/v1/templates/:filing/versions/:version/retire', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const v = version(def, c.req.param('version'));
    try {
      return c.json({ version: await deps.templates.retire(def.id, v.version, deps.now().toISOString()) });
    } catch (e) {
      if (e instanceof TemplateVersionConflict) throw stateConflict(e, `只有已发布的版本可以停用（${v.version} 当前为 ${v.status}）。`, `Only a published version can be retired (${v.version} is ${v.status}).`);
      throw e;
    }
  });

  app.get('/v1/templates/:filing/diff', async (c) => {
    await guard(c);
    const def = filing(c.req.param('filing'));
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (!from || !to) throw httpError('query_invalid', '请用 from 和 to 指定两个版本。', 'Name two versions with from and to.', { parameter: from ? 'to' : 'from' });
    version(def, from);
    version(def, to);
    const a = await shapeOf(deps.templates, def.id, from);
    const b = await shapeOf(deps.templates, def.id, to);
    const common = a.sections.filter((s) => b.sections.includes(s));
    const inB = b.sections.filter((s) => a.sections.includes(s));
    const reordered = common.filter((s, i) => inB[i] !== s);
    return c.json({
      filing: def.id,
      from,
      to,
      sections: { added: b.sections.filter((s) => !a.sections.includes(s)), removed: a.sections.filter((s) => !b.sections.includes(s)), reordered },
      tags: { docx: setDiff(a.docxTags, b.docxTags), html: setDiff(a.htmlTags, b.htmlTags) },
    });
  });
}
