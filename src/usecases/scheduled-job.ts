// The scheduled job as both runtimes fire it (node-cron on Node, the Cron Trigger on Workers): the reminders, then the
// retention of what would otherwise only grow. A failure of one does not keep the other from running.
import { runReminders, type ReminderDeps, type RunReport } from './reminders.ts';
import { runRetention, type RetentionDeps, type RetentionReport } from './retention.ts';

export interface ScheduledJobDeps {
  reminders: ReminderDeps;
  retention: RetentionDeps;
}

export async function runScheduledJob(deps: ScheduledJobDeps, now: Date = deps.reminders.clock()): Promise<{ reminders: RunReport; retention: RetentionReport }> {
  let reminders: RunReport | undefined;
  let failure: unknown;
  try {
    reminders = await runReminders(deps.reminders, now);
  } catch (e) {
    failure = e;
  }
  const retention = await runRetention(deps.retention, now);
  if (!reminders) throw failure;
  return { reminders, retention };
}
