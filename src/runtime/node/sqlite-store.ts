// Store on Node's built-in SQLite: WAL with synchronous=FULL (a committed record survives power loss),
// foreign keys on, a busy timeout, and every write in one BEGIN IMMEDIATE transaction.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ApiKeyRecord, GenerationRecord, Store } from '../../core/ports.ts';
import { applySqlMigrations } from './sql-migrations.ts';

const MIGRATIONS = [
  `CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('renderer', 'staff', 'maintainer', 'admin')),
     secret_sha256 TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT`,
  `CREATE TABLE generations (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     at TEXT NOT NULL,
     key_id TEXT REFERENCES api_keys(id),
     filing_id TEXT NOT NULL,
     format TEXT NOT NULL,
     locale TEXT NOT NULL,
     template_version TEXT,
     input_sha256 TEXT,
     output_sha256 TEXT,
     bytes INTEGER,
     ms REAL NOT NULL,
     outcome TEXT NOT NULL
   ) STRICT`,
  `ALTER TABLE generations ADD COLUMN findings TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE generations ADD COLUMN draft INTEGER NOT NULL DEFAULT 0`,
  `CREATE TABLE template_versions (
     filing_id TEXT NOT NULL,
     version TEXT NOT NULL,
     effective_from TEXT NOT NULL,
     effective_until TEXT,
     status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
     regulation_basis TEXT NOT NULL,
     docx_sha256 TEXT NOT NULL,
     html_sha256 TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('git', 'upload')),
     created_at TEXT NOT NULL,
     published_at TEXT,
     retired_at TEXT,
     PRIMARY KEY (filing_id, version)
   ) STRICT`,
];

interface KeyRow {
  id: string;
  name: string;
  role: ApiKeyRecord['role'];
  secret_sha256: string;
  created_at: string;
  revoked_at: string | null;
}
interface GenRow {
  seq: number;
  id: string;
  at: string;
  key_id: string | null;
  filing_id: string;
  format: string;
  locale: string;
  template_version: string | null;
  input_sha256: string | null;
  output_sha256: string | null;
  bytes: number | null;
  ms: number;
  outcome: string;
  findings: string;
  draft: number;
}

const toKey = (r: KeyRow): ApiKeyRecord => ({ id: r.id, name: r.name, role: r.role, secretSha256: r.secret_sha256, createdAt: r.created_at, revokedAt: r.revoked_at });
const toGen = (r: GenRow): GenerationRecord => ({
  id: r.id,
  at: r.at,
  keyId: r.key_id,
  filingId: r.filing_id,
  format: r.format,
  locale: r.locale,
  templateVersion: r.template_version,
  inputSha256: r.input_sha256,
  outputSha256: r.output_sha256,
  bytes: r.bytes,
  ms: r.ms,
  outcome: r.outcome,
  findings: JSON.parse(r.findings) as string[],
  draft: r.draft === 1,
});

export class SqliteStore implements Store {
  readonly db: DatabaseSync;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.migrate();
    applySqlMigrations(this.db);
  }

  /** Runs fn in one BEGIN IMMEDIATE transaction (writers queue on the busy timeout, never interleave). */
  tx<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = fn();
      this.db.exec('COMMIT');
      return r;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private migrate(): void {
    const version = (this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.tx(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  pragma(name: string): unknown {
    return Object.values(this.db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>)[0];
  }

  async insertKey(k: ApiKeyRecord): Promise<void> {
    this.tx(() =>
      this.db.prepare('INSERT INTO api_keys (id, name, role, secret_sha256, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)').run(k.id, k.name, k.role, k.secretSha256, k.createdAt, k.revokedAt),
    );
  }

  async findKey(id: string): Promise<ApiKeyRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row ? toKey(row) : undefined;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as unknown as KeyRow[]).map(toKey);
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    return this.tx(() => Number(this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes) === 1);
  }

  async recordGeneration(g: GenerationRecord): Promise<void> {
    this.tx(() =>
      this.db
        .prepare(
          'INSERT INTO generations (id, at, key_id, filing_id, format, locale, template_version, input_sha256, output_sha256, bytes, ms, outcome, findings, draft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(g.id, g.at, g.keyId, g.filingId, g.format, g.locale, g.templateVersion, g.inputSha256, g.outputSha256, g.bytes, g.ms, g.outcome, JSON.stringify(g.findings), g.draft ? 1 : 0),
    );
  }

  async listGenerations(opts: { limit: number; before?: string }): Promise<{ items: GenerationRecord[]; next: string | null }> {
    const before = opts.before !== undefined && /^\d+$/.test(opts.before) ? Number(opts.before) : Number.MAX_SAFE_INTEGER;
    const rows = this.db.prepare('SELECT * FROM generations WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(before, opts.limit + 1) as unknown as GenRow[];
    const page = rows.slice(0, opts.limit);
    return { items: page.map(toGen), next: rows.length > opts.limit ? String(page[page.length - 1]!.seq) : null };
  }

  async checkWritable(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    if (!this.db.isOpen) return;
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
