// What the scheduled job runs with, from the config: one builder for both runtimes, which differ only in how a webhook
// is sent, how the process is named and how many deliveries fit in one run.
import type { Config } from '../config.ts';
import type { WebhookSender } from '../core/reminder-ports.ts';
import type { RetentionStore } from '../core/retention-ports.ts';
import type { DeadlineServices } from '../http/env.ts';
import type { ReminderDeps } from '../usecases/reminders.ts';
import type { ScheduledJobDeps } from '../usecases/scheduled-job.ts';

export interface JobRuntime {
  sender: WebhookSender;
  /** This process, in lease and claim records. */
  instance: string;
  log: (e: Record<string, unknown>) => void;
  clock?: () => Date;
  /** Deliveries attempted at most in one run (a Cron Trigger invocation has a smaller budget than a process). */
  maxDeliveriesPerRun: number;
}

export function reminderDeps(config: Config, d: DeadlineServices, rt: JobRuntime): ReminderDeps {
  return {
    store: d.reminders,
    receivers: d.receivers,
    sender: rt.sender,
    clock: rt.clock ?? (() => new Date()),
    instance: rt.instance,
    log: rt.log,
    config: {
      offsetsDays: config.REMINDER_OFFSETS_DAYS,
      dueSoonDays: config.DEADLINE_DUE_SOON_DAYS,
      leaseMs: config.REMINDER_LEASE_SECONDS * 1000,
      publicUrl: config.PUBLIC_URL ?? null,
      delivery: { timeoutMs: config.WEBHOOK_TIMEOUT_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, baseDelayMs: config.WEBHOOK_RETRY_BASE_SECONDS * 1000, maxDelayMs: config.WEBHOOK_RETRY_MAX_SECONDS * 1000, jitter: 0.2, maxPerRun: rt.maxDeliveriesPerRun },
    },
  };
}

export function scheduledJobDeps(config: Config, d: DeadlineServices, retention: RetentionStore, rt: JobRuntime): ScheduledJobDeps {
  return {
    reminders: reminderDeps(config, d, rt),
    retention: {
      store: retention,
      leases: d.reminders,
      instance: rt.instance,
      log: rt.log,
      config: {
        draftHistoryKeepDays: config.DRAFT_HISTORY_KEEP_DAYS,
        draftHistoryKeepLatest: config.DRAFT_HISTORY_KEEP_LATEST,
        reminderRunsKeepDays: config.REMINDER_RUNS_KEEP_DAYS,
        auditLogKeepDays: config.AUDIT_LOG_KEEP_DAYS,
        maxRowsPerRun: config.RETENTION_MAX_ROWS_PER_RUN,
        intervalMs: config.RETENTION_INTERVAL_MINUTES * 60_000,
      },
    },
  };
}
