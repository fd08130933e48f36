// The reminder job's store over any SQLite-dialect database (node:sqlite, D1): the lease, the run written in one batch
// with its outbox rows and their deliveries (each statement guarded by the lease, so a run that lost it writes nothing),
// and deliveries claimed by one atomic UPDATE so two processes never send the same one at once.
import type { GeneratedFiling } from '../core/deadlines/fulfilment.ts';
import type { ProjectRecord } from '../core/ports.ts';
import type { DeliveryJob, DeliveryRecord, ReminderStore } from '../core/reminder-ports.ts';
import { stmt, type SqlDatabase } from './sql-database.ts';
import { toProject, type ProjectRow } from './sql-workbench-store.ts';

interface FinalRow {
  id: string;
  draft_id: string;
  project_id: string;
  filing_id: string;
  input: string;
  generated_at: string;
}
interface JobRow {
  id: string;
  reminder_id: string;
  receiver_id: string;
  attempts: number;
  url: string;
  payload: string;
  secret: string;
  previous_secret: string | null;
  previous_until: number | null;
}
interface DeliveryRow {
  id: string;
  reminder_id: string;
  receiver_id: string;
  project_id: string;
  obligation_id: string;
  stage: string;
  status: DeliveryRecord['status'];
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

const toGenerated = (r: FinalRow): GeneratedFiling => ({ filingId: r.filing_id, draftId: r.draft_id, finalId: r.id, generatedAt: r.generated_at, input: JSON.parse(r.input) as unknown });

/** Projects (all, one organisation's, or one) with their finals, two queries whatever their number. */
export async function projectsWithFinals(db: SqlDatabase, where: { org?: string; id?: string } = {}): Promise<Array<{ project: ProjectRecord; generated: GeneratedFiling[] }>> {
  const [cond, params] = where.id !== undefined ? ['p.id = ?', [where.id]] : where.org !== undefined ? ['p.org = ?', [where.org]] : ['1 = 1', []];
  const projects = await db.all<ProjectRow>(`SELECT p.* FROM projects p WHERE ${cond} ORDER BY p.updated_at DESC, p.id`, params);
  const finals = await db.all<FinalRow>(`SELECT f.id, f.draft_id, f.project_id, f.filing_id, f.input, f.generated_at FROM draft_finals f JOIN projects p ON p.id = f.project_id WHERE ${cond} ORDER BY f.generated_at`, params);
  const by = new Map<string, GeneratedFiling[]>();
  for (const f of finals) by.set(f.project_id, [...(by.get(f.project_id) ?? []), toGenerated(f)]);
  return projects.map((p) => ({ project: toProject(p), generated: by.get(p.id) ?? [] }));
}

async function listDeliveries(db: SqlDatabase, f: Parameters<ReminderStore['listDeliveries']>[0]): Promise<DeliveryRecord[]> {
  const cond: string[] = [];
  const params: Array<string | number> = [];
  for (const [column, value] of [['d.status', f.status], ['d.receiver_id', f.receiverId], ['d.id', f.id]] as const) {
    if (value === undefined) continue;
    cond.push(`${column} = ?`);
    params.push(value);
  }
  const rows = await db.all<DeliveryRow>(
    `SELECT d.id, d.reminder_id, d.receiver_id, r.project_id, r.obligation_id, r.stage, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.finished_at FROM webhook_deliveries d JOIN reminders r ON r.id = d.reminder_id ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id LIMIT ?`,
    [...params, f.limit],
  );
  return rows.map((r) => ({ id: r.id, reminderId: r.reminder_id, receiverId: r.receiver_id, projectId: r.project_id, obligationId: r.obligation_id, stage: r.stage, status: r.status, attempts: Number(r.attempts), nextAttemptAt: Number(r.next_attempt_at), lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: r.last_error, createdAt: r.created_at, finishedAt: r.finished_at }));
}

const LEASE_HELD = 'EXISTS (SELECT 1 FROM scheduler_leases WHERE name = ? AND holder = ? AND expires_at > ?)';

export function sqlReminderStore(db: SqlDatabase): ReminderStore {
  return {
    async acquireLease(name, holder, now, ttlMs) {
      await db.run('INSERT OR IGNORE INTO scheduler_leases (name, holder, expires_at) VALUES (?, ?, 0)', [name, holder]);
      const { changes } = await db.run('UPDATE scheduler_leases SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at <= ?)', [holder, now + ttlMs, name, holder, now]);
      return changes === 1;
    },
    async releaseLease(name, holder) {
      await db.run('UPDATE scheduler_leases SET expires_at = 0 WHERE name = ? AND holder = ?', [name, holder]);
    },
    projectsWithFinals: () => projectsWithFinals(db),
    async writtenStages() {
      const rows = await db.all<{ project_id: string; obligation_id: string; stage: string }>('SELECT project_id, obligation_id, stage FROM reminders', []);
      return new Set(rows.map((r) => `${r.project_id}\u0000${r.obligation_id}\u0000${r.stage}`));
    },
    async recordRun(run, reminders, firstAttemptAt) {
      const lease = [run.lease, run.holder, run.now] as const;
      const statements = reminders.map((r) =>
        stmt(`INSERT OR IGNORE INTO reminders (id, project_id, org, obligation_id, stage, due, payload, run_id, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${LEASE_HELD}`, r.id, r.projectId, r.org, r.obligationId, r.stage, r.due, r.payload, run.id, run.ranAt, ...lease),
      );
      statements.push(
        stmt(
          "INSERT OR IGNORE INTO webhook_deliveries (id, reminder_id, receiver_id, status, attempts, next_attempt_at, created_at) SELECT 'msg_' || lower(hex(randomblob(16))), r.id, w.id, 'pending', 0, ?, ? FROM reminders r JOIN webhook_receivers w ON w.status = 'active' AND (w.org IS NULL OR w.org = r.org) WHERE r.run_id = ?",
          firstAttemptAt,
          run.ranAt,
          run.id,
        ),
        stmt(`INSERT INTO reminder_runs (id, holder, ran_at, today, reminders) SELECT ?, ?, ?, ?, (SELECT count(*) FROM reminders WHERE run_id = ?) WHERE ${LEASE_HELD}`, run.id, run.holder, run.ranAt, run.today, run.id, ...lease),
      );
      const results = await db.batch(statements);
      if (results.at(-1)?.changes !== 1) return null;
      const row = await db.first<{ reminders: number }>('SELECT reminders FROM reminder_runs WHERE id = ?', [run.id]);
      return { written: Number(row?.reminders ?? 0) };
    },
    async claimDeliveries(holder, now, until, limit) {
      await db.run(
        "UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_receivers w ON w.id = d.receiver_id WHERE d.status = 'pending' AND w.status = 'active' AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until <= ?) ORDER BY d.next_attempt_at, d.id LIMIT ?)",
        [holder, until, now, now, limit],
      );
      const rows = await db.all<JobRow>(
        "SELECT d.id, d.reminder_id, d.receiver_id, d.attempts, w.url, r.payload, w.secret, w.previous_secret, w.previous_until FROM webhook_deliveries d JOIN reminders r ON r.id = d.reminder_id JOIN webhook_receivers w ON w.id = d.receiver_id WHERE d.claimed_by = ? AND d.status = 'pending' ORDER BY d.next_attempt_at, d.id",
        [holder],
      );
      return rows.map(
        (r): DeliveryJob => ({
          id: r.id,
          reminderId: r.reminder_id,
          receiverId: r.receiver_id,
          attempts: Number(r.attempts),
          url: r.url,
          payload: r.payload,
          secrets: [r.secret, ...(r.previous_secret && Number(r.previous_until) > now ? [r.previous_secret] : [])],
        }),
      );
    },
    async finishAttempt(id, holder, o) {
      await db.run(
        'UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, finished_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?',
        [o.status, o.attempts, o.nextAttemptAt, o.httpStatus, o.error, o.status === 'pending' ? null : o.at, id, holder],
      );
    },
    listDeliveries: (f) => listDeliveries(db, f),
    async requeueDelivery(id, now) {
      const { changes } = await db.run("UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, finished_at = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status = 'dead'", [now, id]);
      return changes === 1;
    },
  };
}
