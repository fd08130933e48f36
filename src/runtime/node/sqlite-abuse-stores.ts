// The abuse-limit counters and Idempotency-Key results on Node's SQLite, through the statements D1 shares.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { IdempotencyStore, RateLimitStore } from '../../core/ports.ts';
import { sqlIdempotencyStore, sqlRateLimitStore, type SqlExecutor } from '../../storage/sql-abuse-stores.ts';
import type { SqliteStore } from './sqlite-store.ts';

function executor(db: DatabaseSync): SqlExecutor {
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    async first<T>(sql: string, params: SQLInputValue[]) {
      return prepared(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: SQLInputValue[]) {
      prepared(sql).run(...params);
    },
  };
}

export interface SqliteAbuseStores {
  rateLimits: RateLimitStore;
  idempotency: IdempotencyStore;
  close(): void;
}

/**
 * Idempotency results go through the store's own connection (synchronous=FULL: a stored result survives a power cut
 * like the record it answers for). The counters, written on every authenticated request, get a second connection with
 * synchronous=NORMAL: in WAL mode that spares an fsync per request, and a count lost to a power cut costs nothing.
 */
export function createSqliteAbuseStores(store: SqliteStore, path: string): SqliteAbuseStores {
  const own = path === ':memory:' ? undefined : new DatabaseSync(path);
  own?.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  return {
    rateLimits: sqlRateLimitStore(executor(own ?? store.db)),
    idempotency: sqlIdempotencyStore(executor(store.db)),
    close: () => {
      if (own?.isOpen) own.close();
    },
  };
}
