// Where ports meet their Node adapters: config in, app and closable services out.
import { loadConfig, type Config } from '../../config.ts';
import type { SampleSource, TemplateRepository, WorkbenchStore } from '../../core/ports.ts';
import { createApp, type Lifecycle } from '../../http/app.ts';
import { syncEnvironmentAdminKey } from '../../usecases/keys.ts';
import { useSha256 } from '../../core/canonical.ts';
import { nodeSha256 } from './node-sha256.ts';
import { createNodeRenderServices } from './services.ts';
import { SqliteStore } from './sqlite-store.ts';
import { createSqliteTemplateRepository } from './template-repository.ts';
import { createBrowserReadiness, createFsSampleSource, createSwaggerAssets, loadUiAssets, nodeClientAddress } from './node-adapters.ts';
import type { RenderCache } from '../../usecases/render-cache.ts';
import { createSqliteAbuseStores } from './sqlite-abuse-stores.ts';
import { sqlWorkbenchStore } from '../../storage/sql-workbench-store.ts';
import { sqlReminderStore } from '../../storage/sql-reminder-store.ts';
import { sqlFeedStore, sqlReceiverStore } from '../../storage/sql-receiver-store.ts';
import type { ReminderDeps } from '../../usecases/reminders.ts';
import type { ScheduledJobDeps } from '../../usecases/scheduled-job.ts';
import { sqlRetentionStore } from '../../storage/sql-retention-store.ts';
import { scheduledJobDeps } from '../scheduled-job-deps.ts';
import { checkSchedule, deadlineServices, nodeJobRuntime, urlPolicy } from './reminder-cron.ts';

/** The repository, with the render cache of a filing emptied whenever one of its versions is published or retired. */
function invalidating(repo: TemplateRepository, cache: RenderCache): TemplateRepository {
  return Object.assign(Object.create(repo) as TemplateRepository, {
    publish: async (...args: Parameters<TemplateRepository['publish']>) => {
      const v = await repo.publish(...args);
      cache.invalidate(args[0]);
      return v;
    },
    retire: async (...args: Parameters<TemplateRepository['retire']>) => {
      const v = await repo.retire(...args);
      cache.invalidate(args[0]);
      return v;
    },
  });
}

export interface NodeApp {
  app: ReturnType<typeof createApp>;
  config: Config;
  lifecycle: Lifecycle;
  store: SqliteStore;
  close(): Promise<void>;
  services: Awaited<ReturnType<typeof createNodeRenderServices>>;
  /** What the scheduled job runs with (main.ts schedules it): the reminders and the retention. */
  jobs: ScheduledJobDeps;
  reminders: ReminderDeps;
  workbench: WorkbenchStore;
  samples: SampleSource;
}

export async function composeNodeApp(env: Record<string, string | undefined>, log: (e: Record<string, unknown>) => void = () => {}): Promise<NodeApp> {
  const config = loadConfig(env);
  useSha256(nodeSha256);
  // A bad schedule or network list is refused before anything is opened.
  checkSchedule(config.REMINDER_CRON);
  urlPolicy(config);
  const store = new SqliteStore(config.DATABASE_PATH, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS, checkpointIntervalMs: config.DB_CHECKPOINT_INTERVAL_MS, log });
  // The environment's admin key is a real key row, so its renders are audited like any other key's.
  await syncEnvironmentAdminKey(store, config.ADMIN_API_KEY, new Date().toISOString());
  const repository = await createSqliteTemplateRepository({ store, blobDir: config.TEMPLATE_STORE_DIR, gitRoot: config.TEMPLATES_DIR, bundlePath: config.TEMPLATE_BUNDLE, log });
  const services = await createNodeRenderServices(config, repository, { log });
  const templates = services.cache ? invalidating(repository, services.cache) : repository;
  const lifecycle: Lifecycle = { draining: false, inFlight: 0 };
  const abuse = createSqliteAbuseStores(store, config.DATABASE_PATH);
  const sql = store.sql;
  const deadlines = deadlineServices(config, { reminders: sqlReminderStore(sql), receivers: sqlReceiverStore(sql), feeds: sqlFeedStore(sql) });
  const workbench = sqlWorkbenchStore(sql);
  const samples = createFsSampleSource();
  const app = createApp({
    render: services,
    store,
    samples,
    now: () => new Date(),
    log,
    readiness: createBrowserReadiness(services.pdf, config.PDF_QUEUE_LIMIT, services.fonts),
    lifecycle,
    templates,
    maxUploadBytes: config.TEMPLATE_MAX_BYTES,
    docsAssets: createSwaggerAssets(),
    limits: { maxBytes: config.MAX_BODY_BYTES },
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateLimits: abuse.rateLimits,
    idempotency: abuse.idempotency,
    clientAddress: nodeClientAddress(config.CLIENT_ADDRESS_HEADER),
    authBackoff: { failures: config.AUTH_FAILURE_LIMIT, windowMs: config.AUTH_FAILURE_WINDOW_SECONDS * 1000, blockMs: config.AUTH_BLOCK_SECONDS * 1000, maxBlockMs: config.AUTH_BLOCK_MAX_SECONDS * 1000 },
    idempotencyTtlMs: config.IDEMPOTENCY_TTL_SECONDS * 1000,
    idempotencyMaxResponseBytes: config.IDEMPOTENCY_MAX_RESPONSE_BYTES,
    workbench,
    uiAssets: await loadUiAssets(),
    deadlines,
  });
  const jobs = scheduledJobDeps(config, deadlines, sqlRetentionStore(sql), nodeJobRuntime(deadlines, log));
  return {
    app,
    config,
    lifecycle,
    store,
    services,
    jobs,
    reminders: jobs.reminders,
    workbench,
    samples,
    async close() {
      await services.close();
      abuse.close();
      await store.close();
    },
  };
}
