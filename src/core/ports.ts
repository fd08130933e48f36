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
  close(): Promise<void>;
}
