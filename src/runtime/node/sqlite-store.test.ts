// The SQLite store: schema from the migration files (recorded where wrangler records them), databases from before
// migration files adopted unchanged, lock waits that never block the event loop, and the WAL truncated periodically.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.ts';
import type { GenerationRecord } from '../../core/ports.ts';
import { MIGRATIONS_DIR, readMigrations } from './sqlite-migrations.ts';
import { AuditWriter } from './audit-writer.ts';
import { SqliteStore } from './sqlite-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'filing-sqlite-'));
const generation = (id: string): GenerationRecord => ({
  id,
  at: '2026-11-30T00:00:00Z',
  keyId: null,
  filingId: 'acceptance-extension',
  format: 'docx',
  locale: 'zh-CN',
  templateVersion: '1.0.0',
  inputSha256: 'a'.repeat(64),
  outputSha256: 'b'.repeat(64),
  bytes: 10,
  ms: 1,
  outcome: 'ok',
  findings: [],
  draft: false,
  blockedRequests: ['image http://127.0.0.1:9/x.png'],
  cacheHit: true,
});

/** Every table's columns (name, type, not null, default, key), foreign keys and indexes, as SQLite reports them. */
function schema(db: DatabaseSync): Record<string, unknown> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, ['table_xinfo', 'foreign_key_list', 'index_list'].map((p) => db.prepare(`PRAGMA ${p}(${t})`).all())]));
}

/** A database as the service created it before migrations were files: four built-in steps, PRAGMA user_version 4. */
function legacyDatabase(path: string): void {
  const db = new DatabaseSync(path);
  db.exec(`CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('renderer', 'staff', 'maintainer', 'admin')),
             secret_sha256 TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT) STRICT;
           CREATE TABLE generations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, key_id TEXT REFERENCES api_keys(id),
             filing_id TEXT NOT NULL, format TEXT NOT NULL, locale TEXT NOT NULL, template_version TEXT, input_sha256 TEXT, output_sha256 TEXT,
             bytes INTEGER, ms REAL NOT NULL, outcome TEXT NOT NULL) STRICT;
           ALTER TABLE generations ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
           ALTER TABLE generations ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
           CREATE TABLE template_versions (filing_id TEXT NOT NULL, version TEXT NOT NULL, effective_from TEXT NOT NULL, effective_until TEXT,
             status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')), regulation_basis TEXT NOT NULL, docx_sha256 TEXT NOT NULL,
             html_sha256 TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('git', 'upload')), created_at TEXT NOT NULL, published_at TEXT,
             retired_at TEXT, PRIMARY KEY (filing_id, version)) STRICT;
           INSERT INTO api_keys VALUES ('k1', 'old key', 'admin', '${'c'.repeat(64)}', '2026-01-01T00:00:00Z', NULL);
           INSERT INTO generations (id, at, key_id, filing_id, format, locale, ms, outcome) VALUES ('g-old', '2026-01-01T00:00:00Z', 'k1', 'acceptance-extension', 'pdf', 'en', 5, 'ok');
           PRAGMA user_version = 4;`);
  db.close();
}

describe('migrations', () => {
  it('are numbered SQL files that wrangler can apply too: no pragmas, no transactions of their own', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(readMigrations().map((m) => m.name)).toEqual([...files].sort());
    for (const f of files) {
      expect(f).toMatch(/^\d{4}_[a-z0-9_-]+\.sql$/);
      const sql = readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8').replace(/--.*$/gm, '');
      expect(sql, f).not.toMatch(/\b(PRAGMA|BEGIN|COMMIT|ROLLBACK|ATTACH|VACUUM)\b/i);
    }
  });

  it('builds a new database from the files and records each in d1_migrations', async () => {
    const store = new SqliteStore(join(dir(), 'db.sqlite'));
    const names = (store.db.prepare('SELECT name FROM d1_migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(readMigrations().map((m) => m.name));
    await store.recordGeneration(generation('g1'));
    expect((await store.listGenerations({ limit: 5 })).items[0]).toEqual(generation('g1'));
    await store.close();
  });

  it('adopts a database from before migration files: data kept, 0001 recorded, later files applied, same schema as new', async () => {
    const d = dir();
    legacyDatabase(join(d, 'old.sqlite'));
    const old = new SqliteStore(join(d, 'old.sqlite'));
    const fresh = new SqliteStore(join(d, 'new.sqlite'));
    expect((old.db.prepare('SELECT name FROM d1_migrations ORDER BY id').all() as Array<{ name: string }>).map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
    expect(schema(old.db)).toEqual(schema(fresh.db));
    expect((await old.findKey('k1'))?.name).toBe('old key');
    expect((await old.listGenerations({ limit: 5 })).items[0]).toMatchObject({ id: 'g-old', format: 'pdf', findings: [], draft: false, blockedRequests: [], cacheHit: false });
    await old.close();
    // Opening again applies nothing twice.
    const again = new SqliteStore(join(d, 'old.sqlite'));
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM d1_migrations').get() as { n: number }).n).toBe(readMigrations().length);
    await again.close();
    await fresh.close();
  });

  it('adopts a database an earlier runner kept (user_version 4, file names in schema_migrations): one record, nothing applied twice', async () => {
    const path = join(dir(), 'earlier.sqlite');
    legacyDatabase(path);
    const earlier = new DatabaseSync(path);
    const later = readMigrations().filter((m) => m.name >= '0100');
    earlier.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of later) {
      earlier.exec(m.sql);
      earlier.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.name, '2026-11-01T00:00:00Z');
    }
    earlier.exec("INSERT INTO rate_limits (bucket, window_start, count, expires_at) VALUES ('key:k1', 1, 3, 9999999999999)");
    earlier.close();
    const store = new SqliteStore(path);
    const names = (store.db.prepare('SELECT name FROM d1_migrations').all() as Array<{ name: string }>).map((r) => r.name);
    expect([...names].sort()).toEqual(readMigrations().map((m) => m.name));
    expect(store.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get()).toBeUndefined();
    expect(store.db.prepare("SELECT count FROM rate_limits WHERE bucket = 'key:k1'").get()).toEqual({ count: 3 });
    expect((await store.findKey('k1'))?.name).toBe('old key');
    expect((await store.listGenerations({ limit: 1 })).items[0]).toMatchObject({ id: 'g-old', blockedRequests: [], cacheHit: false });
    await store.close();
  });
});

