// The app's dependencies and the typed request context every route and middleware shares.
import type { Context } from 'hono';
import type { Locale } from '../core/errors.ts';
import type { ApiKeyRecord, IdempotencyStore, RateLimitStore, SampleSource, Store, TemplateRepository } from '../core/ports.ts';
import type { AuthBackoffPolicy } from '../usecases/abuse-limits.ts';
import type { RenderServices } from '../usecases/services.ts';
import type { DocsAssets } from './docs.ts';
import type { JsonLimits } from './json-limits.ts';

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
}

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The caller's language for messages (Accept-Language: zh-CN unless English is preferred). */
    language: Locale;
    /** The authenticated key (set on secured routes only). */
    apiKey: ApiKeyRecord;
  };
}
