// API keys and the generation audit log over any SQLite-dialect database (D1 on Workers), through the SqlDatabase
// interface; the same tables and rows as Node's store, so a key or log entry means the same on either runtime.
import type { ApiKeyRecord, GenerationRecord, Page, Store } from '../core/ports.ts';
import type { SqlDatabase, SqlValue } from './sql-database.ts';

/** One audit record as a row of the generations table. */
export const INSERT_GENERATION =
  'INSERT INTO generations (id, at, key_id, filing_id, format, locale, template_version, input_sha256, output_sha256, bytes, ms, outcome, findings, draft, blocked_requests, cache_hit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export function generationValues(g: GenerationRecord): SqlValue[] {
  return [g.id, g.at, g.keyId, g.filingId, g.format, g.locale, g.templateVersion, g.inputSha256, g.outputSha256, g.bytes, g.ms, g.outcome, JSON.stringify(g.findings), g.draft ? 1 : 0, JSON.stringify(g.blockedRequests), g.cacheHit ? 1 : 0];
}

/** The rows of api_keys and generations, and their records: one mapping for every store over these tables. */
export interface KeyRow {
  id: string;
  name: string;
  role: ApiKeyRecord['role'];
  secret_sha256: string;
  created_at: string;
  revoked_at: string | null;
  org: string;
}

export interface GenRow {
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
  blocked_requests: string;
  cache_hit: number;
}

export const toKey = (r: KeyRow): ApiKeyRecord => ({ id: r.id, name: r.name, role: r.role, secretSha256: r.secret_sha256, createdAt: r.created_at, revokedAt: r.revoked_at, org: r.org });
export const toGen = (r: GenRow): GenerationRecord => ({
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
  blockedRequests: JSON.parse(r.blocked_requests) as string[],
  cacheHit: r.cache_hit === 1,
});

/** Keys and the audit log; each write is one statement, so it is atomic on its own. */
export function sqlStore(db: SqlDatabase): Store {
  return {
    async insertKey(k) {
      await db.run('INSERT INTO api_keys (id, name, role, secret_sha256, created_at, revoked_at, org) VALUES (?, ?, ?, ?, ?, ?, ?)', [k.id, k.name, k.role, k.secretSha256, k.createdAt, k.revokedAt, k.org]);
    },
    async findKey(id) {
      const row = await db.first<KeyRow>('SELECT * FROM api_keys WHERE id = ?', [id]);
      return row ? toKey(row) : undefined;
    },
    async listKeys() {
      return (await db.all<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id', [])).map(toKey);
    },
    async revokeKey(id, at) {
      return (await db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])).changes === 1;
    },
    async recordGeneration(g) {
      await db.run(INSERT_GENERATION, generationValues(g));
    },
    async listGenerations(opts): Promise<Page<GenerationRecord>> {
      const before = opts.before !== undefined && /^\d+$/.test(opts.before) ? Number(opts.before) : Number.MAX_SAFE_INTEGER;
      const rows = await db.all<GenRow>('SELECT * FROM generations WHERE seq < ? ORDER BY seq DESC LIMIT ?', [before, opts.limit + 1]);
      const page = rows.slice(0, opts.limit);
      return { items: page.map(toGen), next: rows.length > opts.limit ? String(page[page.length - 1]!.seq) : null };
    },
    async checkWritable() {
      // A write that matches no row: it needs the writable primary (a read replica or a closed database refuses it).
      await db.run('UPDATE api_keys SET revoked_at = revoked_at WHERE 0', []);
    },
    async close() {},
  };
}
