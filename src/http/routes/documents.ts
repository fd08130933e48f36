// Working with one filing's data: validate it, check it against the rules, render it as DOCX, PDF or HTML.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { FieldIssue } from '../../core/errors.ts';
import { CONTENT_TYPES, FORMATS, LOCALES, type Format } from '../../render/document-job.ts';
import { checkFiling, validateFiling } from '../../usecases/check-filing.ts';
import { renderFiling } from '../../usecases/render-filing.ts';
import { renderCacheKey } from '../../usecases/render-cache.ts';
import { workOf } from '../../usecases/work.ts';
import type { RouteContext } from '../app.ts';
import { contentDisposition } from '../content-disposition.ts';
import { admission } from '../admission.ts';
import { jsonBody } from '../json-limits.ts';
import { binary, CONTENT_LANGUAGE, FieldError, FilingInput, Finding } from '../openapi/schemas.ts';
import { callerLocale, httpError, localizeFindings } from '../problem.ts';
import { problems, type RouteGroup } from '../route-group.ts';
import { FilingParams } from './filings.ts';

const tags = ['filings'];
const FORMAT_BY_TYPE: Record<string, Format> = Object.fromEntries(FORMATS.map((f) => [CONTENT_TYPES[f].split(';')[0]!, f]));

/** `format` from the query, else from Accept (best supported type by q; any type means DOCX), else DOCX. */
function negotiateFormat(c: Context): Format | undefined {
  const query = c.req.query('format');
  if (query !== undefined) return (FORMATS as readonly string[]).includes(query) ? (query as Format) : undefined;
  if (!c.req.header('accept')) return 'docx';
  const type = accepts(c, {
    header: 'Accept',
    supports: [CONTENT_TYPES.docx, CONTENT_TYPES.pdf, 'text/html'],
    default: '',
    match: (list) => {
      // Best q first (ties in the caller's order); a wildcard of a supported family picks its first format.
      for (const a of [...list].filter((x) => x.q > 0).sort((x, y) => y.q - x.q)) {
        const t = a.type.toLowerCase();
        if (FORMAT_BY_TYPE[t]) return t;
        if (t === '*/*' || t === '*' || t === 'application/*') return CONTENT_TYPES.docx;
        if (t === 'text/*') return 'text/html';
      }
      return '';
    },
  });
  if (!type) throw httpError('not_acceptable', '无法提供所请求的格式（可用：PDF、DOCX、HTML）。', 'None of the accepted types can be produced (PDF, DOCX, HTML).', { accept: c.req.header('accept') ?? '' });
  return FORMAT_BY_TYPE[type];
}

const AnyObject = z.record(z.string(), z.unknown()).openapi({ description: 'Any JSON object: what fails the filing’s schema is reported in errors[]' });
const Validation = z.object({ valid: z.boolean(), errors: z.array(FieldError) }).openapi('Validation');
const CheckResult = z.object({ findings: z.array(Finding), errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }).openapi('CheckResult');
const RenderQuery = z.object({
  format: z.enum(FORMATS).optional().openapi({ description: 'Failing that, from Accept (application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/html); DOCX by default' }),
  locale: z.enum(LOCALES).default('zh-CN'),
  version: z.string().max(20).optional().openapi({ description: 'Pin a published template version; otherwise the one in force on the filing’s own date' }),
  draft: z.enum(['true', 'false']).default('false').openapi({ description: 'Render despite error-level findings: 草稿/DRAFT on every page and the findings in an appendix' }),
});
const filingBody = { required: true, content: { 'application/json': { schema: FilingInput } } };
const bodyErrors = { 400: 'Malformed body: not JSON, not UTF-8, nested too deep, a forbidden key (json_invalid, json_too_deep, json_forbidden_key)', 413: 'Body over the size limit (body_too_large)', 415: 'Body is not application/json (unsupported_media_type)' };
const localized = z.object(CONTENT_LANGUAGE);
const busy = 'Every render worker busy and the queue full (queue_full), refused before the body is read; a job past its budget (render_timeout); see Retry-After';


const fieldErrors = (issues: FieldIssue[], locale: 'zh-CN' | 'en') => issues.map((i) => ({ path: i.path, code: i.code, message: i.message[locale] }));

export function registerDocumentRoutes(ctx: RouteContext): void {
  const group = ctx.secured('render');
  registerPreflight(ctx, group);
  registerRender(ctx, group);
}

function registerPreflight({ deps, limits }: RouteContext, render: RouteGroup): void {
  const work = admission(deps, () => ({ work: true }));
  render.openapi(
    createRoute({
      method: 'post',
      path: '/v1/filings/{id}/validate',
      operationId: 'validateFiling',
      summary: 'Validate filing data without rendering: { valid, errors[] }',
      tags,
      middleware: [work, ...jsonBody(limits)],
      request: { params: FilingParams, body: { required: true, content: { 'application/json': { schema: AnyObject } } } },
      responses: { 200: { description: 'Validation result', headers: localized, content: { 'application/json': { schema: Validation } } }, ...problems({ 404: 'Unknown filing (filing_unknown)', ...bodyErrors, 422: 'Not a JSON object (input_invalid), or JSON limits exceeded (json_limit_exceeded)', 503: busy }) },
    }),
    async (c) => {
      const r = await validateFiling(workOf(deps.render), c.req.valid('param').id, c.req.valid('json'), c.req.raw.signal);
      const locale = callerLocale(c);
      return c.json({ valid: r.valid, errors: fieldErrors(r.errors, locale) }, 200, { 'Content-Language': locale });
    },
  );

  render.openapi(
    createRoute({
      method: 'post',
      path: '/v1/filings/{id}/check',
      operationId: 'checkFiling',
      summary: 'Compliance preflight: findings with rule id, severity, JSON Pointer, message and citation',
      tags,
      middleware: [work, ...jsonBody(limits)],
      request: { params: FilingParams, body: filingBody },
      responses: { 200: { description: 'Findings (errors first)', headers: localized, content: { 'application/json': { schema: CheckResult } } }, ...problems({ 404: 'Unknown filing (filing_unknown)', ...bodyErrors, 422: 'Input invalid (input_invalid, errors[]) or JSON limits exceeded', 503: busy }) },
    }),
    async (c) => {
      const r = await checkFiling(workOf(deps.render), c.req.valid('param').id, c.req.valid('json'), c.req.raw.signal);
      const locale = callerLocale(c);
      return c.json({ ...r, findings: localizeFindings(r.findings, locale) }, 200, { 'Content-Language': locale });
    },
  );

}

