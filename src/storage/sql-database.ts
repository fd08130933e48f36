// The little the SQL stores need from a database, so the same store code runs over node:sqlite and D1.
export type SqlValue = string | number | null | Uint8Array;

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

export interface SqlDatabase {
  first<T>(sql: string, params: SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params: SqlValue[]): Promise<T[]>;
  run(sql: string, params: SqlValue[]): Promise<{ changes: number }>;
  /** The statements in one transaction, all or none (D1: batch); each statement's change count. */
  batch(statements: SqlStatement[]): Promise<Array<{ changes: number }>>;
}

export const stmt = (sql: string, ...params: SqlValue[]): SqlStatement => ({ sql, params });
