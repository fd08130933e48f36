// The abuse-limit counters and Idempotency-Key results over any SQLite-dialect database (node:sqlite, D1): one
// atomic statement per operation, so the limits hold across every process or isolate sharing the database.
import type { IdempotencyClaim, IdempotencyKeyRef, IdempotencyStore, RateLimitStore, WindowCount } from '../core/ports.ts';
import type { SqlDatabase } from './sql-database.ts';

/** The little these stores need of the SQL stores' database: a statement's first row, and a statement run for its effect. Parameters are ?1…?n. */
export type SqlExecutor = Pick<SqlDatabase, 'first' | 'run'>;

/**
 * The counters' table as migration 0100 creates it, for a database that has no migrations of its own (a rate-limit
 * Durable Object's storage); a test checks the two agree.
 */
export const RATE_LIMITS_TABLE = `
CREATE TABLE IF NOT EXISTS rate_limits (
  bucket TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  blocked_until INTEGER NOT NULL DEFAULT 0,
  strikes INTEGER NOT NULL DEFAULT 0,
  last_block INTEGER,
  expires_at INTEGER NOT NULL
)`;

// A window that has run its course restarts at this hit; every SET expression reads the row as it was.
const HIT = `
INSERT INTO rate_limits (bucket, window_start, count, expires_at) VALUES (?1, ?2, 1, ?2 + ?3)
ON CONFLICT (bucket) DO UPDATE SET
  count = CASE WHEN rate_limits.window_start + ?3 <= ?2 THEN 1 ELSE rate_limits.count + 1 END,
  window_start = CASE WHEN rate_limits.window_start + ?3 <= ?2 THEN ?2 ELSE rate_limits.window_start END,
  expires_at = max(rate_limits.expires_at, ?2 + ?3)
RETURNING count, window_start`;

// strike 1 after a quiet period of ?5 ms, else one more; the block doubles with each strike up to ?4 ms.
const STRIKE = `CASE WHEN rate_limits.last_block IS NULL OR rate_limits.last_block + ?5 <= ?2 THEN 1 ELSE rate_limits.strikes + 1 END`;
const BLOCK = `
INSERT INTO rate_limits (bucket, window_start, count, blocked_until, strikes, last_block, expires_at)
VALUES (?1, ?2, 0, ?2 + min(?4, ?3), 1, ?2, ?2 + max(?5, min(?4, ?3)))
ON CONFLICT (bucket) DO UPDATE SET
  strikes = ${STRIKE},
  blocked_until = ?2 + min(?4, ?3 << min(30, ${STRIKE} - 1)),
  last_block = ?2,
  count = 0,
  window_start = ?2,
  expires_at = max(rate_limits.expires_at, ?2 + max(?5, min(?4, ?3 << min(30, ${STRIKE} - 1))))
RETURNING strikes, blocked_until`;

export function sqlRateLimitStore(db: SqlExecutor): RateLimitStore {
  return {
    async hit(bucket, windowMs, now): Promise<WindowCount> {
      const r = await db.first<{ count: number; window_start: number }>(HIT, [bucket, now, windowMs]);
      if (!r) throw new Error('rate limit counter returned no row');
      return { count: Number(r.count), resetAt: Number(r.window_start) + windowMs };
    },
    async blockedUntil(bucket) {
      const r = await db.first<{ blocked_until: number }>('SELECT blocked_until FROM rate_limits WHERE bucket = ?1', [bucket]);
      return r ? Number(r.blocked_until) : 0;
    },
    async block(bucket, o) {
      const r = await db.first<{ strikes: number; blocked_until: number }>(BLOCK, [bucket, o.now, o.baseMs, o.maxMs, o.forgetMs]);
      if (!r) throw new Error('rate limit block returned no row');
      return { until: Number(r.blocked_until), strike: Number(r.strikes) };
    },
    async purge(now) {
      await db.run('DELETE FROM rate_limits WHERE expires_at <= ?1', [now]);
    },
  };
}

// Taken over when absent, expired, or running past its lease for the same request (the process that ran it died).
const CLAIM = `
INSERT INTO idempotency_keys (scope, key_sha256, fingerprint, owner, state, created_at, expires_at, lease_until, response)
VALUES (?1, ?2, ?3, ?4, 'running', ?5, ?6, ?7, NULL)
ON CONFLICT (scope, key_sha256) DO UPDATE SET
  fingerprint = excluded.fingerprint, owner = excluded.owner, state = 'running', created_at = excluded.created_at,
  expires_at = excluded.expires_at, lease_until = excluded.lease_until, response = NULL
WHERE idempotency_keys.expires_at <= ?5
   OR (idempotency_keys.state = 'running' AND idempotency_keys.lease_until <= ?5 AND idempotency_keys.fingerprint = ?3)
RETURNING owner`;

interface ClaimRow {
  fingerprint: string;
  state: 'running' | 'done';
  expires_at: number;
  response: Uint8Array | ArrayBuffer | number[] | null;
}

const bytes = (v: ClaimRow['response']): Uint8Array | null => (v === null || v === undefined ? null : v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer));

export function sqlIdempotencyStore(db: SqlExecutor): IdempotencyStore {
  return {
    async claim(ref, o): Promise<IdempotencyClaim> {
      // Twice at most: the row can be released between the insert that lost and the look at the winner.
      for (let attempt = 0; attempt < 2; attempt++) {
        const won = await db.first<{ owner: string }>(CLAIM, [ref.scope, ref.keySha256, o.fingerprint, o.owner, o.now, o.now + o.ttlMs, o.now + o.leaseMs]);
        if (won?.owner === o.owner) return { state: 'started' };
        const r = await db.first<ClaimRow>('SELECT fingerprint, state, expires_at, response FROM idempotency_keys WHERE scope = ?1 AND key_sha256 = ?2', [ref.scope, ref.keySha256]);
        if (!r || Number(r.expires_at) <= o.now) continue;
        if (r.fingerprint !== o.fingerprint) return { state: 'mismatch' };
        return r.state === 'running' ? { state: 'running' } : { state: 'done', response: bytes(r.response) };
      }
      return { state: 'running' };
    },
    async complete(ref: IdempotencyKeyRef, owner, response) {
      await db.run("UPDATE idempotency_keys SET state = 'done', response = ?4 WHERE scope = ?1 AND key_sha256 = ?2 AND owner = ?3", [ref.scope, ref.keySha256, owner, response]);
    },
    async release(ref, owner) {
      await db.run("DELETE FROM idempotency_keys WHERE scope = ?1 AND key_sha256 = ?2 AND owner = ?3 AND state = 'running'", [ref.scope, ref.keySha256, owner]);
    },
    async purge(now) {
      await db.run('DELETE FROM idempotency_keys WHERE expires_at <= ?1', [now]);
    },
  };
}
