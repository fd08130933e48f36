// The abuse limits at the door: a blocked client address is answered 429 before any key is looked at, a bad key counts
// against its address, and each key's requests are counted; every answer past the key carries the RateLimit fields
// (IETF draft-ietf-httpapi-ratelimit-headers: Limit, Remaining, Reset) and every 429 also Retry-After.
import type { Context, MiddlewareHandler } from 'hono';
import type { LimitState, authBackoff, keyRateLimit } from '../usecases/abuse-limits.ts';
import { addressBucket } from './client-address.ts';
import type { AppEnv } from './env.ts';
import { httpError } from './problem.ts';

export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

function setRateLimitHeaders(c: Context<AppEnv>, s: LimitState): void {
  c.header('RateLimit-Limit', String(s.limit));
  c.header('RateLimit-Remaining', String(s.remaining));
  c.header('RateLimit-Reset', String(s.resetSeconds));
}

/** Before authentication: an address under a back-off block gets 429 for any key, so a block cannot be probed. */
export function throttleFailedAuth(backoff: ReturnType<typeof authBackoff>, address: ClientAddress, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Without a key nothing is guessed; Hono's bearer auth answers 401 as usual.
    if (c.req.header('authorization') === undefined) return next();
    const blocked = await backoff.blocked(addressBucket(address(c)), now().getTime());
    if (blocked) {
      setRateLimitHeaders(c, blocked);
      throw httpError('auth_throttled', '来自此地址的认证失败次数过多，请稍后重试。', 'Too many failed authentications from this address; retry later.', { retryAfterSeconds: blocked.resetSeconds });
    }
    return next();
  };
}

/** What authentication calls when a key was refused: one more failure against the client's address. */
export function countFailedAuth(backoff: ReturnType<typeof authBackoff>, address: ClientAddress, now: () => Date) {
  return (c: Context<AppEnv>) => backoff.failed(addressBucket(address(c)), now().getTime());
}

/** The per-key budget: RateLimit fields on every answer, 429 with Retry-After when the window's budget is spent. */
export function limitKeyRate(limiter: ReturnType<typeof keyRateLimit>, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = await limiter(c.get('apiKey').id, now().getTime());
    setRateLimitHeaders(c, s);
    if (!s.allowed) throw httpError('rate_limited', '请求过于频繁，请稍后重试。', 'Too many requests; retry later.', { retryAfterSeconds: s.resetSeconds });
    await next();
  };
}
