// The retention job, run with the reminders by the same schedule (node-cron on Node, the Cron Trigger on Workers): the
// draft history is kept whole for a period and thinned after it, reminder-run records are pruned, and the audit log
// only when a period is set for it. A lease spaces the runs an interval apart across every process; each run deletes a
// bounded number of rows, so a large backlog is worked off over several runs.
import type { RetentionStore } from '../core/retention-ports.ts';
import type { ReminderStore } from '../core/reminder-ports.ts';

const RETENTION_LEASE = 'retention';
const DAY_MS = 86_400_000;
/** Drafts looked at in one run: each costs a statement or two, and a Cron Trigger invocation has a budget. */
const MAX_DRAFTS_PER_RUN = 200;

export interface RetentionConfig {
  /** Every revision of a draft is kept for so many days; older ones are thinned. */
  draftHistoryKeepDays: number;
  /** The latest saved revisions of a draft, kept whatever their age. */
  draftHistoryKeepLatest: number;
  /** Reminder-run records are kept for so many days. */
  reminderRunsKeepDays: number;
  /** Audit records are kept for so many days; 0 keeps them for ever. */
  auditLogKeepDays: number;
  /** Rows deleted at most by one run, all tables together. */
  maxRowsPerRun: number;
  /** Runs are at least this far apart, however often the schedule fires and however many processes it fires in. */
  intervalMs: number;
}

export interface RetentionDeps {
  store: RetentionStore;
  leases: Pick<ReminderStore, 'acquireLease'>;
  config: RetentionConfig;
  /** This process, in lease records. */
  instance: string;
  log?: (e: Record<string, unknown>) => void;
}

export interface RetentionReport {
  ran: boolean;
  /** Drafts whose history was looked at, and revisions deleted. */
  drafts: number;
  revisionsDeleted: number;
  reminderRunsDeleted: number;
  auditRecordsDeleted: number;
  /** The run stopped at maxRowsPerRun: more is left for the next one. */
  more: boolean;
}

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** One run at `now`; does nothing (ran: false) when another run took place less than the interval ago. */
export async function runRetention(deps: RetentionDeps, now: Date): Promise<RetentionReport> {
  const { store, config } = deps;
  const report: RetentionReport = { ran: false, drafts: 0, revisionsDeleted: 0, reminderRunsDeleted: 0, auditRecordsDeleted: 0, more: false };
  // The lease is not released: its expiry is what keeps the next run an interval away.
  if (!(await deps.leases.acquireLease(RETENTION_LEASE, `${deps.instance}/${crypto.randomUUID()}`, now.getTime(), config.intervalMs))) return report;
  report.ran = true;
  let budget = config.maxRowsPerRun;
  const keepAfter = before(now, config.draftHistoryKeepDays);
  for (const id of await store.draftsToThin(keepAfter, MAX_DRAFTS_PER_RUN)) {
    if (budget === 0) break;
    const deleted = await store.thinDraft(id, { keepAfter, keepLatest: config.draftHistoryKeepLatest, maxRows: budget });
    report.drafts++;
    report.revisionsDeleted += deleted;
    budget -= deleted;
    // A draft cut short by the budget is taken up first by the next run.
    if (budget > 0) await store.markThinned(id, keepAfter);
  }
  if (budget > 0) {
    report.reminderRunsDeleted = await store.pruneReminderRuns(before(now, config.reminderRunsKeepDays), budget);
    budget -= report.reminderRunsDeleted;
  }
  if (budget > 0 && config.auditLogKeepDays > 0) {
    report.auditRecordsDeleted = await store.pruneAuditLog(before(now, config.auditLogKeepDays), budget);
    budget -= report.auditRecordsDeleted;
  }
  report.more = budget === 0;
  deps.log?.({ level: 'info', msg: 'retention run', keepAfter, ...report });
  return report;
}
