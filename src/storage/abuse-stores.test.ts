// One contract for every adapter of the abuse-limit counters and the Idempotency-Key results (in memory, and SQLite
// through the statements D1 shares; the Durable Object runs the counters' contract on workerd), and the SQLite one
// across connections and a second process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IdempotencyStore, RateLimitStore } from '../core/ports.ts';
import { createSqliteAbuseStores } from '../runtime/node/sqlite-abuse-stores.ts';
import { SqliteStore } from '../runtime/node/sqlite-store.ts';
import { memoryIdempotencyStore, memoryRateLimitStore } from './memory-abuse-stores.ts';
import { RATE_LIMITS_TABLE } from './sql-abuse-stores.ts';
import { rateLimitContract } from '../../test/support/rate-limit-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'abuse-stores-'));
const closers: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});

function sqlite(path = join(dir, `${Math.random().toString(36).slice(2)}.sqlite`)) {
  const store = new SqliteStore(path);
  const abuse = createSqliteAbuseStores(store, path);
  closers.push(() => store.close(), () => abuse.close());
  return { ...abuse, store, path };
}

const adapters: Array<[string, () => { rateLimits: RateLimitStore; idempotency: IdempotencyStore }]> = [
  ['memory', () => ({ rateLimits: memoryRateLimitStore(), idempotency: memoryIdempotencyStore() })],
  ['sqlite', () => sqlite()],
  ['sqlite :memory:', () => sqlite(':memory:')],
];

describe.each(adapters)('rate limit counters (%s)', (_name, make) => rateLimitContract(() => make().rateLimits, { purgesOnCall: true }));

it('gives the Durable Object the counters’ table as migration 0100 creates it', () => {
  const columns = (sql: string) => {
    const db = new DatabaseSync(':memory:');
    db.exec(sql);
    const info = db.prepare('PRAGMA table_info(rate_limits)').all();
    db.close();
    return info;
  };
  const migrated = columns(readFileSync('src/storage/migrations/0100_abuse_limits_idempotency.sql', 'utf8'));
  expect(migrated.map((c) => c.name)).toContain('expires_at');
  expect(columns(RATE_LIMITS_TABLE)).toEqual(migrated);
});

describe.each(adapters)('idempotency results (%s)', (_name, make) => {
  const ref = { scope: 'key1', keySha256: 'k'.repeat(64) };
  const claim = (s: IdempotencyStore, o: Partial<{ fingerprint: string; owner: string; now: number }> = {}) =>
    s.claim(ref, { fingerprint: 'f1', owner: 'o1', now: 1000, ttlMs: 10_000, leaseMs: 500, ...o });

  it('starts once, says running while it runs, replays when done, refuses another request', async () => {
    const { idempotency: s } = make();
    expect(await claim(s)).toEqual({ state: 'started' });
    expect(await claim(s, { owner: 'o2', now: 1100 })).toEqual({ state: 'running' });
    expect(await claim(s, { owner: 'o2', fingerprint: 'f2', now: 1100 })).toEqual({ state: 'mismatch' });
    // Another caller's key of the same value is its own.
    expect(await s.claim({ ...ref, scope: 'key2' }, { fingerprint: 'f9', owner: 'o3', now: 1100, ttlMs: 10_000, leaseMs: 500 })).toEqual({ state: 'started' });
    await s.complete(ref, 'o2', new Uint8Array([9])); // not the owner: no effect
    expect(await claim(s, { owner: 'o2', now: 1200 })).toEqual({ state: 'running' });
    await s.complete(ref, 'o1', new Uint8Array([1, 2, 3]));
    const done = await claim(s, { owner: 'o2', now: 1300 });
    expect(done.state).toBe('done');
    expect([...((done as { response: Uint8Array }).response)]).toEqual([1, 2, 3]);
    expect(await claim(s, { owner: 'o2', fingerprint: 'f2', now: 1300 })).toEqual({ state: 'mismatch' });
  });

  it('forgets a released claim, takes over a dead one of the same request, and expires after the TTL', async () => {
    const { idempotency: s } = make();
    await claim(s);
    await s.release(ref, 'o1');
    expect(await claim(s, { fingerprint: 'f2', owner: 'o2' })).toEqual({ state: 'started' });
    // Past its lease, a running claim is taken over by the same request, never by another one.
    expect(await claim(s, { fingerprint: 'f3', owner: 'o3', now: 1600 })).toEqual({ state: 'mismatch' });
    expect(await claim(s, { fingerprint: 'f2', owner: 'o3', now: 1600 })).toEqual({ state: 'started' });
    await s.complete(ref, 'o3', null);
    expect(await claim(s, { fingerprint: 'f2', owner: 'o4', now: 2000 })).toEqual({ state: 'done', response: null });
    // A completed result is not released.
    await s.release(ref, 'o3');
    expect((await claim(s, { fingerprint: 'f2', owner: 'o4', now: 2000 })).state).toBe('done');
    expect(await claim(s, { fingerprint: 'other', owner: 'o5', now: 1600 + 10_000 })).toEqual({ state: 'started' });
    await s.purge(1600 + 10_000 + 10_000);
    expect(await claim(s, { fingerprint: 'again', owner: 'o6', now: 1600 + 10_000 + 10_000 })).toEqual({ state: 'started' });
  });
});

describe('SQLite counters shared between connections and processes', () => {
  it('counts the hits of two connections and of another process in one window, and sees its blocks', async () => {
    const a = sqlite();
    const b = createSqliteAbuseStores(a.store, a.path);
    closers.push(() => b.close());
    const now = Date.now();
    expect((await a.rateLimits.hit('shared', 60_000, now)).count).toBe(1);
    expect((await b.rateLimits.hit('shared', 60_000, now + 1)).count).toBe(2);
    const script = `
      import { SqliteStore } from './src/runtime/node/sqlite-store.ts';
      import { createSqliteAbuseStores } from './src/runtime/node/sqlite-abuse-stores.ts';
      const store = new SqliteStore(${JSON.stringify(a.path)});
      const s = createSqliteAbuseStores(store, ${JSON.stringify(a.path)});
      const w = await s.rateLimits.hit('shared', 60000, ${now + 2});
      await s.rateLimits.block('elsewhere', { now: ${now}, baseMs: 60000, maxMs: 60000, forgetMs: 60000 });
      s.close(); await store.close();
      console.log(w.count);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('3');
    expect((await a.rateLimits.hit('shared', 60_000, now + 3)).count).toBe(4);
    expect(await b.rateLimits.blockedUntil('elsewhere')).toBe(now + 60_000);
  });

  it('lets exactly one of the claims on one key made through several connections start', async () => {
    const a = sqlite();
    const ref = { scope: 's', keySha256: 'h' };
    const others = Array.from({ length: 4 }, () => sqlite(a.path).idempotency);
    const results = await Promise.all([a.idempotency, ...others].map((s, i) => s.claim(ref, { fingerprint: 'f', owner: `o${i}`, now: 1, ttlMs: 1000, leaseMs: 1000 })));
    expect(results.filter((r) => r.state === 'started')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'running')).toHaveLength(4);
  });
});
