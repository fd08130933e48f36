// The parts of the Workers bindings this service uses (D1, R2, Browser Rendering, static assets), typed structurally so the Workers
// code type-checks beside Node's globals without pulling the whole workers-types declaration set into the project.

export interface D1Result<T> {
  results: T[];
  meta: { changes: number };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T>(): Promise<T | null>;
  all<T>(): Promise<D1Result<T>>;
  run(): Promise<D1Result<unknown>>;
}

export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<Array<D1Result<unknown>>>;
}

export interface R2Object {
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export interface R2Bucket {
  get(key: string): Promise<R2Object | null>;
  head(key: string): Promise<unknown>;
  put(key: string, value: ArrayBuffer | Uint8Array | string, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  props: unknown;
}

export interface ScheduledController {
  scheduledTime: number;
  cron: string;
}

/** The static assets binding ([assets] in wrangler.toml): the embedded fonts' slices. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** The Worker's env: bindings by name (wrangler.toml) and plain-text variables or secrets (the service's config). */
export interface WorkerEnv {
  DB: D1Database;
  FILES: R2Bucket;
  /** The Browser Rendering binding (PDF); absent in a set-up without it, where PDF answers renderer_unavailable. */
  BROWSER?: { fetch: typeof fetch };
  /** The embedded fonts' slices; PDF needs them (the remote browser has no CJK fonts), so without them PDF is not served. */
  ASSETS?: AssetsBinding;
  [variable: string]: unknown;
}
