// The abuse limits as policy over the shared counters: a request budget per API key in a fixed window, and a back-off
// for client addresses that keep presenting bad keys (blocked for a while, each block twice as long as the last).
import type { RateLimitStore } from '../core/ports.ts';

/** Where a caller stands against a limit, in the terms of the RateLimit header fields (IETF draft) and Retry-After. */
export interface LimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the quota is whole again (the window ends, or the block is over). */
  resetSeconds: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function keyRateLimit(store: RateLimitStore, o: { perMinute: number }) {
  const windowMs = 60_000;
  let lastPurge = 0;
  return async (keyId: string, now: number): Promise<LimitState> => {
    // Buckets of keys and addresses gone quiet are dropped now and then, by whichever process comes by.
    if (now - lastPurge > 3_600_000) {
      lastPurge = now;
      await store.purge(now);
    }
    const w = await store.hit(`key:${keyId}`, windowMs, now);
    return { allowed: w.count <= o.perMinute, limit: o.perMinute, remaining: Math.max(0, o.perMinute - w.count), resetSeconds: seconds(w.resetAt - now) };
  };
}

export interface AuthBackoffPolicy {
  /** Failed authentications from one address within the window that start a block. */
  failures: number;
  windowMs: number;
  /** The first block; each further one doubles, up to maxBlockMs. */
  blockMs: number;
  maxBlockMs: number;
  /** A block this long after the previous one starts the doubling again from blockMs. */
  forgetMs: number;
}

export const DEFAULT_AUTH_BACKOFF: AuthBackoffPolicy = { failures: 10, windowMs: 600_000, blockMs: 60_000, maxBlockMs: 3_600_000, forgetMs: 86_400_000 };

export function authBackoff(store: RateLimitStore, policy: AuthBackoffPolicy) {
  const bucket = (address: string) => `auth:${address}`;
  return {
    policy,
    /** The block an address is under, if any: while it lasts, no key from it is even looked at. */
    async blocked(address: string, now: number): Promise<LimitState | undefined> {
      const until = await store.blockedUntil(bucket(address));
      return until > now ? { allowed: false, limit: policy.failures, remaining: 0, resetSeconds: seconds(until - now) } : undefined;
    },
    /** Counts a failed authentication; the one that reaches the limit blocks the address (exactly one, however many processes). */
    async failed(address: string, now: number): Promise<void> {
      const w = await store.hit(bucket(address), policy.windowMs, now);
      if (w.count === policy.failures) await store.block(bucket(address), { now, baseMs: policy.blockMs, maxMs: policy.maxBlockMs, forgetMs: policy.forgetMs });
    },
  };
}
