// The scheduled job on Node: node-cron calls runScheduledJob (reminders, then retention) on the configured schedule (in
// UTC, without overlap) and once at start, so a process that was down catches up at once. node-cron keeps no state; everything the job needs to be
// neither lost nor doubled is in the database (lease, outbox, deliveries).
import cron, { type ScheduledTask } from 'node-cron';
import { hostname } from 'node:os';
import { ConfigError, type Config } from '../../config.ts';
import type { FeedStore, ReceiverStore, ReminderStore } from '../../core/reminder-ports.ts';
import type { DeadlineServices } from '../../http/env.ts';
import type { ReminderDeps } from '../../usecases/reminders.ts';
import { runScheduledJob, type ScheduledJobDeps } from '../../usecases/scheduled-job.ts';
import { reminderDeps as buildReminderDeps, type JobRuntime } from '../scheduled-job-deps.ts';
import { parseNetworks, type UrlPolicy } from '../../usecases/webhook-url-policy.ts';
import { createNodeWebhookSender } from './webhook-sender.ts';

export function urlPolicy(config: Config): UrlPolicy {
  let allowedNetworks: UrlPolicy['allowedNetworks'];
  try {
    allowedNetworks = parseNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
  } catch (e) {
    throw new ConfigError(`WEBHOOK_ALLOWED_NETWORKS: ${(e as Error).message}`);
  }
  const listen = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
  const selfOrigins = [listen, ...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])];
  return { allowedNetworks, selfOrigins, selfPort: config.PORT };
}

export function deadlineServices(config: Config, stores: { reminders: ReminderStore; receivers: ReceiverStore; feeds: FeedStore }): DeadlineServices {
  return {
    ...stores,
    policy: urlPolicy(config),
    rotationOverlapMs: config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    dueSoonDays: config.DEADLINE_DUE_SOON_DAYS,
    publicUrl: config.PUBLIC_URL ?? null,
    offsetsDays: config.REMINDER_OFFSETS_DAYS,
  };
}

/** How the job runs on Node: webhooks through the Node sender, the process named by host and pid. */
export function nodeJobRuntime(d: DeadlineServices, log: (e: Record<string, unknown>) => void, clock: () => Date = () => new Date()): JobRuntime {
  return { sender: createNodeWebhookSender(d.policy), instance: `${hostname()}:${process.pid}`, log, clock, maxDeliveriesPerRun: 500 };
}

export function reminderDeps(config: Config, d: DeadlineServices, log: (e: Record<string, unknown>) => void, clock: () => Date = () => new Date()): ReminderDeps {
  return buildReminderDeps(config, d, nodeJobRuntime(d, log, clock));
}

/** Throws ConfigError for a schedule node-cron does not accept. */
export function checkSchedule(expression: string): void {
  if (expression !== 'off' && !cron.validate(expression)) throw new ConfigError(`REMINDER_CRON: not a cron expression: ${expression}`);
}

export interface ReminderCron {
  stop(): Promise<void>;
}

/** Starts the schedule and a catch-up run now; a run's failure is logged and the next tick tries again. */
export function startReminderCron(expression: string, deps: ScheduledJobDeps, log: (e: Record<string, unknown>) => void): ReminderCron {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = runScheduledJob(deps).catch((e: unknown) => log({ level: 'error', msg: 'reminder run failed', err: e instanceof Error ? e.message : String(e) }));
    return running;
  };
  const task: ScheduledTask = cron.schedule(expression, run, { name: 'reminders', noOverlap: true, timezone: 'Etc/UTC' });
  task.on('execution:overlap', () => log({ level: 'info', msg: 'reminder run still going; tick skipped' }));
  task.on('execution:missed', () => log({ level: 'warn', msg: 'reminder tick missed; the next run catches up from the database' }));
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