function registerRender(ctx: RouteContext, render: RouteGroup): void {
  const { deps, limits } = ctx;
  const documentHeaders = z.object({
    'Content-Disposition': z.string().openapi({ description: 'attachment with the Chinese file name (filename*) and an ASCII fallback' }),
    'Cache-Control': z.string(),
    'X-Filing-Id': z.string(),
    'X-Template-Version': z.string(),
    'X-Input-SHA256': z.string().openapi({ description: 'SHA-256 of the canonical input' }),
    'X-Output-SHA256': z.string(),
    'X-Draft': z.enum(['true', 'false']),
    'X-Compliance-Findings': z.string().optional().openapi({ description: 'Findings that did not block, as ruleId:severity, comma-separated' }),
    'X-Render-Cache': z.enum(['hit', 'miss']).openapi({ description: 'hit: the same input and template version were rendered before and the document comes from the render cache' }),
    'X-Blocked-Requests': z.string().optional().openapi({ description: 'PDF: how many requests the browser refused while printing (the template tried to reach outside); each is in the audit record' }),
  });
  render.openapi(
    ctx.idempotent(createRoute({
      method: 'post',
      path: '/v1/filings/{id}/render',
      operationId: 'renderFiling',
      summary: 'Render a filing as DOCX, PDF or HTML',
      tags,
      // Before the body is read: the format must be producible (406), and a place taken at the printer (PDF) or with
      // the render workers, else 503 queue_full at once.
      middleware: [admission(deps, (c) => (negotiateFormat(c) === 'pdf' ? { pdf: true } : { work: true })), ...jsonBody(limits, { raw: true })],
      request: { params: FilingParams, query: RenderQuery, body: filingBody },
      responses: {
        200: { description: 'The document', headers: documentHeaders, content: { [CONTENT_TYPES.pdf]: { schema: binary }, [CONTENT_TYPES.docx]: { schema: binary }, 'text/html': { schema: z.string() } } },
        ...problems({
          400: 'Malformed body or query (json_invalid, json_too_deep, json_forbidden_key, format_unknown, locale_unknown, query_invalid)',
          404: 'Unknown filing (filing_unknown)',
          406: 'No acceptable format (not_acceptable)',
          413: bodyErrors[413],
          415: bodyErrors[415],
          422: 'Input invalid (input_invalid, errors[]), compliance errors (compliance_failed, findings[]), JSON limits, no template version in force (template_missing), page or size limit (too_many_pages, output_too_large)',
          503: 'Printer or render workers and their queue full (queue_full, refused before the body is read), render past its budget (render_timeout), browser unavailable or crashed (renderer_unavailable, renderer_crashed); see Retry-After',
        }),
      },
    })),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const format = negotiateFormat(c)!;
      const audit = { store: deps.store, keyId: c.get('apiKey').id, now: deps.now, log: deps.log, requestId: c.get('requestId') };
      const ticket = c.get('pdfTicket');
      const draft = q.draft === 'true';
      // The body's bytes, unparsed: they key the render cache (a repeat costs one hash) and go to the render work,
      // which reads them under the JSON limits off the event loop.
      const body = new Uint8Array(await c.req.arrayBuffer());
      const cacheKey = deps.render.cache ? await renderCacheKey({ filingId: id, format, locale: q.locale, draft, version: q.version }, body, deps.render.sha256) : undefined;
      const r = await renderFiling(deps.render, { filingId: id, format, locale: q.locale, body, limits, ...(q.version ? { version: q.version } : {}), draft, signal: c.req.raw.signal, ...(ticket ? { pdfTicket: ticket } : {}), ...(cacheKey ? { cacheKey } : {}) }, audit);
      const notes = r.findings.map((f) => `${f.ruleId}:${f.severity}`).join(', ');
      return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, {
        ...(notes ? { 'X-Compliance-Findings': notes } : {}),
        ...(format === 'pdf' ? { 'X-Blocked-Requests': String(r.blockedRequests.length) } : {}),
        'X-Render-Cache': r.cacheHit ? 'hit' : 'miss',
        'X-Draft': String(r.draft),
        'Content-Type': r.contentType,
        'Content-Disposition': contentDisposition(r.fileName, `${id}-${r.inputSha256.slice(0, 12)}.${format}`),
        'X-Filing-Id': id,
        'X-Template-Version': r.templateVersion,
        'X-Input-SHA256': r.inputSha256,
        'X-Output-SHA256': r.outputSha256,
        'Cache-Control': 'no-store',
      });
    },
  );
}
