// The capabilities the core needs from a runtime, as interfaces; adapters live under src/runtime and src/templates.
import type { FilingId } from './filings/registry.ts';

export interface TemplateVersion {
  filingId: FilingId;
  version: string;
  /** ISO date from which filings dated on or after it use this version. */
  effectiveFrom: string;
  effectiveUntil?: string;
  status: 'draft' | 'published' | 'retired';
  regulationBasis: string[];
  sha256: { docx: string; html: string };
  /** Where the version came from: the repository's templates/ folder, or an upload. */
  source?: 'git' | 'upload';
  createdAt?: string;
  publishedAt?: string | null;
  retiredAt?: string | null;
}

export class TemplateVersionConflict extends Error {}

/** Template versions that can be added and moved through draft → published → retired. */
export interface TemplateRepository extends TemplateStore {
  get(filingId: FilingId, version: string): TemplateVersion | undefined;
  /** Adds a draft; throws TemplateVersionConflict when the version exists. Files are stored before the row. */
  createDraft(v: { filingId: FilingId; version: string; effectiveFrom: string; effectiveUntil?: string; regulationBasis: string[]; docx: Uint8Array; html: string; now: string }): Promise<TemplateVersion>;
  /** draft → published (dates may be set now); throws TemplateVersionConflict from any other status. */
  publish(filingId: FilingId, version: string, opts: { effectiveFrom?: string; effectiveUntil?: string; now: string }): Promise<TemplateVersion>;
  /** published → retired; throws TemplateVersionConflict from any other status. */
  retire(filingId: FilingId, version: string, now: string): Promise<TemplateVersion>;
  htmlSource(filingId: FilingId, version: string): Promise<string>;
}

/** A compiled HTML template: view in, HTML out. */
export type HtmlTemplateFn = (view: unknown) => string;

export interface TemplateStore {
  versions(filingId: FilingId): TemplateVersion[];
  docx(filingId: FilingId, version: string): Promise<Uint8Array>;
  html(filingId: FilingId, version: string): Promise<HtmlTemplateFn>;
}

export interface PdfOptions {
  /** Document title for the PDF metadata. */
  title: string;
  /** Abort the render when this fires (request cancelled or budget spent). */
  signal?: AbortSignal;
}

export interface PdfPrinter {
  print(html: string, opts: PdfOptions): Promise<Uint8Array>;
  /** True when a print now would be refused (every tab busy and the queue full): lets callers refuse before any work. */
  saturated?(): boolean;
  close(): Promise<void>;
}

export const ROLES = ['renderer', 'staff', 'maintainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** Hex SHA-256 of the secret part; the secret itself is never stored. */
  secretSha256: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface GenerationRecord {
  id: string;
  at: string;
  keyId: string | null;
  filingId: string;
  format: string;
  locale: string;
  templateVersion: string | null;
  inputSha256: string | null;
  outputSha256: string | null;
  bytes: number | null;
  ms: number;
  /** `ok`, or the error code that ended the render. */
  outcome: string;
  /** Compliance findings of the input as `ruleId:severity`, warnings included. */
  findings: string[];
  draft: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next (older) page, or null at the end. */
  next: string | null;
}

/** Durable state: API keys and the generation audit log. */
export interface Store {
  insertKey(k: ApiKeyRecord): Promise<void>;
  findKey(id: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  revokeKey(id: string, at: string): Promise<boolean>;
  recordGeneration(g: GenerationRecord): Promise<void>;
  listGenerations(opts: { limit: number; before?: string }): Promise<Page<GenerationRecord>>;
  /** Throws unless the database accepts a write transaction now. */
  checkWritable(): Promise<void>;
  close(): Promise<void>;
}

/** Sample inputs shipped with the service, so integrators can start from a working body. */
export interface SampleSource {
  list(filingId: string): string[];
  get(filingId: string, name: string): unknown | undefined;
}

/** One fixed window of a counter: the hits counted in it so far (this one included) and when it ends (epoch ms). */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/**
 * Counters behind the abuse limits, shared by every process that serves the API (SQLite on Node, D1 on Workers), so a
 * limit holds however many processes or isolates answer. Each call is one atomic statement; times are epoch ms.
 */
export interface RateLimitStore {
  /** Counts one hit in the bucket's current window; a window starts at the first hit after the previous one ended. */
  hit(bucket: string, windowMs: number, now: number): Promise<WindowCount>;
  /** Until when the bucket is blocked (epoch ms; 0 or a past time when it is not). */
  blockedUntil(bucket: string): Promise<number>;
  /**
   * Blocks the bucket and starts a fresh window after it. The block lasts baseMs × 2^(strike − 1), at most maxMs,
   * where strike counts the blocks since the bucket last went forgetMs without one.
   */
  block(bucket: string, o: { now: number; baseMs: number; maxMs: number; forgetMs: number }): Promise<{ until: number; strike: number }>;
  /** Drops the buckets nothing refers to any more. */
  purge(now: number): Promise<void>;
}

/** Which stored request an idempotency key names: the caller (API key id) and the SHA-256 of the key it sent. */
export interface IdempotencyKeyRef {
  scope: string;
  keySha256: string;
}

/**
 * What a claim on an idempotency key found: the caller may go ahead (`started`), the first request is still running,
 * the key was used for another request (`mismatch`), or the first request finished (`done`, with its stored
 * response, or null when it was too large to keep).
 */
export type IdempotencyClaim = { state: 'started' } | { state: 'running' } | { state: 'mismatch' } | { state: 'done'; response: Uint8Array | null };

/** Results of requests sent with an Idempotency-Key, kept for replay until they expire. Responses are opaque bytes. */
export interface IdempotencyStore {
  /**
   * Claims the key for a request with this fingerprint: atomic across processes. An expired record, or a running one
   * whose lease ran out (its process died) with the same fingerprint, is taken over.
   */
  claim(ref: IdempotencyKeyRef, o: { fingerprint: string; owner: string; now: number; ttlMs: number; leaseMs: number }): Promise<IdempotencyClaim>;
  /** Stores the owner's response (null: finished, but too large to keep). */
  complete(ref: IdempotencyKeyRef, owner: string, response: Uint8Array | null): Promise<void>;
  /** Forgets the owner's claim: the request changed nothing, so the same key may be sent again. */
  release(ref: IdempotencyKeyRef, owner: string): Promise<void>;
  purge(now: number): Promise<void>;
}
