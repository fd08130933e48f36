// Node wiring of the render services: templates from disk, PDF through the system Chromium.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { pdfConcurrency, type Config } from '../../config.ts';
import type { RenderServices } from '../../usecases/services.ts';
import type { TemplateStore } from '../../core/ports.ts';
import { createFsTemplateStore } from './fs-template-store.ts';
import { PuppeteerPdfPrinter } from './puppeteer-pdf-printer.ts';

export interface NodeRenderServices extends RenderServices {
  pdf: PuppeteerPdfPrinter;
  close(): Promise<void>;
}

/** Render services; the templates default to the versions on disk (the service passes its database-backed repository). */
export async function createNodeRenderServices(config: Config, store?: TemplateStore): Promise<NodeRenderServices> {
  const templates = store ?? (await createFsTemplateStore({ root: config.TEMPLATES_DIR, bundlePath: config.TEMPLATE_BUNDLE }));
  const pdf = new PuppeteerPdfPrinter({
    executablePath: config.CHROMIUM_PATH,
    concurrency: pdfConcurrency(config, availableParallelism()),
    queueLimit: config.PDF_QUEUE_LIMIT,
    timeoutMs: config.PDF_TIMEOUT_MS,
    restartAfter: config.PDF_RESTART_AFTER,
    maxPages: config.PDF_MAX_PAGES,
    maxBytes: config.PDF_MAX_BYTES,
    tagged: config.PDF_TAGGED,
  });
  const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
  return { templates, pdf, sha256, close: () => pdf.close() };
}
