// Where ports meet their Node adapters: config in, app and closable services out.
import { loadConfig, type Config } from '../../config.ts';
import { createApp, type Lifecycle } from '../../http/app.ts';
import { syncEnvironmentAdminKey } from '../../usecases/keys.ts';
import { createNodeRenderServices } from './services.ts';
import { SqliteStore } from './sqlite-store.ts';
import { createSqliteTemplateRepository } from './template-repository.ts';
import { createBrowserReadiness, createFsSampleSource, createSwaggerAssets } from './node-adapters.ts';
import type { TemplateRepository } from '../../core/ports.ts';
import type { RenderCache } from '../../usecases/render-cache.ts';

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
}

export async function composeNodeApp(env: Record<string, string | undefined>, log: (e: Record<string, unknown>) => void = () => {}): Promise<NodeApp> {
  const config = loadConfig(env);
  const store = new SqliteStore(config.DATABASE_PATH, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS, checkpointIntervalMs: config.DB_CHECKPOINT_INTERVAL_MS, log });
  // The environment's admin key is a real key row, so its renders are audited like any other key's.
  await syncEnvironmentAdminKey(store, config.ADMIN_API_KEY, new Date().toISOString());
  const repository = await createSqliteTemplateRepository({ store, blobDir: config.TEMPLATE_STORE_DIR, gitRoot: config.TEMPLATES_DIR, bundlePath: config.TEMPLATE_BUNDLE, log });
  const services = await createNodeRenderServices(config, repository, { log });
  const templates = services.cache ? invalidating(repository, services.cache) : repository;
  const lifecycle: Lifecycle = { draining: false, inFlight: 0 };
  const app = createApp({
    render: services,
    store,
    samples: createFsSampleSource(),
    now: () => new Date(),
    log,
    readiness: createBrowserReadiness(services.pdf, config.PDF_QUEUE_LIMIT),
    lifecycle,
    templates,
    maxUploadBytes: config.TEMPLATE_MAX_BYTES,
    docsAssets: createSwaggerAssets(),
    limits: { maxBytes: config.MAX_BODY_BYTES },
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
  return {
    app,
    config,
    lifecycle,
    store,
    services,
    async close() {
      await services.close();
      await store.close();
    },
  };
}
