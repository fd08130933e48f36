// node:sqlite behind the SQL stores' small interface; a batch is one BEGIN IMMEDIATE transaction, run synchronously,
// so no other statement on the connection can fall between its statements.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SqlDatabase, SqlValue } from '../../storage/sql-database.ts';

const args = (params: SqlValue[]) => params as SQLInputValue[];

export function nodeSqlDatabase(db: DatabaseSync): SqlDatabase {
  return {
    async first<T>(sql: string, params: SqlValue[]) {
      return db.prepare(sql).get(...args(params)) as T | undefined;
    },
    async all<T>(sql: string, params: SqlValue[]) {
      return db.prepare(sql).all(...args(params)) as T[];
    },
    async run(sql, params) {
      return { changes: Number(db.prepare(sql).run(...args(params)).changes) };
    },
    async batch(statements) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = statements.map((s) => ({ changes: Number(db.prepare(s.sql).run(...args(s.params)).changes) }));
        db.exec('COMMIT');
        return out;
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
  };
}
