// Template maintenance (maintainer and admin): list and download versions, upload a draft (linted), preview it with a
// sample in every format and locale, publish with an effective date, retire (rollback), and diff two versions.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, type FieldIssue } from '../../core/errors.ts';
import { filingById, type FilingDefinition } from '../../core/filings/index.ts';
import type { TemplateRepository } from '../../core/ports.ts';
import { diffTemplates, previewTemplate, publishTemplate, requireVersion, retireTemplate, uploadTemplate } from '../../usecases/templates.ts';
import { workOf } from '../../usecases/work.ts';
import type { RouteContext } from '../app.ts';
import { contentDisposition } from '../content-disposition.ts';
import { admission } from '../admission.ts';
import { formBody, jsonBody } from '../json-limits.ts';
import { binary, FilingId, LintProblem, TemplateVersion } from '../openapi/schemas.ts';
import { callerLocale, localizeLintProblems } from '../problem.ts';
import { problems, type RouteGroup } from '../route-group.ts';
import { validationHook, type ValidationResult } from '../validation-hook.ts';

const tags = ['templates'];
const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = () => z.string().regex(DATE).openapi({ format: 'date' });
const file = () => z.instanceof(File).optional().openapi({ type: 'string', format: 'binary' });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
// Whole-form checks run even when a field failed, so every problem of an upload is reported at once.
const always = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };

const UploadForm = z
  .object({
    version: z.preprocess(blankToUndefined, z.string().regex(VERSION)).openapi({ example: '1.1.0' }),
    effectiveFrom: z.preprocess(blankToUndefined, date()),
    effectiveUntil: z.preprocess(blankToUndefined, date().optional()),
    regulationBasis: z
      .preprocess((v) => [v ?? []].flat().flatMap((x) => (typeof x === 'string' ? x.split('\n') : [])).map((x) => x.trim()).filter(Boolean), z.array(z.string().max(300)).min(1))
      .openapi({ description: 'One or more; repeat the field or give one per line' }),
    docx: file(),
    html: file(),
  })
  .refine((u) => u.docx !== undefined || u.html !== undefined, { path: ['docx'], message: 'no_file', ...always })
  .refine((u) => !u.effectiveUntil || !u.effectiveFrom || u.effectiveUntil >= u.effectiveFrom, { path: ['effectiveUntil'], message: 'before_from', ...always })
  .openapi('TemplateUpload');

const UPLOAD_MESSAGES: Record<string, [string, string]> = {
  version: ['版本号应为 主.次.修订 形式，如 1.1.0。', 'The version has the form major.minor.patch, e.g. 1.1.0.'],
  effectiveFrom: ['生效日期应为 YYYY-MM-DD。', 'effectiveFrom is a date, YYYY-MM-DD.'],
  effectiveUntil: ['失效日期应为 YYYY-MM-DD 且不早于生效日期。', 'effectiveUntil is a date, YYYY-MM-DD, not before effectiveFrom.'],
  regulationBasis: ['须写明制定依据（一项或多项，每项不超过300字）。', 'Name the regulation basis (one or more, each at most 300 characters).'],
  docx: ['至少上传 docx 或 html 模板文件之一。', 'Upload a docx or an html template file, or both.'],
  html: ['HTML 模板应为文件。', 'The HTML template is a file.'],
};

/** An upload's fields, each reported once with what it should be. */
function uploadHook(result: ValidationResult, c: Context): undefined {
  if (result.success || result.target !== 'form' || !result.error) return validationHook(result, c);
  const fields = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? 'docx')))];
  const issues: FieldIssue[] = fields.map((f) => {
    const [zh, en] = UPLOAD_MESSAGES[f] ?? [`字段 ${f} 无效。`, `The field ${f} is invalid.`];
    return { path: `/${f}`, code: 'upload_invalid', message: { 'zh-CN': zh, en } };
  });
  throw new AppError({ code: 'upload_invalid', message: { 'zh-CN': `上传内容有${issues.length}处问题。`, en: `The upload has ${issues.length} problem(s).` }, issues });
}

const Params = z.object({ filing: FilingId });
const VersionParams = Params.extend({ version: z.string().max(20) });
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
const TemplateVersionList = z.object({ versions: z.array(TemplateVersion) }).openapi('TemplateVersionList');
const TemplateVersionOne = z.object({ version: TemplateVersion }).openapi('TemplateVersionOne');
const UploadResult = z.object({ version: TemplateVersion, warnings: z.array(LintProblem), filledFrom: z.string().optional().openapi({ description: 'The published version that supplied a file not uploaded' }) }).openapi('TemplateUploadResult');
const Diff = z
  .object({
    filing: FilingId,
    from: z.string(),
    to: z.string(),
    sections: z.object({ added: z.array(z.string()), removed: z.array(z.string()), reordered: z.array(z.string()) }),
    tags: z.object({ docx: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }), html: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }) }),
  })
  .openapi('TemplateDiff');
