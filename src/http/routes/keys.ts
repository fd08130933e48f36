// API keys (admin): create (the secret is shown once), list, revoke.
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../core/ports.ts';
import { createApiKey, listKeys, ORG_PATTERN } from '../../usecases/keys.ts';
import type { RouteContext } from '../app.ts';
import { jsonBody } from '../json-limits.ts';
import { httpError } from '../problem.ts';
import { problems } from '../route-group.ts';

const tags = ['admin'];
const Org = z.string().regex(ORG_PATTERN).openapi({ description: 'Organisation: staff keys see and edit only its projects (default: `default`)', example: 'city-data-bureau' });
const KeyRequest = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES), org: Org.optional() }).openapi('KeyRequest');
const NewKey = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), org: z.string(), createdAt: z.string(), secret: z.string().openapi({ description: 'The whole key; shown this once' }) }).openapi('NewKey');
const KeyList = z.object({ keys: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), org: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })) }).openapi('KeyList');

export function registerKeyRoutes(ctx: RouteContext): void {
  const { deps } = ctx;
  const admin = ctx.secured('keys:manage');

  admin.openapi(
    ctx.idempotent(createRoute({
      method: 'post',
      path: '/v1/keys',
      operationId: 'createKey',
      summary: 'Create an API key (admin); the secret is shown once',
      tags,
      middleware: jsonBody(ctx.limits),
      request: { body: { required: true, content: { 'application/json': { schema: KeyRequest } } } },
      responses: {
        201: { description: 'The new key with its secret', content: { 'application/json': { schema: NewKey } } },
        ...problems({ 400: 'Malformed body (json_invalid)', 413: 'Body over the size limit (body_too_large)', 415: 'Body is not application/json (unsupported_media_type)', 422: 'Invalid request (input_invalid, errors[])' }),
      },
    })),
    async (c) => {
      const k = await createApiKey(deps.store, { ...c.req.valid('json'), now: deps.now().toISOString() });
      return c.json({ id: k.record.id, name: k.record.name, role: k.record.role, org: k.record.org, createdAt: k.record.createdAt, secret: k.secret }, 201);
    },
  );

  admin.openapi(createRoute({ method: 'get', path: '/v1/keys', operationId: 'listKeys', summary: 'API keys (admin)', tags, responses: { 200: { description: 'Keys', content: { 'application/json': { schema: KeyList } } } } }), async (c) =>
    c.json({ keys: await listKeys(deps.store) }, 200),
  );

  admin.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/keys/{id}',
      operationId: 'revokeKey',
      summary: 'Revoke an API key (admin)',
      tags,
      request: { params: z.object({ id: z.string().max(100) }) },
      responses: { 204: { description: 'Revoked' }, ...problems({ 404: 'No such active key (key_unknown)' }) },
    }),
    async (c) => {
      if (!(await deps.store.revokeKey(c.req.valid('param').id, deps.now().toISOString()))) throw httpError('key_unknown', '没有这个有效密钥。', 'No such active key.');
      return c.body(null, 204);
    },
  );
}
