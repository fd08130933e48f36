// D1 behind the SQL stores' small interface: the same statements as on node:sqlite; a batch is D1's own batch, which
// runs as one transaction (all or none).
import type { SqlDatabase, SqlValue } from '../../storage/sql-database.ts';
import type { D1Database } from './bindings.ts';

// D1 takes ArrayBuffer or array of bytes for BLOBs; a Uint8Array view is passed as its own bytes.
const bindable = (params: SqlValue[]) => params.map((p) => (p instanceof Uint8Array ? p.slice().buffer : p));

export function d1SqlDatabase(db: D1Database): SqlDatabase {
  const prepared = (sql: string, params: SqlValue[]) => (params.length ? db.prepare(sql).bind(...bindable(params)) : db.prepare(sql));
  return {
    async first<T>(sql: string, params: SqlValue[]) {
      return ((await prepared(sql, params).first<T>()) ?? undefined) as T | undefined;
    },
    async all<T>(sql: string, params: SqlValue[]) {
      return (await prepared(sql, params).all<T>()).results;
    },
    async run(sql, params) {
      return { changes: (await prepared(sql, params).run()).meta.changes };
    },
    async batch(statements) {
      if (!statements.length) return [];
      const results = await db.batch(statements.map((s) => prepared(s.sql, s.params)));
      return results.map((r) => ({ changes: r.meta.changes }));
    },
  };
}