const notFound = problems({ 404: 'Unknown filing or version (filing_unknown, template_version_unknown)' });
const jsonErrors = { 400: 'Malformed body (json_invalid)', 413: 'Body over the size limit (body_too_large)', 415: 'Body is not application/json (unsupported_media_type)' };

const def = (id: string): FilingDefinition => filingById(id)!;

export function registerTemplateRoutes(ctx: RouteContext, repo: TemplateRepository): void {
  const group = ctx.secured('templates:manage');
  registerReads(group, repo);
  registerUpload(ctx, group, repo);
  registerLifecycle(ctx, group, repo);
}

function registerReads(group: RouteGroup, repo: TemplateRepository): void {
  group.openapi(createRoute({ method: 'get', path: '/v1/templates/{filing}/versions', operationId: 'listTemplateVersions', summary: 'Template versions of a filing with status and dates', tags, request: { params: Params }, responses: { 200: json(TemplateVersionList, 'Versions'), ...notFound } }), (c) =>
    c.json({ versions: repo.versions(c.req.valid('param').filing) }, 200),
  );

  group.openapi(createRoute({ method: 'get', path: '/v1/templates/{filing}/versions/{version}', operationId: 'getTemplateVersion', summary: 'One template version', tags, request: { params: VersionParams }, responses: { 200: json(TemplateVersionOne, 'Version'), ...notFound } }), (c) => {
    const p = c.req.valid('param');
    return c.json({ version: requireVersion(repo, def(p.filing), p.version) }, 200);
  });

  group.openapi(
    createRoute({
      method: 'get',
      path: '/v1/templates/{filing}/versions/{version}/files/{kind}',
      operationId: 'getTemplateFile',
      summary: 'Download a version’s DOCX or HTML template',
      tags,
      request: { params: VersionParams.extend({ kind: z.enum(['docx', 'html']) }) },
      responses: {
        200: { description: 'The file', headers: z.object({ 'Content-Disposition': z.string() }), content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary }, 'text/x-handlebars-template': { schema: z.string() } } },
        ...problems({ 404: 'Unknown filing, version or kind (filing_unknown, template_version_unknown, not_found)' }),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const v = requireVersion(repo, def(p.filing), p.version);
      const name = `${v.filingId}-${v.version}.${p.kind === 'docx' ? 'docx' : 'hbs'}`;
      const headers = { 'Content-Disposition': contentDisposition(name, name) };
      if (p.kind === 'docx') return c.body((await repo.docx(v.filingId, v.version)) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      return c.body(await repo.htmlSource(v.filingId, v.version), 200, { ...headers, 'Content-Type': 'text/x-handlebars-template; charset=utf-8' });
    },
  );

}

function registerUpload({ deps, idempotent }: RouteContext, group: RouteGroup, repo: TemplateRepository): void {
  group.openapi(
    idempotent(createRoute({
      method: 'post',
      path: '/v1/templates/{filing}/versions',
      operationId: 'uploadTemplateVersion',
      summary: 'Upload a draft version (multipart: docx and/or html, version, effectiveFrom, effectiveUntil, regulationBasis); linted first',
      tags,
      middleware: [admission(deps, () => ({ work: true })), ...formBody(deps.maxUploadBytes ?? 10 * 1024 * 1024)],
      request: { params: Params, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: json(UploadResult, 'The new draft, lint warnings, and the version that supplied a file not uploaded'),
        ...notFound,
        ...problems({
          400: 'The body is not valid multipart/form-data (form_invalid)',
          409: 'The version exists (template_version_exists)',
          413: 'Upload over the limit (body_too_large)',
          415: 'Not multipart/form-data (unsupported_media_type)',
          422: 'Fields missing or invalid (upload_invalid, errors[]), or the lint failed or ran out of its time budget (template_lint_failed, problems[] with file, tag and explanation); nothing stored',
          503: 'Every render worker busy and the queue full (queue_full), refused before the upload is read; see Retry-After',
        }),
      },
    })),
    async (c) => {
      const f = c.req.valid('form');
      const bytes = async (x: File | undefined) => (x ? new Uint8Array(await x.arrayBuffer()) : undefined);
      const r = await uploadTemplate(repo, def(c.req.valid('param').filing), { version: f.version, effectiveFrom: f.effectiveFrom, effectiveUntil: f.effectiveUntil, regulationBasis: f.regulationBasis, docx: await bytes(f.docx), html: await bytes(f.html), now: deps.now().toISOString() }, workOf(deps.render));
      return c.json({ version: r.version, warnings: localizeLintProblems(r.warnings, callerLocale(c)), ...(r.filledFrom ? { filledFrom: r.filledFrom } : {}) }, 201);
    },
    uploadHook,
  );

}

function registerLifecycle(ctx: RouteContext, group: RouteGroup, repo: TemplateRepository): void {
  const { deps } = ctx;
  const now = () => deps.now().toISOString();
  group.openapi(
    createRoute({
      method: 'post',
      path: '/v1/templates/{filing}/versions/{version}/preview',
      operationId: 'previewTemplateVersion',
      summary: 'Render a named sample with this version in every format and locale (ZIP)',
      tags,
      middleware: [admission(deps, () => ({ pdf: true })), ...jsonBody(ctx.limits)],
      request: { params: VersionParams, body: { required: true, content: { 'application/json': { schema: z.strictObject({ sample: z.string().min(1).max(200) }).openapi('PreviewRequest') } } } },
      responses: {
        200: { description: 'ZIP of 9 documents and manifest.json', headers: z.object({ 'Content-Disposition': z.string() }), content: { 'application/zip': { schema: binary } } },
        ...problems({ 404: 'Unknown filing, version or sample (filing_unknown, template_version_unknown, sample_unknown)', ...jsonErrors, 422: 'Invalid request (input_invalid), or the sample fails with this version', 503: 'PDF pool full or a render past its budget (queue_full, render_timeout)' }),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const ticket = c.get('pdfTicket');
      const r = await previewTemplate(deps.render, deps.samples, requireVersion(repo, def(p.filing), p.version), c.req.valid('json').sample, { signal: c.req.raw.signal, ...(ticket ? { pdfTicket: ticket } : {}) });
      return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition(r.fileName, r.fileName) });
    },
  );

  group.openapi(
    createRoute({
      method: 'post',
      path: '/v1/templates/{filing}/versions/{version}/publish',
      operationId: 'publishTemplateVersion',
      summary: 'Publish a draft, optionally setting its effective dates; the lint is run again for that date',
      tags,
      middleware: [admission(deps, () => ({ work: true })), ...jsonBody(ctx.limits, { optional: true })],
      request: { params: VersionParams, body: { required: false, content: { 'application/json': { schema: z.strictObject({ effectiveFrom: date().optional(), effectiveUntil: date().optional() }).openapi('PublishRequest') } } } },
      responses: {
        200: json(TemplateVersionOne, 'The published version'),
        ...problems({ 404: 'Unknown filing or version', 409: 'Not a draft (template_version_state)', ...jsonErrors, 422: 'Invalid dates (input_invalid, upload_invalid) or lint failure for that date (template_lint_failed)', 503: 'Every render worker busy and the queue full (queue_full); see Retry-After' }),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const d = def(p.filing);
      return c.json({ version: await publishTemplate(repo, d, requireVersion(repo, d, p.version), c.req.valid('json'), now(), workOf(deps.render)) }, 200);
    },
  );

  group.openapi(
    createRoute({
      method: 'post',
      path: '/v1/templates/{filing}/versions/{version}/retire',
      operationId: 'retireTemplateVersion',
      summary: 'Retire a published version (rollback): renders fall back to the version in force before it',
      tags,
      request: { params: VersionParams },
      responses: { 200: json(TemplateVersionOne, 'The retired version'), ...problems({ 404: 'Unknown filing or version', 409: 'Not published (template_version_state)' }) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json({ version: await retireTemplate(repo, requireVersion(repo, def(p.filing), p.version), now()) }, 200);
    },
  );

  registerDiff(group, repo);
}

function registerDiff(group: RouteGroup, repo: TemplateRepository): void {
  group.openapi(
    createRoute({
      method: 'get',
      path: '/v1/templates/{filing}/diff',
      operationId: 'diffTemplateVersions',
      summary: 'Sections added, removed or reordered and tags added or removed between two versions',
      tags,
      request: { params: Params, query: z.object({ from: z.string().min(1).max(20), to: z.string().min(1).max(20) }) },
      responses: { 200: json(Diff, 'Differences'), ...problems({ 400: 'from or to missing (query_invalid)', 404: 'Unknown filing or version' }) },
    }),
    async (c) => {
      const d = def(c.req.valid('param').filing);
      const q = c.req.valid('query');
      return c.json(await diffTemplates(repo, requireVersion(repo, d, q.from), requireVersion(repo, d, q.to)), 200);
    },
  );
}
