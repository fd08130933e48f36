// The abuse-limit counters and Idempotency-Key results in one process's memory: what an app built without a shared
// store uses (tests, a single process), with the same behaviour as the SQL stores and a bound on their size.
import type { IdempotencyClaim, IdempotencyStore, RateLimitStore } from '../core/ports.ts';

const MAX_ENTRIES = 50_000;

/** A Map that forgets its oldest entry when full, so a flood of new buckets cannot exhaust memory. */
function bounded<V>(max: number) {
  const m = new Map<string, V>();
  return {
    m,
    set(k: string, v: V) {
      if (!m.has(k) && m.size >= max) m.delete(m.keys().next().value!);
      m.set(k, v);
    },
  };
}

interface Bucket {
  windowStart: number;
  count: number;
  blockedUntil: number;
  strikes: number;
  lastBlock: number | null;
  expiresAt: number;
}

export function memoryRateLimitStore(max = MAX_ENTRIES): RateLimitStore {
  const buckets = bounded<Bucket>(max);
  return {
    async hit(bucket, windowMs, now) {
      const b = buckets.m.get(bucket);
      if (!b) {
        buckets.set(bucket, { windowStart: now, count: 1, blockedUntil: 0, strikes: 0, lastBlock: null, expiresAt: now + windowMs });
        return { count: 1, resetAt: now + windowMs };
      }
      if (b.windowStart + windowMs <= now) {
        b.windowStart = now;
        b.count = 0;
      }
      b.count++;
      b.expiresAt = Math.max(b.expiresAt, now + windowMs);
      return { count: b.count, resetAt: b.windowStart + windowMs };
    },
    async blockedUntil(bucket) {
      return buckets.m.get(bucket)?.blockedUntil ?? 0;
    },
    async block(bucket, o) {
      const b = buckets.m.get(bucket) ?? { windowStart: o.now, count: 0, blockedUntil: 0, strikes: 0, lastBlock: null, expiresAt: o.now };
      b.strikes = b.lastBlock === null || b.lastBlock + o.forgetMs <= o.now ? 1 : b.strikes + 1;
      const duration = Math.min(o.maxMs, o.baseMs * 2 ** Math.min(30, b.strikes - 1));
      b.blockedUntil = o.now + duration;
      b.lastBlock = o.now;
      b.count = 0;
      b.windowStart = o.now;
      b.expiresAt = Math.max(b.expiresAt, o.now + Math.max(o.forgetMs, duration));
      buckets.set(bucket, b);
      return { until: b.blockedUntil, strike: b.strikes };
    },
    async purge(now) {
      for (const [k, b] of buckets.m) if (b.expiresAt <= now) buckets.m.delete(k);
    },
  };
}

interface Entry {
  fingerprint: string;
  owner: string;
  state: 'running' | 'done';
  expiresAt: number;
  leaseUntil: number;
  response: Uint8Array | null;
}

export function memoryIdempotencyStore(max = MAX_ENTRIES): IdempotencyStore {
  const entries = bounded<Entry>(max);
  const id = (r: { scope: string; keySha256: string }) => `${r.scope}\n${r.keySha256}`;
  return {
    async claim(ref, o): Promise<IdempotencyClaim> {
      const e = entries.m.get(id(ref));
      const takeOver = !e || e.expiresAt <= o.now || (e.state === 'running' && e.leaseUntil <= o.now && e.fingerprint === o.fingerprint);
      if (takeOver) {
        entries.set(id(ref), { fingerprint: o.fingerprint, owner: o.owner, state: 'running', expiresAt: o.now + o.ttlMs, leaseUntil: o.now + o.leaseMs, response: null });
        return { state: 'started' };
      }
      if (e.fingerprint !== o.fingerprint) return { state: 'mismatch' };
      return e.state === 'running' ? { state: 'running' } : { state: 'done', response: e.response };
    },
    async complete(ref, owner, response) {
      const e = entries.m.get(id(ref));
      if (e?.owner === owner) Object.assign(e, { state: 'done', response });
    },
    async release(ref, owner) {
      const e = entries.m.get(id(ref));
      if (e?.owner === owner && e.state === 'running') entries.m.delete(id(ref));
    },
    async purge(now) {
      for (const [k, e] of entries.m) if (e.expiresAt <= now) entries.m.delete(k);
    },
  };
}
