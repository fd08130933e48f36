// The audit log's writer thread: its own connection (WAL, synchronous=FULL, foreign keys on) writes each group of
// generation records in one transaction and waits for the log's fsync here, never on the service's event loop; the
// periodic WAL checkpoint (which syncs the database file) runs here too. A
// group that fails for a reason other than a held lock is written record by record, so each learns its own outcome.
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { GenerationRecord } from '../../core/ports.ts';
import { generationValues, INSERT_GENERATION } from '../../storage/sql-store.ts';
import { inTransaction, isBusy } from './node-sql-database.ts';
import type { AuditWriterReply, AuditWriterRequest } from './audit-writer.ts';

const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };
const db = new DatabaseSync(path);
// This thread may wait for a lock: nothing else runs on it.
db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${Math.max(1, busyTimeoutMs)};`);
const insert = db.prepare(INSERT_GENERATION);
const put = (g: GenerationRecord) => insert.run(...(generationValues(g) as SQLInputValue[]));
const failure = (e: unknown) => ({ message: e instanceof Error ? e.message : String(e), busy: isBusy(e) });

function write(records: GenerationRecord[]): AuditWriterReply['outcomes'] {
  try {
    inTransaction(db, () => records.forEach(put));
    return records.map(() => null);
  } catch (e) {
    if (records.length === 1 || isBusy(e)) return records.map(() => failure(e));
    return records.map((g) => {
      try {
        inTransaction(db, () => put(g));
        return null;
      } catch (one) {
        return failure(one);
      }
    });
  }
}

/** Truncates the WAL once every reader has moved on; a busy database is left for the next period. */
function checkpoint(): void {
  try {
    db.exec('PRAGMA busy_timeout = 100');
    db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
  } catch (e) {
    if (!isBusy(e)) parentPort!.postMessage({ id: 0, outcomes: [], warning: `WAL checkpoint failed: ${String(e)}` } satisfies AuditWriterReply);
  } finally {
    db.exec(`PRAGMA busy_timeout = ${Math.max(1, busyTimeoutMs)}`);
  }
}

parentPort!.on('message', (m: AuditWriterRequest) => {
  if (m.kind === 'checkpoint') return checkpoint();
  if (m.kind === 'close') {
    db.close();
    parentPort!.postMessage({ id: m.id, outcomes: [] } satisfies AuditWriterReply);
    return;
  }
  parentPort!.postMessage({ id: m.id, outcomes: write(m.records) } satisfies AuditWriterReply);
});
