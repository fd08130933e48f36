// What the use cases need from the outside: template store, PDF printer, hashing, where the CPU work runs, and the
// render cache.
import type { PdfPrinter, TemplateStore } from '../core/ports.ts';
import type { RenderCache } from './render-cache.ts';
import type { Work } from './work.ts';
import type { FontReport } from '../render/fonts.ts';

export interface RenderServices {
  templates: TemplateStore;
  /** Needed for PDF only. */
  pdf?: PdfPrinter;
  /** The fonts PDFs are printed with: roles resolved, characters covered (PDF only; without it nothing is checked). */
  fonts?: FontReport;
  /** Hex SHA-256; defaults to Web Crypto (async, off-thread). Node passes its synchronous hash, which is faster here. */
  sha256?: (data: string | Uint8Array) => string | Promise<string>;
  /** Validation, the render step, ZIPs and the template lint: inline by default, a worker pool on Node. */
  work?: Work;
  /** Finished documents by content; renders are not cached without it. */
  cache?: RenderCache;
}
