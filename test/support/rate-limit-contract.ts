// The contract of the RateLimitStore port as tests: every adapter (memory, SQLite, D1's statements, the Durable Object
// on workerd) runs these with its own store.
import { expect, it } from 'vitest';
import type { RateLimitStore } from '../../src/core/ports.ts';

/**
 * Defines the contract's tests for a fresh store from `make`. `purgesOnCall`: purge() drops expired buckets there and
 * then (the SQL and memory stores); a store whose buckets delete themselves when they expire tests that on its own.
 */
export function rateLimitContract(make: () => RateLimitStore, o: { purgesOnCall: boolean }): void {
  it('counts hits in a window that starts at the first hit and restarts after it ends', async () => {
    const s = make();
    expect(await s.hit('a', 1000, 10_000)).toEqual({ count: 1, resetAt: 11_000 });
    expect(await s.hit('a', 1000, 10_500)).toEqual({ count: 2, resetAt: 11_000 });
    expect(await s.hit('b', 1000, 10_500)).toEqual({ count: 1, resetAt: 11_500 });
    expect(await s.hit('a', 1000, 10_999)).toEqual({ count: 3, resetAt: 11_000 });
    expect(await s.hit('a', 1000, 11_000)).toEqual({ count: 1, resetAt: 12_000 });
  });

  it('blocks with a doubling back-off up to the maximum, forgotten after a quiet period', async () => {
    const s = make();
    const o = (now: number) => ({ now, baseMs: 100, maxMs: 350, forgetMs: 10_000 });
    expect(await s.blockedUntil('x')).toBe(0);
    await s.hit('x', 1000, 0);
    expect(await s.block('x', o(0))).toEqual({ until: 100, strike: 1 });
    expect(await s.blockedUntil('x')).toBe(100);
    // The window starts afresh with the block.
    expect((await s.hit('x', 1000, 50)).count).toBe(1);
    expect(await s.block('x', o(1000))).toEqual({ until: 1200, strike: 2 });
    expect(await s.block('x', o(2000))).toEqual({ until: 2350, strike: 3 });
    expect(await s.block('x', o(3000))).toEqual({ until: 3350, strike: 4 });
    expect(await s.block('x', o(13_000))).toEqual({ until: 13_100, strike: 1 });
    // A bucket never hit can be blocked too.
    expect(await s.block('fresh', o(5))).toEqual({ until: 105, strike: 1 });
  });

  if (!o.purgesOnCall) return;
  it('purges only buckets whose window, block and memory of strikes have all ended', async () => {
    const s = make();
    await s.hit('short', 1000, 0);
    await s.hit('blocked', 1000, 0);
    await s.block('blocked', { now: 0, baseMs: 100, maxMs: 100, forgetMs: 5000 });
    await s.purge(2000);
    expect((await s.hit('short', 1000, 2000)).count).toBe(1);
    expect(await s.blockedUntil('blocked')).toBe(100);
    await s.purge(5000);
    expect(await s.blockedUntil('blocked')).toBe(0);
  });
}
