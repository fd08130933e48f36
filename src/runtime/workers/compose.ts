// Where ports meet their Workers adapters: the Worker's env in, the same app as on Node out (D1 for every store, R2
// for template files, bundled templates and samples), plus what the cron handler runs with.
import puppeteer, { type BrowserWorker } from '@cloudflare/puppeteer';
import { ConfigError, loadConfig, pdfConcurrency, type Config } from '../../config.ts';
import { createApp, type Lifecycle } from '../../http/app.ts';
import type { DeadlineServices } from '../../http/env.ts';
import { sqlStore } from '../../storage/sql-store.ts';
import { sqlWorkbenchStore } from '../../storage/sql-workbench-store.ts';
import { sqlReminderStore } from '../../storage/sql-reminder-store.ts';
import { sqlFeedStore, sqlReceiverStore } from '../../storage/sql-receiver-store.ts';
import { sqlIdempotencyStore, sqlRateLimitStore } from '../../storage/sql-abuse-stores.ts';
import { syncEnvironmentAdminKey } from '../../usecases/keys.ts';
import type { ScheduledJobDeps } from '../../usecases/scheduled-job.ts';
import { sqlRetentionStore } from '../../storage/sql-retention-store.ts';
import { scheduledJobDeps } from '../scheduled-job-deps.ts';
import type { RenderServices } from '../../usecases/services.ts';
import { parseNetworks, type UrlPolicy } from '../../usecases/webhook-url-policy.ts';
import type { WorkerEnv } from './bindings.ts';
import { bundledSampleSource, bundledTemplateVersions, bundledUiAssets } from './bundled-assets.ts';
import { d1SqlDatabase } from './d1-sql-database.ts';
import { createFetchWebhookSender } from './fetch-webhook-sender.ts';
import { createR2TemplateRepository, type WorkersTemplateRepository } from './r2-template-repository.ts';
import { interpretTemplate } from '../../templates/hbs-interpreter.ts';
import { createBrowserRenderingPrinter } from './browser-rendering-printer.ts';
import { durableRateLimitStore } from './rate-limiter-object.ts';
import { assetsSliceSource } from './assets-slice-source.ts';
import { sliceFontReport, type FontSliceSource } from '../../render/font-embed.ts';
import type { FontReport } from '../../render/fonts.ts';
import { NODE_DEFLATER } from '../node/node-deflater.ts';
import { templateEngines } from '../../render/render-engines.ts';
import { createWork } from '../../usecases/inline-work.ts';

export interface WorkersApp {
  app: ReturnType<typeof createApp>;
  config: Config;
  templates: WorkersTemplateRepository;
  /** What the Cron Trigger runs: the reminders and the retention. */
  jobs: ScheduledJobDeps;
}

/**
 * An isolate has 128 MB. The heaviest requests these bounds admit (a 1 MiB filing input, a package of sixteen
 * documents, a 10 MiB template upload) peak at 86–98 MB of heap (npm run bench:workers), so a larger setting of
 * MAX_BODY_BYTES or TEMPLATE_MAX_BYTES is held to them here.
 */
const WORKERS_MAX_BODY_BYTES = 1024 * 1024;
const WORKERS_MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

/** Below D1's 2,000,000-byte row limit with room for the encryption's overhead and the row's other columns. */
const D1_MAX_STORED_RESPONSE = 1_500_000;
const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (data: string | Uint8Array) => hex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : (data as Uint8Array<ArrayBuffer>)));

