// The app's dependencies and the typed request context every route and middleware shares.
import type { Locale } from '../core/errors.ts';
import type { ApiKeyRecord, PdfTicket, SampleSource, Store, TemplateRepository } from '../core/ports.ts';
import type { RenderServices } from '../usecases/services.ts';
import type { DocsAssets } from './docs.ts';
import type { JsonLimits } from './json-limits.ts';

export interface ReadinessProbe {
  /** Browser able to print (cached by the adapter). */
  browser(): Promise<{ ok: boolean; detail?: string }>;
  queue(): { active: number; queued: number; limit: number };
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
  };
}
