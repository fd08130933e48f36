// Declares a route idempotent: the Idempotency-Key middleware runs after the body is read and limited, and the
// route's entry in /openapi.json gains the request header, the replay marker and the answers the middleware may give.
import { z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { IDEMPOTENCY_KEY_LENGTH } from './idempotency.ts';
import { addHeaders, mergeEntries, problems, type ResponseEntry } from './route-group.ts';

const KeyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(IDEMPOTENCY_KEY_LENGTH.min)
    // A structured-field string may come in its double quotes.
    .max(IDEMPOTENCY_KEY_LENGTH.max + 2)
    .optional()
    .openapi({
      description: `Makes a retry safe (IETF draft-ietf-httpapi-idempotency-key-header): ${IDEMPOTENCY_KEY_LENGTH.min}–${IDEMPOTENCY_KEY_LENGTH.max} visible ASCII characters, a UUID say, optionally in double quotes. The same key with the same request within 24 h answers the first success again (with Idempotent-Replayed: true); with another request 422; while the first still runs 409.`,
      example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
    }),
});

const Replayed = { 'Idempotent-Replayed': z.enum(['true']).optional().openapi({ description: 'Present when this is the stored answer to an earlier request with the same Idempotency-Key' }) };

function keyResponses(): RouteConfig['responses'] {
  const out = problems({
    400: 'Malformed Idempotency-Key (idempotency_key_invalid)',
    409: 'A request with this Idempotency-Key is still running (idempotency_in_flight; see Retry-After), or finished with an answer too large to keep (idempotency_result_unavailable)',
    422: 'The Idempotency-Key was used for a different request (idempotency_key_reused)',
  });
  out['409'] = addHeaders(out['409'] as ResponseEntry, { 'Retry-After': z.string().optional().openapi({ description: 'Seconds to wait before retrying (idempotency_in_flight)' }) });
  return out;
}

export function idempotentRoute<R extends RouteConfig>(route: R, middleware: MiddlewareHandler<AppEnv>): R {
  if (route.request?.headers) throw new Error(`${route.method} ${route.path}: an idempotent route declares no headers of its own`);
  const responses: RouteConfig['responses'] = {};
  for (const [status, entry] of Object.entries(route.responses)) responses[status] = Number(status) < 300 ? addHeaders(entry as ResponseEntry, Replayed) : entry;
  for (const [status, entry] of Object.entries(keyResponses())) responses[status] = responses[status] ? mergeEntries(responses[status] as ResponseEntry, entry as ResponseEntry) : entry;
  const own = route.middleware === undefined ? [] : [route.middleware].flat();
  return { ...route, request: { ...route.request, headers: KeyHeader }, middleware: [...own, middleware], responses };
}
