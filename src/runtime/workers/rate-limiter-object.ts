// The abuse-limit counters in Durable Objects: one object per bucket (idFromName), so every isolate at every location
// that counts a bucket talks to the single instance Cloudflare runs for that id, which handles its requests one at a
// time. The object keeps its row in its own SQLite storage with the SQL stores' statements (the same semantics by
// construction) and deletes itself by an alarm once the row has expired.
import type { RateLimitStore, WindowCount } from '../../core/ports.ts';
import { RATE_LIMITS_TABLE, sqlRateLimitStore } from '../../storage/sql-abuse-stores.ts';
import type { DurableObjectNamespace, DurableObjectSql, DurableObjectState } from './bindings.ts';

type Call =
  | { op: 'hit'; bucket: string; windowMs: number; now: number }
  | { op: 'blockedUntil'; bucket: string }
  | { op: 'block'; bucket: string; now: number; baseMs: number; maxMs: number; forgetMs: number };

/** An alarm set this much past the row's expiry is not moved by the next hits, so a burst does not write it each time. */
const ALARM_SLACK_MS = 1000;

const finite = (...xs: unknown[]) => xs.every((x) => typeof x === 'number' && Number.isFinite(x));

function executor(sql: DurableObjectSql) {
  return {
    async first<T>(query: string, params: unknown[]): Promise<T | undefined> {
      return sql.exec<T>(query, ...params).toArray()[0];
    },
    async run(query: string, params: unknown[]) {
      return { changes: sql.exec(query, ...params).rowsWritten };
    },
  };
}

/** The Durable Object class (exported by the Worker's entry, bound as RATE_LIMITER in wrangler.toml). */
export class RateLimiterObject {
  readonly #state: DurableObjectState;
  readonly #store: RateLimitStore;
  #tableReady = false;
  #alarmAt = 0;

  constructor(state: DurableObjectState) {
    this.#state = state;
    this.#store = sqlRateLimitStore(executor(state.storage.sql));
  }

  async fetch(request: Request): Promise<Response> {
    const call = (await request.json()) as Call;
    if (typeof call.bucket !== 'string') return new Response('bucket missing', { status: 400 });
    if (!this.#tableReady) {
      this.#state.storage.sql.exec(RATE_LIMITS_TABLE);
      this.#tableReady = true;
    }
    switch (call.op) {
      case 'hit': {
        if (!finite(call.windowMs, call.now)) break;
        const w = await this.#store.hit(call.bucket, call.windowMs, call.now);
        await this.#forgetLater(call.now);
        return Response.json(w);
      }
      case 'blockedUntil':
        return Response.json({ until: await this.#store.blockedUntil(call.bucket) });
      case 'block': {
        if (!finite(call.now, call.baseMs, call.maxMs, call.forgetMs)) break;
        const b = await this.#store.block(call.bucket, call);
        await this.#forgetLater(call.now);
        return Response.json(b);
      }
    }
    return new Response('unknown operation', { status: 400 });
  }

  /** The row has expired: nothing in it matters any more, and an object with no storage costs nothing. */
  async alarm(): Promise<void> {
    await this.#state.storage.deleteAll();
    this.#tableReady = false;
    this.#alarmAt = 0;
  }

  /**
   * Sets the alarm to when the row expires. The caller's clock says when that is (`now` is its clock, which may be a
   * test's); the alarm runs on the object's, so it is set by the time left rather than by the instant.
   */
  async #forgetLater(now: number): Promise<void> {
    const row = this.#state.storage.sql.exec<{ expires_at: number }>('SELECT max(expires_at) AS expires_at FROM rate_limits').toArray()[0];
    if (!row || row.expires_at === null) return;
    const due = Date.now() + Math.max(0, Number(row.expires_at) - now);
    if (due <= this.#alarmAt) return;
    this.#alarmAt = due + ALARM_SLACK_MS;
    await this.#state.storage.setAlarm(this.#alarmAt);
  }
}

/**
 * The RateLimitStore port over the objects. `purge` does nothing: each object deletes itself when its row expires,
 * and no process could list them all anyway.
 */
export function durableRateLimitStore(namespace: DurableObjectNamespace): RateLimitStore {
  const call = async <T>(body: Call): Promise<T> => {
    const res = await namespace.get(namespace.idFromName(body.bucket)).fetch('https://rate-limiter.internal/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`rate limiter object answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    hit: (bucket, windowMs, now) => call<WindowCount>({ op: 'hit', bucket, windowMs, now }),
    blockedUntil: async (bucket) => (await call<{ until: number }>({ op: 'blockedUntil', bucket })).until,
    block: (bucket, o) => call<{ until: number; strike: number }>({ op: 'block', bucket, ...o }),
    async purge() {},
  };
}
