// Route groups: routes that share access rules. A group adds its middleware (authentication, rate limit, role; later
// sessions or idempotency) to every route it declares, and the matching security, headers and error responses to
// the route's entry in /openapi.json, so what runs and what is documented cannot part.
import { z, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { CONTENT_LANGUAGE, Problem, RATE_LIMIT, REQUEST_ID } from './openapi/schemas.ts';
import { validationHook, type ValidationResult } from './validation-hook.ts';

type Responses = RouteConfig['responses'];
export type ResponseEntry = Exclude<Responses[string], { $ref: string }>;
export type HeaderShape = Record<string, z.ZodType>;

const optional = (s: HeaderShape) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.optional()]));

/** Problem responses: status → description, with the headers each always carries. */
export function problems(map: Record<number, string>): Responses {
  const out: Responses = {};
  for (const [status, description] of Object.entries(map)) {
    const s = Number(status);
    const headers: HeaderShape = { ...REQUEST_ID, ...CONTENT_LANGUAGE };
    if (s === 429 || s === 503) headers['Retry-After'] = z.string().openapi({ description: 'Seconds to wait before retrying' });
    if (s === 429) Object.assign(headers, RATE_LIMIT);
    if (s === 401) headers['WWW-Authenticate'] = z.string().openapi({ description: 'Bearer challenge (RFC 6750)' });
    out[status] = { description, headers: z.object(headers), content: { 'application/problem+json': { schema: Problem } } };
  }
  return out;
}

function headerShape(entry: ResponseEntry): HeaderShape {
  const own = entry.headers;
  if (own === undefined) return {};
  if (!(own instanceof z.ZodObject)) throw new Error('route response headers must be a zod object');
  return own.shape as HeaderShape;
}

/** Two entries for one status: both descriptions; a header only one of them sends becomes optional. */
export function mergeEntries(mine: ResponseEntry, theirs: ResponseEntry): ResponseEntry {
  const a = headerShape(mine);
  const b = headerShape(theirs);
  const headers: HeaderShape = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) headers[k] = a[k] && b[k] ? a[k] : (a[k] ?? b[k])!.optional();
  return { ...mine, description: `${mine.description}; ${theirs.description}`, headers: z.object(headers) };
}

export function addHeaders(entry: ResponseEntry, shape: HeaderShape): ResponseEntry {
  return { ...entry, headers: z.object({ ...shape, ...headerShape(entry) }) };
}

/** Route responses plus the group's, each with the headers the group's middleware sends. */
function mergeResponses(route: Responses, spec: GroupSpec): Responses {
  const out: Responses = {};
  for (const [status, entry] of Object.entries(spec.responses)) out[status] = addHeaders(entry as ResponseEntry, spec.errorHeaders);
  for (const [status, entry] of Object.entries(route)) {
    const mine = addHeaders(entry as ResponseEntry, Number(status) < 400 ? spec.successHeaders : spec.errorHeaders);
    out[status] = out[status] ? mergeEntries(mine, out[status] as ResponseEntry) : mine;
  }
  return out;
}

export interface GroupSpec {
  middleware: MiddlewareHandler<AppEnv>[];
  security: Array<Record<string, string[]>>;
  responses: Responses;
  /** Headers the group's middleware puts on every answer that passed it, and (optional) on errors. */
  successHeaders: HeaderShape;
  errorHeaders: HeaderShape;
}

type Hook = Parameters<OpenAPIHono<AppEnv>['openapi']>[2];

/**
 * Validates the path and query before the route's own middleware reads the body, so an unknown filing or a bad
 * query value is answered without reading (or limiting) a body. The route's validators run them again, cheaply.
 */
function urlFirst(route: RouteConfig, hook: Hook): MiddlewareHandler<AppEnv> | undefined {
  const { params, query } = route.request ?? {};
  if (!params && !query) return undefined;
  const report = (hook ?? validationHook) as (result: ValidationResult, c: Context) => unknown;
  return async (c, next) => {
    if (params) report({ ...(await params.safeParseAsync(c.req.param())), target: 'param' }, c);
    if (query) report({ ...(await query.safeParseAsync(Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v])))), target: 'query' }, c);
    await next();
  };
}

export interface RouteGroup {
  openapi<R extends RouteConfig>(route: R, handler: RouteHandler<R, AppEnv>, hook?: Hook): void;
}

function routeGroup(app: OpenAPIHono<AppEnv>, spec: GroupSpec): RouteGroup {
  return {
    openapi(route, handler, hook) {
      const own = route.middleware === undefined ? [] : [route.middleware].flat();
      const early = urlFirst(route, hook);
      const merged = { ...route, security: spec.security, middleware: [...spec.middleware, ...(early ? [early] : []), ...own], responses: mergeResponses(route.responses, spec) };
      // The merged route only adds middleware and documentation to R; the handler's typing stays R's.
      app.openapi(merged as typeof route, handler, hook);
    },
  };
}

/** Public routes: no key, `security: []`. */
export function publicGroup(app: OpenAPIHono<AppEnv>): RouteGroup {
  return routeGroup(app, { middleware: [], security: [], responses: problems({ 500: 'Server fault (internal)' }), successHeaders: REQUEST_ID, errorHeaders: {} });
}

/** A group whose routes need a key with a permission: the middleware that checks it, and what it can answer. */
export function securedGroup(app: OpenAPIHono<AppEnv>, middleware: MiddlewareHandler<AppEnv>[], sessions = false): RouteGroup {
  const responses = problems({
    400: 'Malformed Authorization header (auth_header_malformed)',
    401: 'Missing, invalid or revoked API key (unauthorized)',
    403: sessions ? 'The key’s role may not do this (forbidden), or a session’s request failed the CSRF check (csrf_failed)' : 'The key’s role may not do this (forbidden)',
    429: 'The key’s requests in this window are spent (rate_limited), or the client address is blocked after too many failed authentications (auth_throttled); see Retry-After and the RateLimit fields',
    500: 'Server fault (internal, template_invalid, template_corrupt, output_check_failed, render_failed)',
    503: 'Shutting down, or the database busy past its wait (shutting_down, database_busy); see Retry-After',
  });
  const bad = responses['400'] as ResponseEntry;
  responses['400'] = { ...bad, headers: z.object({ ...headerShape(bad), 'WWW-Authenticate': z.string().optional().openapi({ description: 'Bearer challenge, when the Authorization header is malformed' }) }) };
  return routeGroup(app, { middleware, security: sessions ? [{ apiKey: [] }, { session: [] }] : [{ apiKey: [] }], responses, successHeaders: { ...REQUEST_ID, ...RATE_LIMIT }, errorHeaders: optional(RATE_LIMIT) });
}
