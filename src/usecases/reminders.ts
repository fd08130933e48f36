// The reminder job, the same on every runtime (node-cron calls it on Node, Cron Triggers on Workers): under a lease in
// the database, it works out which reminder stages are due, writes the new ones to the outbox in the one batch that
// records the run, then delivers what is due from the outbox. A run that dies halfway leaves either the whole batch or
// none of it; deliveries are claimed one by one, so the next run picks up what was left without sending anything twice
// under a new id.
import { computeObligations, type Obligation } from '../core/deadlines/obligations.ts';
import type { ProjectRecord } from '../core/ports.ts';
import type { PlannedReminder, ReceiverStore, ReminderStore, WebhookSender } from '../core/reminder-ports.ts';
import { deliverDue, type DeliveryPolicy, type DeliveryReport } from './webhook-delivery.ts';

const REMINDER_LEASE = 'reminders';

export interface ReminderConfig {
  /** Days before the due date a reminder goes out (0: on the day; negative: overdue by so many days). */
  offsetsDays: readonly number[];
  dueSoonDays: number;
  leaseMs: number;
  delivery: DeliveryPolicy;
  /** The service's public origin, for links in the payload. */
  publicUrl: string | null;
}

export interface ReminderDeps {
  store: ReminderStore;
  receivers: ReceiverStore;
  sender: WebhookSender;
  config: ReminderConfig;
  /** The clock: webhook timestamps and retry times read it, so a test can drive time. */
  clock: () => Date;
  /** This process, in lease and claim records. */
  instance: string;
  random?: () => number;
  log?: (e: Record<string, unknown>) => void;
}

export interface RunReport {
  ran: boolean;
  today: string;
  written: number;
  delivery: DeliveryReport;
}

/** The day it is in China (UTC+8 all year: no daylight saving), which the measures' dates are in. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const key = (projectId: string, obligationId: string, stage: string) => `${projectId}\u0000${obligationId}\u0000${stage}`;

/**
 * The stage an open obligation has reached today: the smallest offset at or above the days left. After a pause only
 * that latest stage is sent (a "30 days left" that is no longer true is not); its key carries the due date, so a due
 * date that moves starts its stages afresh.
 */
function currentStage(o: Pick<Obligation, 'daysLeft' | 'due' | 'status'>, offsets: readonly number[]): { offset: number; stage: string } | null {
  if (o.status === 'fulfilled') return null;
  const reached = offsets.filter((d) => d >= o.daysLeft);
  if (reached.length === 0) return null;
  const offset = Math.min(...reached);
  return { offset, stage: `${offset}@${o.due}` };
}

function payload(project: ProjectRecord, o: Obligation, offset: number, ranAt: string, publicUrl: string | null): string {
  const base = publicUrl?.replace(/\/+$/, '');
  const stageLabel =
    offset > 0 ? { zh: `距期限还有${offset}天`, en: `${offset} day${offset === 1 ? '' : 's'} left` } : offset === 0 ? { zh: '今天到期', en: 'due today' } : { zh: `已逾期${-offset}天`, en: `overdue by ${-offset} day${offset === -1 ? '' : 's'}` };
  return JSON.stringify({
    type: 'deadline.reminder',
    timestamp: ranAt,
    data: {
      project: { id: project.id, title: project.title, org: project.org },
      obligation: { id: o.id, kind: o.kind, title: o.title, rule: o.rule, basis: o.basis, due: o.due, nominalDue: o.nominalDue, status: o.status, daysLeft: o.daysLeft, ...(o.prepare ? { filingId: o.prepare.filingId } : {}), warnings: o.warnings.map((w) => ({ code: w.code, years: w.years })) },
      stage: { offsetDays: offset, label: stageLabel },
      ...(base ? { links: { obligations: `${base}/v1/projects/${project.id}/obligations`, board: `${base}/deadlines` } } : {}),
    },
  });
}

/** Every reminder stage due today that is not written yet. */
function planReminders(projects: Awaited<ReturnType<ReminderStore['projectsWithFinals']>>, written: Set<string>, today: string, ranAt: string, config: ReminderConfig): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const { project, generated } of projects) {
    const { obligations } = computeObligations({ project: project.data.project, milestones: project.data.milestones, generated, today, dueSoonDays: config.dueSoonDays });
    for (const o of obligations) {
      const s = currentStage(o, config.offsetsDays);
      if (!s || written.has(key(project.id, o.id, s.stage))) continue;
      out.push({ id: crypto.randomUUID(), projectId: project.id, org: project.org, obligationId: o.id, stage: s.stage, due: o.due, payload: payload(project, o, s.offset, ranAt, config.publicUrl) });
    }
  }
  return out;
}

/** One run of the job at `now`; does nothing (ran: false) while another process holds the lease. */
export async function runReminders(deps: ReminderDeps, now: Date = deps.clock()): Promise<RunReport> {
  const { store, config } = deps;
  const holder = `${deps.instance}/${crypto.randomUUID()}`;
  const today = chinaDate(now);
  const idle: DeliveryReport = { attempted: 0, delivered: 0, failed: 0, dead: 0 };
  if (!(await store.acquireLease(REMINDER_LEASE, holder, now.getTime(), config.leaseMs))) return { ran: false, today, written: 0, delivery: idle };
  try {
    const [projects, written] = await Promise.all([store.projectsWithFinals(), store.writtenStages()]);
    const planned = planReminders(projects, written, today, now.toISOString(), config);
    const run = await store.recordRun({ id: crypto.randomUUID(), holder, lease: REMINDER_LEASE, now: now.getTime(), ranAt: now.toISOString(), today }, planned, now.getTime());
    if (!run) {
      deps.log?.({ level: 'warn', msg: 'reminder run lost its lease before writing; the next run plans again' });
      return { ran: false, today, written: 0, delivery: idle };
    }
    const delivery = await deliverDue({ ...deps, holder, renewLease: () => store.acquireLease(REMINDER_LEASE, holder, deps.clock().getTime(), config.leaseMs) });
    deps.log?.({ level: 'info', msg: 'reminder run', today, written: run.written, ...delivery });
    return { ran: true, today, written: run.written, delivery };
  } finally {
    await store.releaseLease(REMINDER_LEASE, holder);
  }
}
