// node:sqlite behind the SQL stores' small interface, without ever holding the event loop: SQLite itself waits a few
// milliseconds for a lock at most, and a statement that meets a held lock is retried asynchronously with back-off
// until the budget runs out (then 503 database_busy). A batch is one BEGIN IMMEDIATE transaction, run synchronously,
// so no other statement on the connection can fall between its statements.
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../core/errors.ts';
import type { SqlDatabase, SqlValue } from '../../storage/sql-database.ts';

/** SQLite's own wait per attempt (PRAGMA busy_timeout): enough for the microsecond contention of WAL, too short to be felt. */
export const ATTEMPT_BUSY_MS = 10;

/** Runs a synchronous piece of database work until no lock stands in its way, or fails with database_busy. */
export type Retry = <T>(fn: () => T) => Promise<T>;

/** SQLITE_BUSY or SQLITE_LOCKED (any extended code): another connection holds the lock. */
export function isBusy(e: unknown): boolean {
  const code = (e as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
}

export function databaseBusy(waitedMs: number): AppError {
  return new AppError({
    code: 'database_busy',
    message: { 'zh-CN': '数据库正被占用，请稍后重试。', en: 'The database is busy; retry shortly.' },
    details: { retryAfterSeconds: 2, waitedMs: Math.round(waitedMs) },
  });
}

/**
 * A Retry with this budget: fn (synchronous: it never awaits, so nothing interleaves) is attempted again after
 * growing, jittered pauses that leave the event loop free; past the budget, database_busy.
 */
export function retrying(budgetMs: number): Retry {
  return async <T>(fn: () => T): Promise<T> => {
    const t0 = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e)) throw e;
        const waited = performance.now() - t0;
        if (waited >= budgetMs) throw databaseBusy(waited);
        const pause = Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random() / 2);
        await sleep(Math.min(pause, Math.max(1, budgetMs - waited)));
      }
    }
  };
}

/** fn in one BEGIN IMMEDIATE transaction: all of it or none. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const r = fn();
    db.exec('COMMIT');
    return r;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

const args = (params: SqlValue[]) => params as SQLInputValue[];
/** The stores' statements are constants of the code; the cache is bounded all the same. */
const MAX_CACHED_STATEMENTS = 256;

/** The connection's busy wait must already be ATTEMPT_BUSY_MS or so (openConnection and SqliteStore set it). */
export function nodeSqlDatabase(db: DatabaseSync, retry: Retry): SqlDatabase {
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statements.set(sql, (s = db.prepare(sql)));
    }
    return s;
  };
  return {
    first<T>(sql: string, params: SqlValue[]) {
      return retry(() => prepared(sql).get(...args(params)) as T | undefined);
    },
    all<T>(sql: string, params: SqlValue[]) {
      return retry(() => prepared(sql).all(...args(params)) as T[]);
    },
    run(sql, params) {
      return retry(() => ({ changes: Number(prepared(sql).run(...args(params)).changes) }));
    },
    batch(list) {
      return retry(() => inTransaction(db, () => list.map((s) => ({ changes: Number(prepared(s.sql).run(...args(s.params)).changes) }))));
    },
  };
}
