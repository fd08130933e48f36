// Applies the numbered SQL migrations of src/storage/migrations (the files D1 is migrated with too) that a database
// has not had yet, each in its own transaction, and records them by file name.
import { readdirSync, readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../storage/migrations/', import.meta.url));
const NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

/** Returns the names of the migrations applied now. */
export function applySqlMigrations(db: DatabaseSync, dir = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((r) => r.name));
  const applied: string[] = [];
  for (const name of readdirSync(dir).filter((f) => NAME.test(f)).sort()) {
    if (done.has(name)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(readFileSync(`${dir}/${name}`, 'utf8'));
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString());
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    applied.push(name);
  }
  return applied;
}