/** The Worker's plain-text variables and secrets (bindings are objects and are left out). */
function variables(env: WorkerEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function urlPolicy(config: Config): UrlPolicy {
  let allowedNetworks: UrlPolicy['allowedNetworks'];
  try {
    allowedNetworks = parseNetworks(config.WEBHOOK_ALLOWED_NETWORKS);
  } catch (e) {
    throw new ConfigError(`WEBHOOK_ALLOWED_NETWORKS: ${(e as Error).message}`);
  }
  // A Worker has no port of its own; its public origin is the only "self".
  return { allowedNetworks, selfOrigins: config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [], selfPort: null };
}

/**
 * Browser Rendering behind the PdfPrinter port; an isolate has no cores of its own to size the tabs by, so 2 unless set.
 * Every document carries the slices of the stand-in fonts it needs: the remote browser has no CJK fonts.
 */
function browserPrinter(config: Config, binding: BrowserWorker, fonts: FontSliceSource) {
  return createBrowserRenderingPrinter({
    fonts,
    launch: () => puppeteer.launch(binding, { keep_alive: 60_000 }),
    concurrency: pdfConcurrency(config, 2),
    queueLimit: config.PDF_QUEUE_LIMIT,
    timeoutMs: config.PDF_TIMEOUT_MS,
    maxPages: config.PDF_MAX_PAGES,
    maxBytes: config.PDF_MAX_BYTES,
    tagged: config.PDF_TAGGED,
  });
}

/** What the PDFs' glyph check and metadata read: the slices' roles and coverage (none when the manifest is unreadable). */
async function slicesReport(fonts: FontSliceSource, log: (e: Record<string, unknown>) => void): Promise<FontReport | undefined> {
  try {
    return sliceFontReport(await fonts.manifest());
  } catch (e) {
    log({ level: 'warn', msg: 'the embedded fonts cannot be read', err: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}

/** Whether PDFs can be printed: the Browser Rendering binding, and the embedded fonts' manifest readable through ASSETS. */
async function browserReadiness(env: WorkerEnv, fonts: FontSliceSource | undefined): Promise<{ ok: boolean; detail?: string }> {
  if (!fonts) return { ok: true, detail: 'no ASSETS binding (the embedded fonts): PDF is not served' };
  let faces: string;
  try {
    const manifest = await fonts.manifest();
    faces = `embedded fonts: ${manifest.faces.length} faces, ${manifest.faces.reduce((n, f) => n + f.slices.length, 0)} slices`;
  } catch (e) {
    return { ok: false, detail: `the embedded fonts cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return env.BROWSER ? { ok: true, detail: faces } : { ok: true, detail: `no Browser Rendering binding: PDF is not served; ${faces}` };
}

export async function composeWorkersApp(env: WorkerEnv, log: (e: Record<string, unknown>) => void = () => {}): Promise<WorkersApp> {
  const config = loadConfig(variables(env));
  const sql = d1SqlDatabase(env.DB);
  const store = sqlStore(sql);
  await syncEnvironmentAdminKey(store, config.ADMIN_API_KEY, new Date().toISOString());
  const templates = await createR2TemplateRepository({ db: sql, files: env.FILES, bundled: bundledTemplateVersions(), interpret: interpretTemplate, sha256, now: () => new Date(), log });
  // node:zlib (nodejs_compat) compresses as Node does, so a DOCX has the same bytes on both runtimes.
  const work = createWork({ engines: templateEngines(templates, NODE_DEFLATER), deflater: NODE_DEFLATER, sha256 });
  // Up to 24 MiB of base64 slices stay in the isolate (all of them are 27 MB): the most used ones, within its 128 MB.
  const fonts = env.ASSETS ? assetsSliceSource(env.ASSETS, 24 << 20) : undefined;
  const printing = env.BROWSER && fonts ? { pdf: browserPrinter(config, env.BROWSER, fonts), fonts: await slicesReport(fonts, log) } : {};
  const render: RenderServices = { templates, sha256, work, ...printing };
  const lifecycle: Lifecycle = { draining: false, inFlight: 0 };
  const deadlines: DeadlineServices = {
    reminders: sqlReminderStore(sql),
    receivers: sqlReceiverStore(sql),
    feeds: sqlFeedStore(sql),
    policy: urlPolicy(config),
    rotationOverlapMs: config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    dueSoonDays: config.DEADLINE_DUE_SOON_DAYS,
    publicUrl: config.PUBLIC_URL ?? null,
    offsetsDays: config.REMINDER_OFFSETS_DAYS,
  };
  const app = createApp({
    render,
    store,
    samples: bundledSampleSource(),
    now: () => new Date(),
    log,
    readiness: {
      browser: () => browserReadiness(env, fonts),
      queue: () => ({ active: 0, queued: 0, limit: config.PDF_QUEUE_LIMIT }),
    },
    lifecycle,
    templates,
    maxUploadBytes: Math.min(config.TEMPLATE_MAX_BYTES, WORKERS_MAX_TEMPLATE_BYTES),
    limits: { maxBytes: Math.min(config.MAX_BODY_BYTES, WORKERS_MAX_BODY_BYTES) },
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    // One Durable Object per bucket when bound: D1's single writer is not on every request's path then.
    rateLimits: env.RATE_LIMITER ? durableRateLimitStore(env.RATE_LIMITER) : sqlRateLimitStore(sql),
    idempotency: sqlIdempotencyStore(sql),
    // Cloudflare sets the connecting client's address; a client cannot forge it.
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? undefined,
    authBackoff: { failures: config.AUTH_FAILURE_LIMIT, windowMs: config.AUTH_FAILURE_WINDOW_SECONDS * 1000, blockMs: config.AUTH_BLOCK_SECONDS * 1000, maxBlockMs: config.AUTH_BLOCK_MAX_SECONDS * 1000 },
    idempotencyTtlMs: config.IDEMPOTENCY_TTL_SECONDS * 1000,
    // A D1 row holds at most 2 MB: a larger stored answer would fail its write, so it is not kept (409 on replay).
    idempotencyMaxResponseBytes: Math.min(config.IDEMPOTENCY_MAX_RESPONSE_BYTES, D1_MAX_STORED_RESPONSE),
    workbench: sqlWorkbenchStore(sql),
    uiAssets: bundledUiAssets(),
    deadlines,
  });
  // A Cron Trigger invocation has a CPU and wall-time budget: fewer deliveries per run than on Node.
  const jobs = scheduledJobDeps(config, deadlines, sqlRetentionStore(sql), { sender: createFetchWebhookSender(deadlines.policy), instance: `worker:${crypto.randomUUID().slice(0, 8)}`, log, maxDeliveriesPerRun: 50 });
  return { app, config, templates, jobs };
}
