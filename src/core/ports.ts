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
}

/** A compiled HTML template: view in, HTML out. */
export type HtmlTemplateFn = (view: unknown) => string;

export interface TemplateStore {
  versions(filingId: FilingId): TemplateVersion[];
  docx(filingId: FilingId, version: string): Promise<Uint8Array>;
  html(filingId: FilingId, version: string): Promise<HtmlTemplateFn>;
  /** The Handlebars source of the HTML template (what a worker compiles when no precompiled form matches). */
  htmlSource(filingId: FilingId, version: string): Promise<string>;
}

/** A request the browser refused while printing (the document tried to reach outside itself). */
export interface BlockedRequest {
  url: string;
  /** Resource type as the browser names it: image, stylesheet, font, document, … */
  type: string;
}

/** A place in the printer (a tab or the queue) taken when a request arrives, before any work; released once. */
export interface PdfTicket {
  release(): void;
}

export interface PdfOptions {
  /** Document title for the PDF metadata. */
  title: string;
  /** Abort the render when this fires (request cancelled or budget spent). */
  signal?: AbortSignal;
  /** The place taken with admit(); without one, print takes (or is refused) its own. */
  ticket?: PdfTicket;
  /**
   * The document this print belongs to (any object, the same for all its prints): with a ticket, a printer may keep
   * the document's tab between its prints and give it up when the ticket is released or another document comes.
   */
  document?: object;
  /** Called for every request the browser refuses while printing this document. */
  onBlocked?: (r: BlockedRequest) => void;
}

export interface PdfPrinter {
  print(html: string, opts: PdfOptions): Promise<Uint8Array>;
  /** Takes a place now, or throws queue_full when every tab is busy and the queue is full. */
  admit?(): PdfTicket;
  /** The document's prints are over: a tab the ticket held for them is given up now, not when the ticket is released. */
  endDocument?(ticket: PdfTicket): Promise<void>;
  /** True when admit() would refuse now: lets callers refuse before any work. */
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
  /** The organisation whose projects the key's holder works on (`default` for keys made without one). */
  org: string;
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
  /** Requests Chromium refused while printing (shortened URLs); a non-empty list flags a template that tried to fetch. */
  blockedRequests: string[];
  /** Served from the render cache (the same input and template version rendered before). */
  cacheHit: boolean;
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

/** A project of an organisation: the facts its filings share and its milestones, stored as entered (valid or not). */
export interface ProjectRecord {
  id: string;
  org: string;
  /** For lists: the project name as entered, or the name given at creation. */
  title: string;
  data: { project?: unknown; milestones?: unknown };
  /** Counts saves; a save names the revision it was based on, so a stale one is refused. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export type DraftStatus = 'open' | 'final';

/** A filing of a project in the making: its input without the project block, and a revision counter. */
export interface DraftRecord {
  id: string;
  projectId: string;
  filingId: string;
  title: string;
  data: unknown;
  revision: number;
  status: DraftStatus;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export type RevisionKind = 'create' | 'save' | 'autosave' | 'import' | 'restore' | 'conflict';

/** One entry of a draft's history. A refused stale save is kept too (`conflict`, revision null). */
export interface DraftRevision {
  seq: number;
  draftId: string;
  revision: number | null;
  basedOn: number | null;
  kind: RevisionKind;
  data: unknown;
  savedAt: string;
  savedBy: string | null;
}

/** A draft generated as final: the merged input and the template version exactly as used, and what was produced. */
export interface FinalRecord {
  id: string;
  draftId: string;
  projectId: string;
  filingId: string;
  revision: number;
  locale: string;
  input: unknown;
  inputSha256: string;
  templateVersion: string;
  documents: Array<{ format: string; outputSha256: string; bytes: number }>;
  generatedAt: string;
  keyId: string | null;
}

/** A signed-in browser: only the SHA-256 of the cookie's value is stored. */
export interface SessionRecord {
  idSha256: string;
  keyId: string;
  /** Sent back by the pages with every state-changing request. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export type SaveOutcome = { ok: true; draft: DraftRecord } | { ok: false; current: DraftRecord; conflictSeq: number };

/** Projects, drafts with their history, finals and sessions. */
export interface WorkbenchStore {
  insertProject(p: ProjectRecord): Promise<void>;
  getProject(id: string): Promise<ProjectRecord | undefined>;
  /** Newest first; `org` null lists every organisation's. */
  listProjects(org: string | null): Promise<ProjectRecord[]>;
  /** Saves when the project is still at `baseRevision`; otherwise answers the current record. */
  updateProject(id: string, baseRevision: number, change: { data: ProjectRecord['data']; title: string; at: string; by: string | null }): Promise<{ ok: boolean; project: ProjectRecord | undefined }>;
  insertDraft(d: DraftRecord): Promise<void>;
  getDraft(id: string): Promise<DraftRecord | undefined>;
  listDrafts(projectId: string): Promise<DraftRecord[]>;
  /**
   * Saves when the draft is still at `baseRevision` (one atomic step); a stale save is kept in the history as a
   * conflict. An autosave right after another autosave of the same person replaces that history entry.
   */
  saveDraft(id: string, baseRevision: number, save: { data: unknown; kind: Exclude<RevisionKind, 'create' | 'conflict'>; at: string; by: string | null; coalesceAfter?: string }): Promise<SaveOutcome>;
  setDraftStatus(id: string, status: DraftStatus, at: string): Promise<void>;
  listRevisions(draftId: string): Promise<DraftRevision[]>;
  getRevision(draftId: string, seq: number): Promise<DraftRevision | undefined>;
  insertFinal(f: FinalRecord): Promise<void>;
  listFinals(draftId: string): Promise<FinalRecord[]>;
  insertSession(s: SessionRecord): Promise<void>;
  findSession(idSha256: string): Promise<SessionRecord | undefined>;
  deleteSession(idSha256: string): Promise<void>;
  purgeSessions(now: string): Promise<void>;
}
