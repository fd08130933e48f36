// Delivery of the outbox: each due delivery is claimed (one process at a time), signed with the receiver's valid
// secrets and sent; a 2xx is delivered, a 410 disables the receiver, anything else (3xx included: redirects are not
// followed) is retried with exponential back-off and jitter, honouring Retry-After, until the attempts run out and the
// delivery is dead-lettered, visible and replayable through the API. The webhook-id is the delivery's own, so every
// attempt and every replay carries the same one.
import type { DeliveryJob, ReceiverStore, ReminderStore, SendResult, WebhookSender } from '../core/reminder-ports.ts';
import { webhookHeaders } from './webhook-signing.ts';

export interface DeliveryPolicy {
  timeoutMs: number;
  maxAttempts: number;
  /** The wait after the first failed attempt; each further one doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** ± this share of the wait, at random, so receivers that failed together are not retried together. */
  jitter: number;
  /** At most so many attempts in one run (the next run goes on). */
  maxPerRun: number;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
  dead: number;
}

export interface DeliveryDeps {
  store: ReminderStore;
  receivers: ReceiverStore;
  sender: WebhookSender;
  config: { delivery: DeliveryPolicy };
  clock: () => Date;
  holder: string;
  random?: () => number;
  /** Keeps the job's lease while it delivers; false when it was lost (then the job stops). */
  renewLease?: () => Promise<boolean>;
  log?: (e: Record<string, unknown>) => void;
}

/** Past the request's own timeout, how long a claim still holds (a process that died leaves it to run out). */
const CLAIM_SLACK_MS = 5000;
const USER_AGENT = 'filing-service-webhooks/1';

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
function retryDelayMs(attempts: number, p: DeliveryPolicy, random: () => number, retryAfterSeconds?: number): number {
  const exp = Math.min(p.baseDelayMs * 2 ** Math.max(0, attempts - 1), p.maxDelayMs);
  const jittered = exp * (1 + p.jitter * (2 * random() - 1));
  const floor = retryAfterSeconds !== undefined ? Math.min(retryAfterSeconds * 1000, p.maxDelayMs) : 0;
  return Math.max(1000, Math.round(Math.max(jittered, floor)));
}

function outcomeOf(r: SendResult): { ok: boolean; gone: boolean; httpStatus: number | null; error: string | null; retryAfter?: number } {
  if ('error' in r) return { ok: false, gone: false, httpStatus: null, error: r.error.slice(0, 300) };
  const ok = r.status >= 200 && r.status < 300;
  return { ok, gone: r.status === 410, httpStatus: r.status, error: ok ? null : `HTTP ${r.status}`, ...(r.retryAfterSeconds !== undefined && (r.status === 429 || r.status === 503) ? { retryAfter: r.retryAfterSeconds } : {}) };
}

async function attempt(deps: DeliveryDeps, job: DeliveryJob, report: DeliveryReport): Promise<void> {
  const p = deps.config.delivery;
  const sentAt = deps.clock();
  const headers = { ...(await webhookHeaders(job.secrets, job.id, sentAt, job.payload)), 'user-agent': USER_AGENT };
  const result = await deps.sender.send({ url: job.url, headers, body: job.payload, timeoutMs: p.timeoutMs }).catch((e: unknown): SendResult => ({ error: e instanceof Error ? e.message : String(e) }));
  const o = outcomeOf(result);
  const at = deps.clock();
  const attempts = job.attempts + 1;
  report.attempted++;
  if (o.ok) {
    report.delivered++;
    await deps.store.finishAttempt(job.id, deps.holder, { status: 'delivered', attempts, nextAttemptAt: at.getTime(), httpStatus: o.httpStatus, error: null, at: at.toISOString() });
    return;
  }
  const dead = o.gone || attempts >= p.maxAttempts;
  if (o.gone) await deps.receivers.setReceiverStatus(job.receiverId, 'disabled', 'the receiver answered 410 Gone');
  const next = dead ? at.getTime() : at.getTime() + retryDelayMs(attempts, p, deps.random ?? Math.random, o.retryAfter);
  if (dead) report.dead++;
  else report.failed++;
  deps.log?.({ level: dead ? 'warn' : 'info', msg: dead ? 'webhook delivery dead-lettered' : 'webhook delivery failed; retrying', delivery: job.id, receiver: job.receiverId, attempts, status: o.httpStatus, error: o.error });
  await deps.store.finishAttempt(job.id, deps.holder, { status: dead ? 'dead' : 'pending', attempts, nextAttemptAt: next, httpStatus: o.httpStatus, error: o.error, at: at.toISOString() });
}

/**
 * Sends the deliveries that are due, one claim at a time (a claim lasts one attempt, so a process that dies holds
 * nothing for long), while the lease holds.
 */
export async function deliverDue(deps: DeliveryDeps): Promise<DeliveryReport> {
  const p = deps.config.delivery;
  const report: DeliveryReport = { attempted: 0, delivered: 0, failed: 0, dead: 0 };
  while (report.attempted < p.maxPerRun) {
    if (deps.renewLease && !(await deps.renewLease())) break;
    const now = deps.clock().getTime();
    const [job] = await deps.store.claimDeliveries(deps.holder, now, now + p.timeoutMs + CLAIM_SLACK_MS, 1);
    if (!job) break;
    await attempt(deps, job, report);
  }
  return report;
}
