// The capabilities the core needs from a runtime, as interfaces; adapters live under src/runtime and src/templates.
import type { FilingId } from './filings/filing.ts';

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
  /** Called for every request the browser refuses while printing this document. */
  onBlocked?: (r: BlockedRequest) => void;
}

export interface PdfPrinter {
  print(html: string, opts: PdfOptions): Promise<Uint8Array>;
  /** Takes a place now, or throws queue_full when every tab is busy and the queue is full. */
  admit?(): PdfTicket;
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
