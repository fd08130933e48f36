// Webhook receivers (admin): register (the whsec_ secret is shown once), list, read, enable or disable, rotate the
// secret (the old one keeps signing for the overlap), remove; deliveries by status (dead letters included) and the
// replay of a dead one with its webhook-id.
import { createRoute, z } from '@hono/zod-openapi';
import { ORG_PATTERN } from '../../usecases/keys.ts';
import { deleteReceiver, getReceiver, listDeliveries, receiverView, registerReceiver, replayDelivery, rotateReceiverSecret, setReceiverEnabled, type ReceiverDeps } from '../../usecases/webhook-receivers.ts';
import type { RouteContext } from '../app.ts';
import type { DeadlineServices } from '../env.ts';
import { jsonBody } from '../json-limits.ts';
import { problems } from '../route-group.ts';
import { bodyErrors } from './projects.ts';

const tags = ['admin'];
const Receiver = z
  .object({ id: z.string(), url: z.string(), org: z.string().nullable(), description: z.string(), status: z.enum(['active', 'disabled']), disabledReason: z.string().nullable(), createdAt: z.string(), createdBy: z.string().nullable(), previousSecretValidUntil: z.string().nullable() })
  .openapi('WebhookReceiver');
const WithSecret = z.object({ receiver: Receiver, secret: z.string().openapi({ description: 'The signing secret (whsec_…), shown this once' }) }).openapi('WebhookReceiverSecret');
const ReceiverCreate = z
  .strictObject({
    url: z.string().min(1).max(2000).openapi({ description: 'https; not this service, loopback, link-local or metadata; private networks only when WEBHOOK_ALLOWED_NETWORKS allows' }),
    org: z.string().regex(ORG_PATTERN).nullable().optional().openapi({ description: 'Only this organisation’s reminders (absent or null: every organisation’s)' }),
    description: z.string().max(200).optional(),
  })
  .openapi('WebhookReceiverCreate');
const Delivery = z
  .object({ id: z.string().openapi({ description: 'The webhook-id, the same on every attempt' }), reminderId: z.string(), receiverId: z.string(), projectId: z.string(), obligationId: z.string(), stage: z.string(), status: z.enum(['pending', 'delivered', 'dead']), attempts: z.number().int(), nextAttemptAt: z.string(), lastStatus: z.number().int().nullable(), lastError: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable() })
  .openapi('WebhookDelivery');
const Id = z.object({ receiverId: z.string().min(1).max(100) });
const unknown = problems({ 404: 'No such receiver (receiver_unknown)' });
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

export function registerWebhookRoutes(ctx: RouteContext, d: DeadlineServices): void {
  const { deps } = ctx;
  const r: ReceiverDeps = { receivers: d.receivers, reminders: d.reminders, policy: d.policy, now: deps.now, rotationOverlapMs: d.rotationOverlapMs };
  const admin = ctx.secured('webhooks:manage');
  const now = () => deps.now().getTime();

  admin.openapi(
    ctx.idempotent(createRoute({ method: 'post', path: '/v1/webhooks', operationId: 'createWebhookReceiver', summary: 'Register a webhook receiver of deadline reminders (admin)', tags, middleware: jsonBody(ctx.limits), request: { body: { required: true, content: { 'application/json': { schema: ReceiverCreate } } } }, responses: { 201: json(WithSecret, 'The receiver and its secret'), ...problems({ ...bodyErrors, 422: 'Invalid request or a refused URL (input_invalid, webhook_url_refused; errors[] at /url)' }) } })),
    async (c) => c.json(await registerReceiver(r, c.get('apiKey').id, c.req.valid('json')), 201),
  );
  admin.openapi(createRoute({ method: 'get', path: '/v1/webhooks', operationId: 'listWebhookReceivers', summary: 'Webhook receivers (admin), without secrets', tags, responses: { 200: json(z.object({ receivers: z.array(Receiver) }), 'Receivers') } }), async (c) =>
    c.json({ receivers: (await d.receivers.listReceivers()).map((x) => receiverView(x, now())) }, 200),
  );
  admin.openapi(createRoute({ method: 'get', path: '/v1/webhooks/{receiverId}', operationId: 'getWebhookReceiver', summary: 'A webhook receiver (admin)', tags, request: { params: Id }, responses: { 200: json(Receiver, 'The receiver'), ...unknown } }), async (c) =>
    c.json(receiverView(await getReceiver(r, c.req.valid('param').receiverId), now()), 200),
  );
  admin.openapi(
    createRoute({ method: 'patch', path: '/v1/webhooks/{receiverId}', operationId: 'setWebhookReceiverStatus', summary: 'Enable or disable a receiver (admin); a receiver that answered 410 is disabled until enabled here', tags, middleware: jsonBody(ctx.limits), request: { params: Id, body: { required: true, content: { 'application/json': { schema: z.strictObject({ enabled: z.boolean() }) } } } }, responses: { 200: json(Receiver, 'The receiver'), ...unknown, ...problems({ ...bodyErrors, 422: 'Invalid request (input_invalid)' }) } }),
    async (c) => c.json(await setReceiverEnabled(r, c.req.valid('param').receiverId, c.req.valid('json').enabled), 200),
  );
  admin.openapi(
    createRoute({ method: 'post', path: '/v1/webhooks/{receiverId}/rotate-secret', operationId: 'rotateWebhookSecret', summary: 'A new signing secret (admin); the previous one still signs, as a second signature, until the overlap ends', tags, request: { params: Id }, responses: { 200: json(WithSecret, 'The receiver and its new secret'), ...unknown } }),
    async (c) => c.json(await rotateReceiverSecret(r, c.req.valid('param').receiverId), 200),
  );
  admin.openapi(createRoute({ method: 'delete', path: '/v1/webhooks/{receiverId}', operationId: 'deleteWebhookReceiver', summary: 'Remove a receiver and its deliveries (admin)', tags, request: { params: Id }, responses: { 204: { description: 'Removed' }, ...unknown } }), async (c) => {
    await deleteReceiver(r, c.req.valid('param').receiverId);
    return c.body(null, 204);
  });
  admin.openapi(
    createRoute({ method: 'get', path: '/v1/webhook-deliveries', operationId: 'listWebhookDeliveries', summary: 'Deliveries, newest first (admin); status=dead lists the dead letters', tags, request: { query: z.object({ status: z.enum(['pending', 'delivered', 'dead']).optional(), receiver: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }) }, responses: { 200: json(z.object({ deliveries: z.array(Delivery) }).openapi('WebhookDeliveryList'), 'Deliveries') } }),
    async (c) => {
      const q = c.req.valid('query');
      const list = await listDeliveries(r, { ...(q.status ? { status: q.status } : {}), ...(q.receiver ? { receiverId: q.receiver } : {}), ...(q.limit ? { limit: q.limit } : {}) });
      return c.json({ deliveries: list.map((x) => ({ ...x, nextAttemptAt: new Date(x.nextAttemptAt).toISOString() })) }, 200);
    },
  );
  admin.openapi(
    createRoute({ method: 'post', path: '/v1/webhook-deliveries/{deliveryId}/replay', operationId: 'replayWebhookDelivery', summary: 'Send a dead-lettered delivery again on the next run, with the same webhook-id (admin)', tags, request: { params: z.object({ deliveryId: z.string().min(1).max(100) }) }, responses: { 202: { description: 'Queued' }, ...problems({ 404: 'No such delivery (delivery_unknown)', 409: 'Not dead-lettered (delivery_not_dead)' }) } }),
    async (c) => {
      await replayDelivery(r, c.req.valid('param').deliveryId);
      return c.body(null, 202);
    },
  );
}
