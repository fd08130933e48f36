// The service's side of the audit log's writer thread: records that end in the same turn of the event loop go over as
// one group (one transaction, one fsync of the log), and each caller learns whether its own record was written. A
// held lock past the store's budget is database_busy, as on the service's own connection.
import { Worker } from 'node:worker_threads';
import type { GenerationRecord } from '../../core/ports.ts';
import { databaseBusy } from './node-sql-database.ts';
import { threadEntry } from './own-files.ts';

export type AuditWriterRequest = { id: number; kind: 'write'; records: GenerationRecord[] } | { id: number; kind: 'close' } | { kind: 'checkpoint' };
export interface AuditWriterReply {
  id: number;
  /** Per record: null when written, else why not. */
  outcomes: Array<{ message: string; busy: boolean } | null>;
  warning?: string;
}

interface Waiting {
  resolve(): void;
  reject(e: unknown): void;
}

export class AuditWriter {
  private readonly worker: Worker;
  private readonly sent = new Map<number, Waiting[]>();
  private pending: Array<{ g: GenerationRecord } & Waiting> = [];
  private nextId = 1;
  private readonly busyTimeoutMs: number;
  private closed = false;
  private stopped: Error | undefined;

  private readonly log: (e: Record<string, unknown>) => void;

  constructor(path: string, busyTimeoutMs: number, log: (e: Record<string, unknown>) => void = () => {}) {
    this.busyTimeoutMs = busyTimeoutMs;
    this.log = log;
    this.worker = new Worker(threadEntry('audit-writer-thread'), { workerData: { path, busyTimeoutMs } });
    this.worker.on('message', (m: AuditWriterReply) => this.settle(m));
    // A writer that stopped fails what it held; the records were not acknowledged, so nothing is claimed written.
    const fail = (e: unknown) => {
      // Later writes fail at once rather than wait for a thread that is gone.
      this.stopped ??= e instanceof Error ? e : new Error(String(e));
      for (const [, waiting] of this.sent) waiting.forEach((w) => w.reject(e));
      this.sent.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the audit writer stopped (exit ${code})`)));
    // It keeps the process alive only while it holds records (a command that renders once still sees its record written).
    this.worker.unref();
  }

  write(g: GenerationRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the audit writer is closed'));
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.pending.push({ g, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Truncates the WAL on the writer's thread (its fsync of the database file never holds the event loop). */
  checkpoint(): void {
    if (!this.closed) this.worker.postMessage({ kind: 'checkpoint' } satisfies AuditWriterRequest);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    if (this.stopped) return void (await this.worker.terminate());
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      this.sent.set(id, [{ resolve, reject: resolve }]);
      this.worker.ref();
      this.worker.postMessage({ id, kind: 'close' } satisfies AuditWriterRequest);
    });
    await this.worker.terminate();
  }

  private flush(): void {
    const batch = this.pending.splice(0);
    if (!batch.length) return;
    if (this.stopped) return batch.forEach((b) => b.reject(this.stopped));
    const id = this.nextId++;
    this.sent.set(id, batch);
    this.worker.ref();
    this.worker.postMessage({ id, kind: 'write', records: batch.map((b) => b.g) } satisfies AuditWriterRequest);
  }

  private settle(m: AuditWriterReply): void {
    if (m.warning) this.log({ level: 'warn', msg: m.warning });
    const waiting = this.sent.get(m.id);
    if (!waiting) return;
    this.sent.delete(m.id);
    if (!this.sent.size) this.worker.unref();
    waiting.forEach((w, i) => {
      const out = m.outcomes[i];
      if (!out) w.resolve();
      else w.reject(out.busy ? databaseBusy(this.busyTimeoutMs) : new Error(out.message));
    });
  }
}
