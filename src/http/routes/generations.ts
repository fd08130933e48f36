// The audit log of every render, newest first, paged by an opaque cursor (admin).
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteContext } from '../app.ts';
import { problems } from '../route-group.ts';

const Generation = z.object({
  id: z.string(),
  at: z.string(),
  keyId: z.string().nullable(),
  filingId: z.string(),
  format: z.string(),
  locale: z.string(),
  templateVersion: z.string().nullable(),
  inputSha256: z.string().nullable(),
  outputSha256: z.string().nullable(),
  bytes: z.number().int().nullable(),
  ms: z.number(),
  outcome: z.string().openapi({ description: 'ok, or the error code that ended the render' }),
  findings: z.array(z.string()),
  draft: z.boolean(),
  blockedRequests: z.array(z.string()).openapi({ description: 'Requests Chromium refused while printing (shortened URLs): a non-empty list flags a template that tried to fetch' }),
  cacheHit: z.boolean().openapi({ description: 'Served from the render cache' }),
});
const GenerationPage = z.object({ items: z.array(Generation), next: z.string().nullable().openapi({ description: 'Cursor for the next (older) page' }) }).openapi('GenerationPage');

export function registerGenerationRoutes(ctx: RouteContext): void {
  ctx.secured('generations:read').openapi(
    createRoute({
      method: 'get',
      path: '/v1/generations',
      operationId: 'listGenerations',
      summary: 'Audit log of every render, newest first (admin)',
      tags: ['admin'],
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), before: z.string().regex(/^\d{1,18}$/).optional().openapi({ description: 'cursor from next' }) }) },
      responses: { 200: { description: 'A page of generations', content: { 'application/json': { schema: GenerationPage } } }, ...problems({ 400: 'Bad limit or cursor (query_invalid)' }) },
    }),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json(await ctx.deps.store.listGenerations({ limit, ...(before ? { before } : {}) }), 200);
    },
  );
}
