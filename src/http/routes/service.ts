// Service routes without a key: liveness, readiness, this API's OpenAPI document and its interactive documentation.
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteContext } from '../app.ts';
import { docsPage } from '../docs.ts';
import { httpError } from '../problem.ts';
import { problems } from '../route-group.ts';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const Check = z.object({ ok: z.boolean(), detail: z.string().optional() });
const Ready = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    draining: z.boolean(),
    checks: z.object({ database: Check, browser: Check, queue: z.object({ active: z.number().int(), queued: z.number().int(), limit: z.number().int() }) }),
    /** The font each type role of the PDFs resolved to: a licensed official face, the installed stand-in, or a fall-back. */
    fonts: z.array(z.object({ role: z.string(), family: z.string().nullable(), kind: z.enum(['official', 'stand-in', 'fallback']) })).optional(),
  })
  .openapi('Ready');

const API_INFO = {
  title: '政务信息化项目文书服务 / Government informatization filing service',
  version: '1.0.0',
  license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
  description:
    'Renders the filings required by 国办发〔2019〕57号 and local measures modelled on it as DOCX, PDF or HTML in zh-CN, en or bilingual. Errors are application/problem+json in the language of Accept-Language (zh-CN by default, en). Every response also carries the usual security headers (Content-Security-Policy, X-Content-Type-Options, …).',
};

const tags = ['service'];

export function registerServiceRoutes({ app, deps, public: open }: RouteContext): void {
  open.openapi(
    createRoute({ method: 'get', path: '/health', operationId: 'health', summary: 'Liveness', tags, responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } } }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  open.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      operationId: 'ready',
      summary: 'Readiness: database writable, browser healthy, queue depth',
      tags,
      responses: { 200: { description: 'Ready', content: { 'application/json': { schema: Ready } } }, 503: { description: 'Not ready', content: { 'application/json': { schema: Ready } } } },
    }),
    async (c) => {
      let database: { ok: boolean; detail?: string } = { ok: true };
      try {
        await deps.store.checkWritable();
      } catch (e) {
        database = { ok: false, detail: e instanceof Error ? e.message : String(e) };
      }
      const browser = await deps.readiness.browser();
      const queue = deps.readiness.queue();
      const ready = database.ok && browser.ok && !deps.lifecycle.draining && queue.queued < queue.limit;
      const fonts = deps.readiness.fonts?.();
      const body = { status: ready ? ('ready' as const) : ('not_ready' as const), draining: deps.lifecycle.draining, checks: { database, browser, queue }, ...(fonts ? { fonts } : {}) };
      return ready ? c.json(body, 200) : c.json(body, 503);
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer fsk_<id>_<secret> (or the ADMIN_API_KEY of the environment)' });
  let document: unknown;
  open.openapi(
    createRoute({ method: 'get', path: '/openapi.json', operationId: 'openapi', summary: 'This document (OpenAPI 3.1)', tags, responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } } }),
    (c) => {
      // Generated once from the routes as registered; they do not change while the app runs.
      document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO, servers: [{ url: '/' }], tags: [{ name: 'service', description: 'Health, readiness and documentation' }, { name: 'filings', description: 'The filings, their samples, validation, compliance check and rendering' }, { name: 'rules', description: 'Compliance rules as data' }, { name: 'packages', description: 'Several filings in one ZIP' }, { name: 'admin', description: 'API keys and the audit log' }, { name: 'templates', description: 'Template versions: upload, preview, publish, retire, diff' }, { name: 'projects', description: 'Projects, their filing drafts with history, finals and the consistency check (the workbench uses them too)' }] });
      return c.json(document as Record<string, unknown>, 200);
    },
  );

  open.openapi(
    createRoute({ method: 'get', path: '/docs', operationId: 'docs', summary: 'Interactive documentation (Swagger UI, served locally)', tags, responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } } }),
    (c) => c.html(docsPage(), 200),
  );

  open.openapi(
    createRoute({
      method: 'get',
      path: '/docs/assets/{file}',
      operationId: 'docsAsset',
      summary: 'A file of the documentation page',
      tags,
      request: { params: z.object({ file: z.string().max(100) }) },
      responses: {
        200: { description: 'The file', headers: z.object({ 'Cache-Control': z.string() }), content: { 'text/css': { schema: z.string() }, 'text/javascript': { schema: z.string() } } },
        ...problems({ 404: 'No such file (not_found)' }),
      },
    }),
    (c) => {
      const asset = deps.docsAssets?.get(c.req.valid('param').file);
      if (!asset) throw httpError('not_found', '没有这个文件。', 'No such file.');
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
    },
  );
}
