// The retention job's statements over any SQLite-dialect database (node:sqlite, D1). Each is bounded by its LIMIT, so a
// run costs the same however large the tables have grown.
import type { RetentionStore } from '../core/retention-ports.ts';
import type { SqlDatabase } from './sql-database.ts';

// A draft's saved revisions numbered from the latest, and within each day (in China, UTC+8) from the day's last.
// Refused saves are not numbered and never deleted: they hold what someone typed and nothing else does.
const THINNABLE = `
SELECT seq FROM (
  SELECT seq, revision, saved_at,
    row_number() OVER (ORDER BY seq DESC) AS nth_latest,
    row_number() OVER (PARTITION BY date(saved_at, '+8 hours') ORDER BY seq DESC) AS nth_of_day
  FROM draft_revisions WHERE draft_id = ?1 AND kind <> 'conflict'
) r
WHERE r.saved_at < ?2 AND r.nth_latest > ?3 AND r.nth_of_day > 1
  AND NOT EXISTS (SELECT 1 FROM draft_finals f WHERE f.draft_id = ?1 AND f.revision = r.revision)
  AND NOT EXISTS (SELECT 1 FROM draft_revisions c WHERE c.draft_id = ?1 AND c.kind = 'conflict' AND c.based_on = r.revision)
ORDER BY seq LIMIT ?4`;

export function sqlRetentionStore(db: SqlDatabase): RetentionStore {
  return {
    async draftsToThin(keepAfter, limit) {
      const rows = await db.all<{ id: string }>(
        `SELECT d.id FROM drafts d
         WHERE EXISTS (SELECT 1 FROM draft_revisions r WHERE r.draft_id = d.id AND r.saved_at >= d.history_kept_after AND r.saved_at < ?1)
         ORDER BY d.history_kept_after, d.id LIMIT ?2`,
        [keepAfter, limit],
      );
      return rows.map((r) => r.id);
    },
    async thinDraft(draftId, o) {
      const { changes } = await db.run(`DELETE FROM draft_revisions WHERE seq IN (${THINNABLE})`, [draftId, o.keepAfter, o.keepLatest, o.maxRows]);
      return changes;
    },
    async markThinned(draftId, keepAfter) {
      await db.run('UPDATE drafts SET history_kept_after = ?1 WHERE id = ?2', [keepAfter, draftId]);
    },
    async pruneReminderRuns(before, maxRows) {
      const { changes } = await db.run('DELETE FROM reminder_runs WHERE id IN (SELECT id FROM reminder_runs WHERE ran_at < ?1 ORDER BY ran_at LIMIT ?2)', [before, maxRows]);
      return changes;
    },
    async pruneAuditLog(before, maxRows) {
      // The oldest rows by seq (its primary key), so the statement never scans the table for old ones.
      const { changes } = await db.run('DELETE FROM generations WHERE seq IN (SELECT seq FROM generations ORDER BY seq LIMIT ?2) AND at < ?1', [before, maxRows]);
      return changes;
    },
  };
}
