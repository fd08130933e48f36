// Ports of the deadline reminders: the store behind the job (lease, run record, outbox, deliveries), the webhook
// receivers, the calendar feed tokens, and the sender that puts a signed request on the wire (one adapter per runtime).
import type { GeneratedFiling } from './deadlines/fulfilment.ts';
import type { ProjectRecord } from './ports.ts';

/** One reminder as planned by a run: written once per (project, obligation, stage). */
export interface PlannedReminder {
  id: string;
  projectId: string;
  org: string;
  obligationId: string;
  stage: string;
  due: string;
  payload: string;
}

export interface RunRecord {
  id: string;
  holder: string;
  lease: string;
  /** Epoch ms: the lease must still be the holder's at this instant for anything to be written. */
  now: number;
  ranAt: string;
  today: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A delivery claimed for sending: the reminder's payload and the receiver's address and secrets. */
export interface DeliveryJob {
  id: string;
  reminderId: string;
  receiverId: string;
  attempts: number;
  url: string;
  payload: string;
  secrets: string[];
}

export interface DeliveryRecord {
  id: string;
  reminderId: string;
  receiverId: string;
  projectId: string;
  obligationId: string;
  stage: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ReminderStore {
  /** Takes the named lease (free, expired, or already the holder's) until now + ttlMs; true when the holder has it. */
  acquireLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  /** Every organisation's projects with their filings generated as final. */
  projectsWithFinals(): Promise<Array<{ project: ProjectRecord; generated: GeneratedFiling[] }>>;
  /** The stages already written, as `projectId obligationId stage` keys (separated by U+0000). */
  writtenStages(): Promise<Set<string>>;
  /**
   * In one transaction, and only while the lease is the run's: the reminders whose key is new, a delivery for each
   * active receiver of their organisation, and the run's record. Null when the lease was lost (nothing written).
   */
  recordRun(run: RunRecord, reminders: PlannedReminder[], firstAttemptAt: number): Promise<{ written: number } | null>;
  /** Claims up to `limit` pending deliveries that are due and not claimed (or whose claim ran out) until `until`. */
  claimDeliveries(holder: string, now: number, until: number, limit: number): Promise<DeliveryJob[]>;
  /** Records an attempt's outcome, when the claim is still the holder's. */
  finishAttempt(id: string, holder: string, outcome: { status: DeliveryStatus; attempts: number; nextAttemptAt: number; httpStatus: number | null; error: string | null; at: string }): Promise<void>;
  listDeliveries(filter: { status?: DeliveryStatus; receiverId?: string; id?: string; limit: number }): Promise<DeliveryRecord[]>;
  /** A dead delivery back to pending (same id, so the receiver can still dedupe); false when not dead. */
  requeueDelivery(id: string, now: number): Promise<boolean>;
}

export interface ReceiverRecord {
  id: string;
  url: string;
  org: string | null;
  description: string;
  secret: string;
  previousSecret: string | null;
  /** Epoch ms until which the previous secret still signs. */
  previousUntil: number | null;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface ReceiverStore {
  insertReceiver(r: ReceiverRecord): Promise<void>;
  getReceiver(id: string): Promise<ReceiverRecord | undefined>;
  listReceivers(): Promise<ReceiverRecord[]>;
  rotateSecret(id: string, secret: string, previousUntil: number): Promise<ReceiverRecord | undefined>;
  setReceiverStatus(id: string, status: ReceiverRecord['status'], reason: string | null): Promise<void>;
  deleteReceiver(id: string): Promise<boolean>;
}

export interface FeedRecord {
  tokenSha256: string;
  scope: 'project' | 'org';
  target: string;
  createdAt: string;
  createdBy: string | null;
}

export interface FeedStore {
  /** Makes this token the feed's only one (the previous URL stops working). */
  replaceFeed(f: FeedRecord): Promise<void>;
  findFeed(tokenSha256: string): Promise<FeedRecord | undefined>;
  deleteFeed(scope: FeedRecord['scope'], target: string): Promise<boolean>;
  /** The organisation's projects, for its feed. */
  projectsOfOrg(org: string): Promise<Array<{ project: ProjectRecord; generated: GeneratedFiling[] }>>;
  projectWithFinals(id: string): Promise<{ project: ProjectRecord; generated: GeneratedFiling[] } | undefined>;
}

/** What an attempt to deliver came to: an HTTP status, or a failure before one (refused address, timeout, network). */
export type SendResult = { status: number; retryAfterSeconds?: number } | { error: string };

/** Puts one webhook request on the wire, refusing addresses the policy forbids once the host is resolved. */
export interface WebhookSender {
  send(req: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }): Promise<SendResult>;
}
