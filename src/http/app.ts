// The HTTP API: one Hono app built from its services, identical on Node and Workers; entries only wire. Routes are
// declared with @hono/zod-openapi, so /openapi.json is generated from the validators that run.
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { memoryIdempotencyStore, memoryRateLimitStore } from '../storage/memory-abuse-stores.ts';
import { authBackoff, DEFAULT_AUTH_BACKOFF, keyRateLimit } from '../usecases/abuse-limits.ts';
import type { Permission } from '../usecases/keys.ts';
import { authenticate, requirePermission } from './auth.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from '../core/json-input.ts';
import { httpError, problemResponse } from './problem.ts';
import { idempotency } from './idempotency.ts';
import { idempotentRoute } from './idempotent-route.ts';
import { countFailedAuth, limitKeyRate, throttleFailedAuth } from './rate-limit.ts';
import { registerFilingInputs } from './openapi/schemas.ts';
import { publicGroup, securedGroup, type RouteGroup } from './route-group.ts';
import { validationHook } from './validation-hook.ts';
import { registerServiceRoutes } from './routes/service.ts';
import { registerFilingRoutes } from './routes/filings.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerPackageRoutes } from './routes/packages.ts';
import { registerRuleRoutes } from './routes/rules.ts';
import { registerGenerationRoutes } from './routes/generations.ts';
import { registerKeyRoutes } from './routes/keys.ts';
import { registerTemplateRoutes } from './routes/templates.ts';
import { registerProjectRoutes } from './routes/projects.ts';
import { registerDraftRoutes } from './routes/drafts.ts';
import { registerWorkbench } from '../ui/register.ts';
import { registerObligationRoutes } from './routes/obligations.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { SESSION_COOKIE } from './session.ts';

export type { AppDeps, AppEnv, Lifecycle, ReadinessProbe } from './env.ts';

/** What every route module gets: the app, its dependencies and the groups to declare routes in. */
export interface RouteContext {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  limits: JsonLimits;
  public: RouteGroup;
  secured(permission: Permission): RouteGroup;
  /** The route with Idempotency-Key handling (for POSTs that create something), in behaviour and in the document. */
  idempotent<R extends RouteConfig>(route: R): R;
}

const API_DOC_CSP = { defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"] };
/** The workbench's pages: own script and styles only (no inline script or style), framed documents from this site. */
const UI_CSP = { defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"], connectSrc: ["'self'"], frameSrc: ["'self'"], formAction: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] };
const API_PATHS = /^\/(v1\/|health$|ready$|openapi\.json$)/;

function globalMiddleware(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.use('*', requestId());
  // zh-CN unless the caller ranks English higher; every zh-* tag means the Chinese messages.
  app.use('*', languageDetector({ supportedLanguages: ['zh-CN', 'en'], fallbackLanguage: 'zh-CN', order: ['header'], caches: false, convertDetectedLanguage: (l) => (l.toLowerCase().startsWith('zh') ? 'zh-CN' : l) }));
  app.use('/docs/*', secureHeaders({ contentSecurityPolicy: API_DOC_CSP }));
  const apiHeaders = secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } });
  // A page may set its own policy (the sandboxed document preview); everything else gets the workbench's.
  const uiHeaders = secureHeaders({ contentSecurityPolicy: UI_CSP, overwrite: false });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/docs')) return next();
    return (deps.workbench && !API_PATHS.test(c.req.path) ? uiHeaders : apiHeaders)(c, next);
  });
  app.use('/v1/*', async (_c, next) => {
    if (deps.lifecycle.draining) throw httpError('shutting_down', '服务正在停止，请稍后重试。', 'The service is shutting down; retry shortly.', { retryAfterSeconds: 5 });
    deps.lifecycle.inFlight++;
    try {
      await next();
    } finally {
      deps.lifecycle.inFlight--;
    }
  });
}

/** A blocked address is refused first, then the key is checked (a refused one counts against the address), then its rate. */
function abuseLimitedAuth(deps: AppDeps): MiddlewareHandler<AppEnv>[] {
  const counters = deps.rateLimits ?? memoryRateLimitStore();
  const backoff = authBackoff(counters, { ...DEFAULT_AUTH_BACKOFF, ...deps.authBackoff });
  const address = deps.clientAddress ?? (() => undefined);
  return [
    throttleFailedAuth(backoff, address, deps.now),
    authenticate(deps.store, deps.log, countFailedAuth(backoff, address, deps.now), deps.workbench ? { store: deps.workbench, now: deps.now } : undefined),
    limitKeyRate(keyRateLimit(counters, { perMinute: deps.rateLimitPerMinute ?? 120 }), deps.now),
  ];
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: (result, c) => validationHook(result, c as Context) });
  const limits: JsonLimits = { ...DEFAULT_JSON_LIMITS, ...deps.limits };
  globalMiddleware(app, deps);
  app.onError((e, c) => problemResponse(c, e, deps.log));
  app.notFound((c) => problemResponse(c, httpError('not_found', `没有这个地址：${c.req.method} ${c.req.path}`, `No such route: ${c.req.method} ${c.req.path}`), deps.log));

  const auth = abuseLimitedAuth(deps);
  const keyed = idempotency({ store: deps.idempotency ?? memoryIdempotencyStore(), now: deps.now, ttlMs: deps.idempotencyTtlMs ?? 86_400_000, leaseMs: 120_000, maxResponseBytes: deps.idempotencyMaxResponseBytes ?? 32 * 1024 * 1024, log: deps.log });
  const ctx: RouteContext = {
    app,
    deps,
    limits,
    public: publicGroup(app),
    secured: (permission) => securedGroup(app, [...auth, requirePermission(permission)], Boolean(deps.workbench)),
    idempotent: (route) => idempotentRoute(route, keyed),
  };
  registerFilingInputs(app.openAPIRegistry);
  registerServiceRoutes(ctx);
  registerFilingRoutes(ctx);
  registerDocumentRoutes(ctx);
  registerPackageRoutes(ctx);
  registerRuleRoutes(ctx);
  registerGenerationRoutes(ctx);
  registerKeyRoutes(ctx);
  if (deps.templates) registerTemplateRoutes(ctx, deps.templates);
  if (deps.workbench) {
    app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The workbench’s session (sign in at /sign-in); state-changing requests also carry X-CSRF-Token' });
    registerProjectRoutes(ctx);
    registerDraftRoutes(ctx);
    registerWorkbench(ctx);
    if (deps.deadlines) {
      registerObligationRoutes(ctx, deps.deadlines);
      registerWebhookRoutes(ctx, deps.deadlines);
    }
  }
  return app;
}
