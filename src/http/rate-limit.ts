// Per-key token buckets: a steady rate with a burst, answered with RateLimit headers and Retry-After.

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until one more request is allowed. */
  retryAfter: number;
}

export function createRateLimiter(opts: { perMinute: number; burst?: number; now?: () => number; maxKeys?: number }) {
  const capacity = opts.burst ?? opts.perMinute;
  const refillPerMs = opts.perMinute / 60_000;
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = opts.maxKeys ?? 10_000;
  return {
    take(key: string): RateLimitDecision {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        b = { tokens: capacity, at: t };
        buckets.set(key, b);
      }
      b.tokens = Math.min(capacity, b.tokens + (t - b.at) * refillPerMs);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, limit: capacity, remaining: Math.floor(b.tokens), retryAfter: 0 };
      }
      return { allowed: false, limit: capacity, remaining: 0, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000)) };
    },
  };
}
