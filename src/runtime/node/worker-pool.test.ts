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
    const jobs = Promise.all([p.run('spin', { args: 800 }), p.run('spin', { args: 800 }), p.run('spin', { args: 800 })]).then(() => 'jobs');
    // Three 800 ms jobs on two workers take two rounds (at least 1.6 s); a timer of this thread fires long before, where
    // jobs holding the loop would let it fire only after them.
    const first = await Promise.race([new Promise((r) => setTimeout(() => r('timer'), 10)), jobs]);
    expect(first).toBe('timer');
    expect(p.stats().busy).toBe(2);
    expect(await jobs).toBe('jobs');
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
