// Authentication and authorisation of a request: Bearer API key, role permission, per-key rate limit.
import type { Context } from 'hono';
import type { ApiKeyRecord, Store } from '../core/ports.ts';
import { allowed, verifyApiKey, type Permission } from './api-keys.ts';
import { httpError } from './problem.ts';
import type { createRateLimiter } from './rate-limit.ts';

export interface AuthDeps {
  store: Store;
  adminKey?: string;
  limiter: ReturnType<typeof createRateLimiter>;
}

const ADMIN_FROM_ENV: ApiKeyRecord = { id: 'env-admin', name: 'ADMIN_API_KEY', role: 'admin', secretSha256: '', createdAt: '1970-01-01T00:00:00Z', revokedAt: null };

export async function authorize(c: Context, deps: AuthDeps, permission: Permission): Promise<ApiKeyRecord> {
  const header = c.req.header('authorization');
  if (!header) throw httpError('unauthorized', '缺少 API 密钥（Authorization: Bearer <key>）。', 'An API key is required (Authorization: Bearer <key>).');
  const m = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  if (!m) throw httpError('auth_header_malformed', 'Authorization 头格式应为 "Bearer <key>"。', 'The Authorization header must be "Bearer <key>".');
  const check = await verifyApiKey(deps.store, m[1]!, deps.adminKey ? { key: deps.adminKey, record: ADMIN_FROM_ENV } : undefined);
  if (!check.ok) throw httpError('unauthorized', 'API 密钥无效或已吊销。', 'The API key is invalid or revoked.');
  const key = check.key;
  if (!allowed(key.role, permission)) {
    throw httpError('forbidden', `角色“${key.role}”无权执行此操作。`, `The role "${key.role}" may not do this.`, { role: key.role, permission });
  }
  const rate = deps.limiter.take(key.id);
  c.header('RateLimit-Limit', String(rate.limit));
  c.header('RateLimit-Remaining', String(rate.remaining));
  if (!rate.allowed) {
    throw httpError('rate_limited', '请求过于频繁，请稍后重试。', 'Too many requests; retry later.', { retryAfterSeconds: rate.retryAfter });
  }
  c.set('keyId' as never, key.id as never);
  return key;
}
