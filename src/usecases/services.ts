// What the use cases need from the outside: template store, PDF printer, hashing, and where the render step runs.
import type { PdfPrinter, TemplateStore } from '../core/ports.ts';
import { renderDocument, type RenderJob, type RenderedDocument } from '../render/render-document.ts';
import type { FontReport } from '../render/fonts.ts';

export interface RenderServices {
  templates: TemplateStore;
  /** Needed for PDF only. */
  pdf?: PdfPrinter;
  /** The fonts PDFs are printed with: roles resolved, characters covered (PDF only; without it nothing is checked). */
  fonts?: FontReport;
  /** Hex SHA-256; defaults to Web Crypto (async, off-thread). Node passes its synchronous hash, which is faster here. */
  sha256?: (data: string | Uint8Array) => string | Promise<string>;
  /**
   * Runs the CPU-heavy step of a render (view → engine → output check) on plain data. In-process by default;
   * a worker pool can stand behind it without the use cases changing.
   */
  renderDocument?: (job: RenderJob) => Promise<RenderedDocument>;
}

export function runRenderJob(services: RenderServices, job: RenderJob): Promise<RenderedDocument> {
  return services.renderDocument ? services.renderDocument(job) : renderDocument(services.templates, job);
}
