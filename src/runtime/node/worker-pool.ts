// A pool of worker threads for CPU work, so the event loop only routes: one job per worker at a time, a deadline per
// job (a worker past it is terminated and replaced; the job fails), memory limits per worker, and admission tickets
// that bound how many requests may be waiting for it.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The worker's entry module. */
  entry: URL;
  workerData?: unknown;
  size: number;
  /** Requests admitted beyond one per worker; one more is refused. */
  queueLimit: number;
  /** Running time a job may take before its worker is ended. */
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  log?: (e: Record<string, unknown>) => void;
}

/** Why a job failed without an answer from its worker. */
export class JobFailure extends Error {
  readonly reason: 'timeout' | 'crashed' | 'closed' | 'aborted';
  constructor(reason: JobFailure['reason'], message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}

/** What a worker sends back: a value, or a structured-cloned error description. */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: unknown } | { ready: true };

interface Job {
  id: number;
  kind: string;
  payload: unknown;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: number;
  tickets: number;
  replaced: number;
  timeouts: number;
}

export class WorkerPool {
  private readonly opts: WorkerPoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private tickets = 0;
  private replaced = 0;
  private timeouts = 0;
  private closed = false;

  constructor(opts: WorkerPoolOptions) {
    this.opts = opts;
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  get capacity(): number {
    return this.opts.size + this.opts.queueLimit;
  }

  stats(): PoolStats {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, tickets: this.tickets, replaced: this.replaced, timeouts: this.timeouts };
  }

  /** Thread ids of the current workers (for tests and diagnostics). */
  threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  /** The resource limits the workers run under, as V8 applied them. */
  resourceLimits(): ResourceLimits | undefined {
    return this.slots[0]?.worker.resourceLimits;
  }

  saturated(): boolean {
    return this.tickets >= this.capacity;
  }

  /** A place for one request; undefined when every worker is busy and the queue is full. */
  tryAdmit(): { release(): void } | undefined {
    if (this.closed || this.saturated()) return undefined;
    this.tickets++;
    let held = true;
    return {
      release: () => {
        if (held) this.tickets--;
        held = false;
      },
    };
  }

  /** Resolves once every worker has loaded its modules (start-up, tests). */
  async ready(): Promise<void> {
    while (!this.closed && this.slots.some((s) => !s.ready)) await new Promise((r) => setTimeout(r, 10));
  }

  run(kind: string, payload: unknown, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<unknown> {
    if (this.closed) return Promise.reject(new JobFailure('closed', 'the worker pool is closed'));
    if (opts.signal?.aborted) return Promise.reject(new JobFailure('aborted', 'cancelled before it started', opts.signal.reason));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, kind, payload, resolve, reject, timeoutMs: opts.timeoutMs ?? this.opts.timeoutMs, signal: opts.signal };
      if (opts.signal) {
        // A job still waiting is dropped when its request goes away; a running one finishes within its deadline.
        job.onAbort = () => {
          const at = this.queue.indexOf(job);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(new JobFailure('aborted', 'cancelled while waiting', opts.signal!.reason));
          }
        };
        opts.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(new JobFailure('closed', 'the worker pool closed')));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        const job = s.job;
        s.job = null;
        if (job) this.settle(job, () => job.reject(new JobFailure('closed', 'the worker pool closed')));
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.entry, { workerData: this.opts.workerData, ...(this.opts.resourceLimits ? { resourceLimits: this.opts.resourceLimits } : {}) });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (m: WorkerReply) => this.onMessage(slot, m));
    worker.on('error', (e) => this.onFailure(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.onFailure(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  private settle(job: Job, fn: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    fn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.onTimeout(slot, job), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, kind: job.kind, payload: job.payload });
    }
  }

  private onMessage(slot: Slot, m: WorkerReply): void {
    if ('ready' in m) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.settle(job, () => (m.ok ? job.resolve(m.value) : job.reject(m.error)));
    this.dispatch();
  }

  private onTimeout(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    this.timeouts++;
    this.opts.log?.({ level: 'warn', msg: 'worker job past its deadline: worker replaced', kind: job.kind, timeoutMs: job.timeoutMs });
    this.replace(slot, new JobFailure('timeout', `${job.kind} ran past its ${job.timeoutMs} ms deadline`));
  }

  private onFailure(slot: Slot, e: unknown): void {
    if (!this.slots.includes(slot)) return;
    this.opts.log?.({ level: 'error', msg: 'worker failed: replaced', err: String(e), kind: slot.job?.kind });
    this.replace(slot, new JobFailure('crashed', `the worker stopped: ${String(e)}`, e));
  }

  /** Ends a worker (its job fails with `failure`) and starts another in its place. */
  private replace(slot: Slot, failure: JobFailure): void {
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    if (job) this.settle(job, () => job.reject(failure));
    if (this.closed) return;
    this.replaced++;
    this.slots[at] = this.spawn();
  }
}
