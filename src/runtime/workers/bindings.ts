// The parts of the Workers bindings this service uses (D1, R2, Browser Rendering, Durable Objects, static assets), typed
// structurally so the Workers code type-checks beside Node's globals without pulling the whole workers-types set in.

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

/** The part of a Durable Object namespace binding the rate limiter uses: an object by name, and its fetch. */
export interface DurableObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** A Durable Object's own SQLite database (SQLite-backed classes): statements run synchronously, one at a time. */
export interface DurableObjectSql {
  exec<T = Record<string, unknown>>(query: string, ...bindings: unknown[]): { toArray(): T[]; readonly rowsWritten: number };
}

/** What a Durable Object is constructed with: its storage (SQL, the alarm, and deleting everything). */
export interface DurableObjectState {
  storage: {
    sql: DurableObjectSql;
    setAlarm(scheduledTime: number): Promise<void>;
    deleteAll(): Promise<void>;
  };
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
  /** The rate limiter's Durable Objects (one per bucket); absent, the counters are rows in D1. */
  RATE_LIMITER?: DurableObjectNamespace;
  /** The embedded fonts' slices; PDF needs them (the remote browser has no CJK fonts), so without them PDF is not served. */
  ASSETS?: AssetsBinding;
  [variable: string]: unknown;
}
