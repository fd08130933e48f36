// The rate-limit Durable Object on workerd: the RateLimitStore contract the SQL and memory stores keep, hits on one
// bucket from many concurrent requests each counted once, and an expired bucket deleted by the object's alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../../src/core/ports.ts';
import { rateLimitContract } from '../support/rate-limit-contract.ts';
import { startTestWorker } from '../support/workerd-harness.ts';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
beforeAll(async () => {
  worker = await startTestWorker('test/workers/rate-limiter/contract-worker.ts', 'test/workers/rate-limiter/wrangler.toml');
}, 120_000);
afterAll(async () => {
  await worker?.close();
});

async function call<T>(op: keyof RateLimitStore, ...args: unknown[]): Promise<T> {
  const res = await worker.fetch('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op, args }) });
  if (res.status !== 200) throw new Error(`${op}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result: T }).result;
}

/** The port over the objects, with its buckets under a name of their own (the objects outlive a test). */
function objects(): RateLimitStore {
  const prefix = `${crypto.randomUUID()}:`;
  return {
    hit: (bucket, windowMs, now) => call('hit', prefix + bucket, windowMs, now),
    blockedUntil: (bucket) => call('blockedUntil', prefix + bucket),
    block: (bucket, o) => call('block', prefix + bucket, o),
    purge: (now) => call('purge', now),
  };
}

describe('rate limit counters (Durable Object on workerd)', () => rateLimitContract(objects, { purgesOnCall: false }));

describe('the Durable Object alone', () => {
  it('counts each of many concurrent hits on one bucket once', async () => {
    const s = objects();
    const now = Date.now();
    const counts = await Promise.all(Array.from({ length: 40 }, () => s.hit('busy', 60_000, now)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(counts.map((c) => c.resetAt))).toEqual(new Set([now + 60_000]));
  });

  it('deletes a bucket by its alarm once its block and its memory of strikes have ended', { timeout: 30_000 }, async () => {
    const s = objects();
    const now = Date.now();
    expect(await s.block('brief', { now, baseMs: 200, maxMs: 200, forgetMs: 400 })).toEqual({ until: now + 200, strike: 1 });
    expect(await s.blockedUntil('brief')).toBe(now + 200);
    // purge() has nothing to do with it: the object forgets by itself.
    await s.purge(now + 10_000);
    expect(await s.blockedUntil('brief')).toBe(now + 200);
    const deadline = Date.now() + 20_000;
    while ((await s.blockedUntil('brief')) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await s.blockedUntil('brief')).toBe(0);
    // A block after it starts at the first strike again, as after the quiet period.
    expect((await s.block('brief', { now: Date.now(), baseMs: 200, maxMs: 200, forgetMs: 400 })).strike).toBe(1);
  });
});
