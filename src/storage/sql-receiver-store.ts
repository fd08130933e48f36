// Webhook receivers and calendar feed tokens over any SQLite-dialect database (node:sqlite, D1).
import type { FeedRecord, FeedStore, ReceiverRecord, ReceiverStore } from '../core/reminder-ports.ts';
import { stmt, type SqlDatabase } from './sql-database.ts';
import { projectsWithFinals } from './sql-reminder-store.ts';

interface ReceiverRow {
  id: string;
  url: string;
  org: string | null;
  description: string;
  secret: string;
  previous_secret: string | null;
  previous_until: number | null;
  status: ReceiverRecord['status'];
  disabled_reason: string | null;
  created_at: string;
  created_by: string | null;
}
interface FeedRow {
  token_sha256: string;
  scope: FeedRecord['scope'];
  target: string;
  created_at: string;
  created_by: string | null;
}

const toReceiver = (r: ReceiverRow): ReceiverRecord => ({
  id: r.id,
  url: r.url,
  org: r.org,
  description: r.description,
  secret: r.secret,
  previousSecret: r.previous_secret,
  previousUntil: r.previous_until === null ? null : Number(r.previous_until),
  status: r.status,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function sqlReceiverStore(db: SqlDatabase): ReceiverStore {
  const get = async (id: string) => {
    const r = await db.first<ReceiverRow>('SELECT * FROM webhook_receivers WHERE id = ?', [id]);
    return r ? toReceiver(r) : undefined;
  };
  return {
    async insertReceiver(r) {
      await db.run('INSERT INTO webhook_receivers (id, url, org, description, secret, previous_secret, previous_until, status, disabled_reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?)', [r.id, r.url, r.org, r.description, r.secret, r.status, r.createdAt, r.createdBy]);
    },
    getReceiver: get,
    async listReceivers() {
      return (await db.all<ReceiverRow>('SELECT * FROM webhook_receivers ORDER BY created_at, id', [])).map(toReceiver);
    },
    async rotateSecret(id, secret, previousUntil) {
      await db.run('UPDATE webhook_receivers SET previous_secret = secret, previous_until = ?, secret = ? WHERE id = ?', [previousUntil, secret, id]);
      return get(id);
    },
    async setReceiverStatus(id, status, reason) {
      await db.run('UPDATE webhook_receivers SET status = ?, disabled_reason = ? WHERE id = ?', [status, reason, id]);
    },
    async deleteReceiver(id) {
      return (await db.run('DELETE FROM webhook_receivers WHERE id = ?', [id])).changes === 1;
    },
  };
}

export function sqlFeedStore(db: SqlDatabase): FeedStore {
  return {
    async replaceFeed(f) {
      await db.batch([stmt('DELETE FROM calendar_feeds WHERE scope = ? AND target = ?', f.scope, f.target), stmt('INSERT INTO calendar_feeds (token_sha256, scope, target, created_at, created_by) VALUES (?, ?, ?, ?, ?)', f.tokenSha256, f.scope, f.target, f.createdAt, f.createdBy)]);
    },
    async findFeed(tokenSha256) {
      const r = await db.first<FeedRow>('SELECT * FROM calendar_feeds WHERE token_sha256 = ?', [tokenSha256]);
      return r ? { tokenSha256: r.token_sha256, scope: r.scope, target: r.target, createdAt: r.created_at, createdBy: r.created_by } : undefined;
    },
    async deleteFeed(scope, target) {
      return (await db.run('DELETE FROM calendar_feeds WHERE scope = ? AND target = ?', [scope, target])).changes === 1;
    },
    projectsOfOrg: (org) => projectsWithFinals(db, { org }),
    async projectWithFinals(id) {
      return (await projectsWithFinals(db, { id }))[0];
    },
  };
}
