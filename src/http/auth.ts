// Authentication and authorisation as middleware: Hono's bearer auth parses the header (400 when malformed, 401 when
// missing or wrong, with WWW-Authenticate), the key is checked in constant time against its stored hash (a refused
// key counts against the client's address, see rate-limit.ts), then the role's permission.
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { Store, WorkbenchStore } from '../core/ports.ts';
import { allowed, verifyApiKey, type Permission } from '../usecases/keys.ts';
import { resolveSession } from '../usecases/sessions.ts';
import { checkCsrf, sessionCookie } from './session.ts';
import type { AppEnv } from './env.ts';
import { httpError, problemResponse } from './problem.ts';

const REALM = 'filing-service';
/** Longer than any key this service issues or accepts from the environment. */
const MAX_KEY_LENGTH = 200;

/**
 * A key in the Authorization header; without one, the workbench's session cookie (a signed-in browser), whose
 * state-changing requests must pass the CSRF check.
 */
export function authenticate(
  store: Store,
  log: (e: Record<string, unknown>) => void,
  onRefused: (c: Context<AppEnv>) => Promise<void> = async () => {},
  sessions?: { store: WorkbenchStore; now: () => Date },
): MiddlewareHandler<AppEnv> {
  const bearer = bearerKey(store, log, onRefused);
  if (!sessions) return bearer;
  return async (c, next) => {
    const cookie = c.req.header('authorization') === undefined ? sessionCookie(c) : undefined;
    const signedIn = cookie ? await resolveSession(store, sessions.store, cookie, sessions.now()) : undefined;
    if (!signedIn) return bearer(c, next);
    await checkCsrf(c, signedIn.session);
    c.set('apiKey', signedIn.key);
    c.set('session', signedIn.session);
    await next();
  };
}

function bearerKey(store: Store, log: (e: Record<string, unknown>) => void, onRefused: (c: Context<AppEnv>) => Promise<void>): MiddlewareHandler<AppEnv> {
  // Hono's messages become the service's problem+json (Hono adds WWW-Authenticate to each).
  const problem = (code: 'unauthorized' | 'auth_header_malformed', zh: string, en: string) => (c: Context) => problemResponse(c as Context<AppEnv>, httpError(code, zh, en), log);
  return bearerAuth<AppEnv>({
    realm: REALM,
    verifyToken: async (token, c) => {
      const key = token.length <= MAX_KEY_LENGTH ? await verifyApiKey(store, token) : undefined;
      if (key) c.set('apiKey', key);
      else await onRefused(c as Context<AppEnv>);
      return key !== undefined;
    },
    noAuthenticationHeader: { message: problem('unauthorized', '缺少 API 密钥（Authorization: Bearer <key>）。', 'An API key is required (Authorization: Bearer <key>).') },
    invalidAuthenticationHeader: { message: problem('auth_header_malformed', 'Authorization 头格式应为 "Bearer <key>"。', 'The Authorization header must be "Bearer <key>".') },
    invalidToken: { message: problem('unauthorized', 'API 密钥无效或已吊销。', 'The API key is invalid or revoked.') },
  });
}

export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.get('apiKey');
    if (!allowed(key.role, permission)) throw httpError('forbidden', `角色“${key.role}”无权执行此操作。`, `The role "${key.role}" may not do this.`, { role: key.role, permission });
    await next();
  };
}
