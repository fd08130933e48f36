// Several filings rendered into one ZIP with manifest.json: all of them or none.
import { createRoute, z } from '@hono/zod-openapi';
import { FORMATS, LOCALES } from '../../render/document-job.ts';
import { renderPackage } from '../../usecases/render-package.ts';
import type { RouteContext } from '../app.ts';
import { contentDisposition } from '../content-disposition.ts';
import { admission } from '../admission.ts';
import { jsonBody } from '../json-limits.ts';
import { binary } from '../openapi/schemas.ts';
import { problems } from '../route-group.ts';

function packageRequest(maxDocuments: number) {
  return z
    .strictObject({
      documents: z
        .array(
          z.strictObject({
            // Checked against the filings with the data, so every bad document is reported at once (package_invalid).
            filing: z.string().max(100).openapi({ description: 'A filing id (see FilingId)', example: 'acceptance-extension' }),
            format: z.enum(FORMATS),
            locale: z.enum(LOCALES).default('zh-CN'),
            version: z.string().max(20).optional(),
            draft: z.boolean().default(false),
            data: z.unknown().openapi({ description: 'The filing’s input, as for POST /v1/filings/{id}/render' }),
          }),
        )
        .min(1)
        .max(maxDocuments),
    })
    .openapi('PackageRequest');
}

export function registerPackageRoutes(ctx: RouteContext): void {
  const { deps } = ctx;
  ctx.secured('render').openapi(
    ctx.idempotent(createRoute({
      method: 'post',
      path: '/v1/packages',
      operationId: 'renderPackage',
      summary: 'Several filings in one ZIP with manifest.json',
      tags: ['packages'],
      // A place with the render workers before the body is read; a package with PDFs takes its printer place once it
      // is validated, before any document is rendered.
      middleware: [admission(deps, () => ({ work: true })), ...jsonBody(ctx.limits)],
      request: { body: { required: true, content: { 'application/json': { schema: packageRequest(deps.maxPackageDocuments ?? 20) } } } },
      responses: {
        200: {
          description: 'ZIP of the documents and manifest.json (file names, filing ids, template versions, hashes)',
          headers: z.object({ 'Content-Disposition': z.string(), 'Cache-Control': z.string() }),
          content: { 'application/zip': { schema: binary } },
        },
        ...problems({
          400: 'Malformed body (json_invalid, json_too_deep, json_forbidden_key)',
          413: 'Body over the size limit (body_too_large)',
          415: 'Body is not application/json (unsupported_media_type)',
          422: 'Request malformed (input_invalid), document data invalid or filing unknown (package_invalid, errors[]), compliance errors (compliance_failed), no template version in force (template_missing); nothing is rendered',
          503: 'Render workers or printer and their queue full (queue_full: the workers before the body is read, the printer before any render), a render past its budget (render_timeout, renderer_unavailable, renderer_crashed); see Retry-After',
        }),
      },
    })),
    async (c) => {
      const audit = { store: deps.store, keyId: c.get('apiKey').id, now: deps.now, log: deps.log, requestId: c.get('requestId') };
      const r = await renderPackage(deps.render, c.req.valid('json').documents, { audit, signal: c.req.raw.signal });
      return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition(r.fileName, 'filings.zip'), 'Cache-Control': 'no-store' });
    },
  );
}
