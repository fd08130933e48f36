// The worker pool: a job past its deadline ends its worker (replaced, the next job runs), the event loop stays free
// while workers are busy, a crashed or out-of-memory worker is replaced, places are bounded, waiting jobs can be
// dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { JobFailure, WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

const entry = new URL('../../../test/support/spin-worker.ts', import.meta.url);
let pool: WorkerPool | undefined;
const make = async (o: Partial<WorkerPoolOptions> = {}) => {
  pool = new WorkerPool({ entry, size: 2, queueLimit: 2, timeoutMs: 10_000, ...o });
  await pool.ready();
  return pool;
};
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof JobFailure ? e.reason : String(e)));

describe('WorkerPool', () => {
  it('ends a job past its deadline, replaces its worker, and runs the next job', async () => {
    const p = await make({ size: 1, timeoutMs: 300 });
    const [before] = p.threadIds();
    expect(await failure(p.run('spin', { args: 60_000 }))).toBe('timeout');
    expect(p.threadIds()).not.toContain(before);
    expect(await p.run('echo', { args: 'next' })).toBe('next');
    expect(p.stats()).toMatchObject({ replaced: 1, timeouts: 1, busy: 0, queued: 0 });
  });

  it('leaves the event loop free while every worker is busy', async () => {
    const p = await make();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    await Promise.all([p.run('spin', { args: 800 }), p.run('spin', { args: 800 }), p.run('spin', { args: 800 })]);
    clearInterval(timer);
    const elapsed = performance.now() - t0;
    // Three 800 ms jobs on two workers take two rounds (at least 1.6 s); the timer kept firing all along, where a loop
    // held by the jobs would have let it fire at most once per job.
    expect(elapsed).toBeGreaterThanOrEqual(1500);
    expect(ticks).toBeGreaterThan(10);
  });

  it('replaces a worker that dies or runs out of memory, failing only its own job', async () => {
    const p = await make({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    expect(await failure(p.run('crash', { args: null }))).toBe('crashed');
    expect(await p.run('echo', { args: 1 })).toBe(1);
    expect(await failure(p.run('grow', { args: null }))).toBe('crashed');
    expect(await p.run('echo', { args: 2 })).toBe(2);
    expect(p.stats().replaced).toBe(2);
  });

  it('gives out places up to its workers plus its queue, each released once', async () => {
    const p = await make({ size: 2, queueLimit: 1 });
    const tickets = [p.tryAdmit(), p.tryAdmit(), p.tryAdmit()];
    expect(tickets.every(Boolean)).toBe(true);
    expect(p.saturated()).toBe(true);
    expect(p.tryAdmit()).toBeUndefined();
    tickets[0]!.release();
    tickets[0]!.release();
    expect(p.stats().tickets).toBe(2);
    expect(p.tryAdmit()).toBeDefined();
  });

  it('drops a waiting job when its request goes away', async () => {
    const p = await make({ size: 1 });
    const busy = p.run('spin', { args: 500 });
    const ac = new AbortController();
    const waiting = p.run('echo', { args: 'never' }, { signal: ac.signal });
    ac.abort();
    expect(await failure(waiting)).toBe('aborted');
    await busy;
    expect(p.stats().queued).toBe(0);
  });
});
