// The app's dependencies and the typed request context every route and middleware shares.
import type { Context } from 'hono';
import type { Locale } from '../core/errors.ts';
import type { ApiKeyRecord, IdempotencyStore, PdfTicket, RateLimitStore, SampleSource, SessionRecord, Store, TemplateRepository, WorkbenchStore } from '../core/ports.ts';
import type { FeedStore, ReceiverStore, ReminderStore } from '../core/reminder-ports.ts';
import type { AuthBackoffPolicy } from '../usecases/abuse-limits.ts';
import type { UrlPolicy } from '../usecases/webhook-url-policy.ts';
import type { RenderServices } from '../usecases/services.ts';
import type { DocsAssets } from './docs.ts';
import type { JsonLimits } from '../core/json-input.ts';

export interface ReadinessProbe {
  /** Browser able to print (cached by the adapter). */
  browser(): Promise<{ ok: boolean; detail?: string }>;
  queue(): { active: number; queued: number; limit: number };
  /** What each type role of the PDFs resolved to on this machine (official face, stand-in or fall-back). */
  fonts?(): Array<{ role: string; family: string | null; kind: 'official' | 'stand-in' | 'fallback' }>;
}

export interface Lifecycle {
  draining: boolean;
  inFlight: number;
}

export interface AppDeps {
  render: RenderServices;
  store: Store;
  samples: SampleSource;
  now: () => Date;
  log: (entry: Record<string, unknown>) => void;
  readiness: ReadinessProbe;
  lifecycle: Lifecycle;
  docsAssets?: DocsAssets;
  /** Template maintenance routes are served when a repository is given. */
  templates?: TemplateRepository;
  maxUploadBytes?: number;
  limits?: Partial<JsonLimits>;
  rateLimitPerMinute?: number;
  maxPackageDocuments?: number;
  /** Counters of the abuse limits, shared by every process (in this process's memory when not given). */
  rateLimits?: RateLimitStore;
  /** Results of requests sent with an Idempotency-Key (in this process's memory when not given). */
  idempotency?: IdempotencyStore;
  /** The client's address as the runtime knows it (socket, edge header or trusted proxy header). */
  clientAddress?: (c: Context<AppEnv>) => string | undefined;
  authBackoff?: Partial<AuthBackoffPolicy>;
  idempotencyTtlMs?: number;
  idempotencyMaxResponseBytes?: number;
  /** Projects, drafts and sessions: the workbench pages at / and the /v1/projects routes are served when given. */
  workbench?: WorkbenchStore;
  /** The workbench's bundled client script and stylesheet (built by scripts/build-client.ts). */
  uiAssets?: UiAssets;
  /** Obligations, calendar feeds and webhook receivers: served (with the workbench) when given. */
  deadlines?: DeadlineServices;
}

export interface DeadlineServices {
  reminders: ReminderStore;
  receivers: ReceiverStore;
  feeds: FeedStore;
  policy: UrlPolicy;
  rotationOverlapMs: number;
  dueSoonDays: number;
  publicUrl: string | null;
  /** The reminder offsets (days before due); the calendar feeds give an alarm for each that is not negative. */
  offsetsDays: readonly number[];
}

export interface UiAssets {
  get(file: string): { body: string; type: string } | undefined;
  /** Short content hash, appended to asset URLs so a new build is never served from a stale cache. */
  version: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The caller's language for messages (Accept-Language: zh-CN unless English is preferred). */
    language: Locale;
    /** The authenticated key (set on secured routes only). */
    apiKey: ApiKeyRecord;
    /** The printer place a PDF request took as it arrived (see admission.ts). */
    pdfTicket?: PdfTicket;
    /** The browser session the request came with, when it was authenticated by one. */
    session?: SessionRecord;
  };
}
