// The abuse-limit counters and Idempotency-Key results on Node's SQLite, through the statements D1 shares and the one
// SQL adapter (short SQLite waits, asynchronous retries, database_busy past the store's budget).
import { DatabaseSync } from 'node:sqlite';
import type { IdempotencyStore, RateLimitStore } from '../../core/ports.ts';
import { sqlIdempotencyStore, sqlRateLimitStore } from '../../storage/sql-abuse-stores.ts';
import { ATTEMPT_BUSY_MS, nodeSqlDatabase } from './node-sql-database.ts';
import type { SqliteStore } from './sqlite-store.ts';

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
  own?.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS};`);
  return {
    rateLimits: sqlRateLimitStore(own ? nodeSqlDatabase(own, store.retry) : store.sql),
    idempotency: sqlIdempotencyStore(store.sql),
    close: () => {
      if (own?.isOpen) own.close();
    },
  };
}
