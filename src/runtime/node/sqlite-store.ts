// Store on Node's built-in SQLite: WAL with synchronous=FULL (a committed record survives power loss), foreign keys
// on, the schema from numbered migration files. The driver is synchronous, so no wait may happen inside it: a lock is
// waited for a few milliseconds at most per attempt, then retried asynchronously with back-off (the event loop keeps
// serving), and a lock held past the budget is answered 503 database_busy. The WAL is checkpointed and truncated
// periodically, so it does not grow without bound between restarts.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { ApiKeyRecord, GenerationRecord, Store } from '../../core/ports.ts';
import type { SqlDatabase } from '../../storage/sql-database.ts';
import { generationValues, INSERT_GENERATION, toGen, toKey, type GenRow, type KeyRow } from '../../storage/sql-store.ts';
import { AuditWriter } from './audit-writer.ts';
import { ATTEMPT_BUSY_MS, databaseBusy, inTransaction, isBusy, nodeSqlDatabase, retrying, type Retry } from './node-sql-database.ts';
import { migrate } from './sqlite-migrations.ts';

export interface SqliteStoreOptions {
  /** How long a statement may keep waiting for a lock, in asynchronous retries, before database_busy. */
  busyTimeoutMs?: number;
  /** Period of `wal_checkpoint(TRUNCATE)`; 0 = only at close. */
  checkpointIntervalMs?: number;
  log?: (e: Record<string, unknown>) => void;
  /** false: write the audit log on this thread (a command that opens the database for a moment). */
  auditWriter?: boolean;
}

/** At start, before serving, migrations may wait for a lock as long as they need (nothing else is running yet). */
const STARTUP_BUSY_MS = 10_000;

export class SqliteStore implements Store {
  readonly db: DatabaseSync;
  /** Runs synchronous work on this connection until no lock stands in its way (asynchronous back-off), or database_busy. */
  readonly retry: Retry;
  /** The same connection for the SQL stores (abuse limits, idempotency, workbench, reminders), with the same waits. */
  readonly sql: SqlDatabase;
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private readonly log: (e: Record<string, unknown>) => void;
  /** Writes the audit log off the event loop (a database file; an in-memory one is written here). */
  private readonly writer: AuditWriter | undefined;

  constructor(path: string, opts: SqliteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.retry = retrying(opts.busyTimeoutMs ?? 5000);
    this.log = opts.log ?? (() => {});
    this.db = new DatabaseSync(path);
    this.db.exec(`PRAGMA busy_timeout = ${STARTUP_BUSY_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;`);
    migrate(this.db);
    this.db.exec(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`);
    this.sql = nodeSqlDatabase(this.db, this.retry);
    if (path !== ':memory:' && opts.auditWriter !== false) this.writer = new AuditWriter(path, opts.busyTimeoutMs ?? 5000, this.log);
    const every = opts.checkpointIntervalMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => (this.writer ? this.writer.checkpoint() : this.checkpoint()), every);
      this.timer.unref();
    }
  }

  /** fn in one BEGIN IMMEDIATE transaction (writers take turns, never interleave), retried while the lock is held. */
  tx<T>(fn: () => T): Promise<T> {
    return this.retry(() => inTransaction(this.db, fn));
  }

  /** Truncates the WAL once every reader has moved on; a busy database is left for the next period. */
  checkpoint(): { busy: boolean; walFrames: number } {
    try {
      const r = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number; log: number };
      return { busy: r.busy === 1, walFrames: r.log };
    } catch (e) {
      if (!isBusy(e)) this.log({ level: 'warn', msg: 'WAL checkpoint failed', err: String(e) });
      return { busy: true, walFrames: -1 };
    }
  }

  pragma(name: string): unknown {
    return Object.values(this.db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>)[0];
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    await this.tx(() =>
      this.db.prepare('INSERT INTO api_keys (id, name, role, secret_sha256, created_at, revoked_at, org) VALUES (?, ?, ?, ?, ?, ?, ?)').run(k.id, k.name, k.role, k.secretSha256, k.createdAt, k.revokedAt, k.org),
    );
  }

  async findKey(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.retry(() => this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined);
    return row ? toKey(row) : undefined;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (await this.retry(() => this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as unknown as KeyRow[])).map(toKey);
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    return this.tx(() => Number(this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes) === 1);
  }

  private insertGeneration(g: GenerationRecord): void {
    this.db.prepare(INSERT_GENERATION).run(...(generationValues(g) as SQLInputValue[]));
  }

  /**
   * On a database file the writer thread writes audit records, in groups (the records of renders that end in the same
   * turn of the event loop share one transaction and one fsync, never on the event loop); each caller still learns
   * whether its own record was written. An in-memory database has no log to sync: each record is its own transaction.
   */
  recordGeneration(g: GenerationRecord): Promise<void> {
    if (this.writer) return this.writer.write(g);
    return this.tx(() => this.insertGeneration(g));
  }

  async listGenerations(opts: { limit: number; before?: string }): Promise<{ items: GenerationRecord[]; next: string | null }> {
    const before = opts.before !== undefined && /^\d+$/.test(opts.before) ? Number(opts.before) : Number.MAX_SAFE_INTEGER;
    const rows = await this.retry(() => this.db.prepare('SELECT * FROM generations WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(before, opts.limit + 1) as unknown as GenRow[]);
    const page = rows.slice(0, opts.limit);
    return { items: page.map(toGen), next: rows.length > opts.limit ? String(page[page.length - 1]!.seq) : null };
  }

  /** One attempt, no retry: readiness must answer at once, and a held lock is an answer (not ready, database_busy). */
  async checkWritable(): Promise<void> {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if (isBusy(e)) throw databaseBusy(ATTEMPT_BUSY_MS);
      throw e;
    }
    this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.writer?.close();
    if (!this.db.isOpen) return;
    this.checkpoint();
    this.db.close();
  }
}
