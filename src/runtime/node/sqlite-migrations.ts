// The store's schema as numbered SQL files (src/storage/migrations/NNNN_name.sql), applied in order and recorded in
// the table `wrangler d1 migrations apply` keeps, so the same files and the same record serve SQLite and D1.
import { readdirSync, readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { PROJECT_ROOT } from './own-files.ts';

export const MIGRATIONS_DIR = new URL('src/storage/migrations/', PROJECT_ROOT);
/** Wrangler's own table and columns: a database migrated here is one wrangler sees as migrated, and the reverse. */
const MIGRATIONS_TABLE = 'd1_migrations';
const FILE = /^(\d{4})_[a-z0-9_-]+\.sql$/;
const ADOPTED = '0001_initial.sql';

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const names = readdirSync(dir).filter((n) => FILE.test(n)).sort();
  const numbers = names.map((n) => FILE.exec(n)![1]);
  if (new Set(numbers).size !== numbers.length) throw new Error(`two migrations share a number in ${dir.pathname}: ${names.join(', ')}`);
  return names.map((name) => ({ name, sql: readFileSync(new URL(name, dir), 'utf8') }));
}

/**
 * The steps the service ran before migrations were files, by the PRAGMA user_version they led to. A database at
 * user_version 4 holds exactly 0001; one at 1–3 (from early development) gets the steps it lacks, then is adopted the same way.
 */
const LEGACY_STEPS: Record<number, string> = {
  2: `CREATE TABLE generations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, key_id TEXT REFERENCES api_keys(id),
        filing_id TEXT NOT NULL, format TEXT NOT NULL, locale TEXT NOT NULL, template_version TEXT, input_sha256 TEXT,
        output_sha256 TEXT, bytes INTEGER, ms REAL NOT NULL, outcome TEXT NOT NULL
      ) STRICT`,
  3: `ALTER TABLE generations ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE generations ADD COLUMN draft INTEGER NOT NULL DEFAULT 0`,
  4: `CREATE TABLE template_versions (
        filing_id TEXT NOT NULL, version TEXT NOT NULL, effective_from TEXT NOT NULL, effective_until TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')), regulation_basis TEXT NOT NULL,
        docx_sha256 TEXT NOT NULL, html_sha256 TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('git', 'upload')),
        created_at TEXT NOT NULL, published_at TEXT, retired_at TEXT, PRIMARY KEY (filing_id, version)
      ) STRICT`,
};
const LEGACY_VERSION = 4;

function inTransaction(db: DatabaseSync, fn: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    fn();
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

/** Names of the migrations the database records as applied. */
function appliedMigrations(db: DatabaseSync): string[] {
  return (db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as Array<{ name: string }>).map((r) => r.name);
}

/** A database from before migration files: brought to the last built-in step and recorded as having applied 0001. */
function adoptLegacy(db: DatabaseSync): void {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version === 0 || appliedMigrations(db).length > 0) return;
  if (version > LEGACY_VERSION) throw new Error(`database user_version ${version} is newer than any schema this service knows`);
  inTransaction(db, () => {
    for (let v = version + 1; v <= LEGACY_VERSION; v++) db.exec(LEGACY_STEPS[v]!);
    db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`).run(ADOPTED);
  });
}

/**
 * An earlier runner recorded the files it applied (by name) in `schema_migrations`, next to the built-in steps of
 * PRAGMA user_version: its names are carried over into the one record, once, and its table dropped.
 */
function adoptEarlierRecord(db: DatabaseSync): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return;
  inTransaction(db, () => {
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as Array<{ name: string }>;
    for (const { name } of names) db.prepare(`INSERT OR IGNORE INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`).run(name);
    db.exec('DROP TABLE schema_migrations');
  });
}

/** Applies every migration not yet recorded, each in its own transaction with its record; returns the names applied. */
export function migrate(db: DatabaseSync, migrations: Migration[] = readMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`);
  adoptLegacy(db);
  adoptEarlierRecord(db);
  const done = new Set(appliedMigrations(db));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    inTransaction(db, () => {
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`).run(m.name);
    });
    applied.push(m.name);
  }
  return applied;
}