describe('audit records', () => {
  it('are written in groups, and a record that cannot be written fails alone', async () => {
    const store = new SqliteStore(join(dir(), 'db.sqlite'));
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.recordGeneration({ ...generation(`r${i}`), keyId: i === 7 ? 'no-such-key' : null })));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
    expect((await store.listGenerations({ limit: 50 })).items.map((g) => g.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).filter((x) => x !== 'r7').sort());
    await store.close();
  });
});

describe('the audit writer thread', () => {
  it('that cannot run fails each record at once instead of leaving it waiting', async () => {
    // A folder is no database: the thread stops as it opens it.
    const writer = new AuditWriter(dir(), 1000);
    const first = await writer.write(generation('lost')).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    const later = await writer.write(generation('later')).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(Error);
    await writer.close();
  });
});

describe('a lock held by another process', () => {
  it('is waited for without blocking the event loop, then the write goes through', async () => {
    const path = join(dir(), 'db.sqlite');
    const store = new SqliteStore(path, { busyTimeoutMs: 5000 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const write = store.recordGeneration(generation('g2'));
    // The lock is released by this thread's event loop while the write waits. A wait inside the driver (its busy
    // timeout, 5 s here) would hold the loop, the release could not run, and the write would fail.
    await new Promise((r) => setTimeout(r, 300));
    other.exec('COMMIT');
    await write;
    expect((await store.listGenerations({ limit: 1 })).items[0]!.id).toBe('g2');
    other.close();
    await store.close();
  });

  it('held past the budget is database_busy with a retry hint; readiness answers at once', async () => {
    const path = join(dir(), 'db.sqlite');
    const store = new SqliteStore(path, { busyTimeoutMs: 200 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const e = await store.recordGeneration(generation('g3')).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('database_busy');
    expect(isAppError(e) && e.details.retryAfterSeconds).toBeGreaterThan(0);
    // Readiness makes one short attempt, not the writes' wait: through a store whose writes would wait ten minutes it
    // still answers database_busy while the lock is held.
    const patient = new SqliteStore(path, { busyTimeoutMs: 600_000 });
    const ready = await patient.checkWritable().catch((x: unknown) => x);
    expect(isAppError(ready) && ready.code).toBe('database_busy');
    other.exec('ROLLBACK');
    await patient.checkWritable();
    other.close();
    await patient.close();
    await store.close();
  });
});

describe('the write-ahead log', () => {
  it('is checkpointed and truncated periodically', async () => {
    const path = join(dir(), 'db.sqlite');
    // Writes through a store that never checkpoints leave a WAL behind (SQLite's own checkpoints do not shrink it)…
    const writer = new SqliteStore(path, { checkpointIntervalMs: 0 });
    for (let i = 0; i < 20; i++) await writer.recordGeneration(generation(`w${i}`));
    let size = statSync(`${path}-wal`).size;
    expect(size).toBeGreaterThan(0);
    // …which a store with a period truncates on its own.
    const store = new SqliteStore(path, { checkpointIntervalMs: 50 });
    for (let i = 0; i < 100 && size > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      size = statSync(`${path}-wal`).size;
    }
    expect(size).toBe(0);
    expect((await store.listGenerations({ limit: 100 })).items).toHaveLength(20);
    await writer.close();
    await store.close();
  });
});
