// Node wiring of the render services: templates from disk, PDF through the system Chromium.
import { createHash } from 'node:crypto';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfConcurrency, type Config } from '../../config.ts';
import type { RenderServices } from '../../usecases/services.ts';
import type { TemplateStore } from '../../core/ports.ts';
import { createFsTemplateStore } from './fs-template-store.ts';
import { PuppeteerPdfPrinter } from './puppeteer-pdf-printer.ts';
import { createFontReport, writeFontConfig } from './fonts.ts';
import type { FontReport } from '../../render/fonts.ts';

export interface NodeRenderServices extends RenderServices {
  pdf: PuppeteerPdfPrinter;
  fonts: FontReport;
  close(): Promise<void>;
}

/** Render services; the templates default to the versions on disk (the service passes its database-backed repository). */
export async function createNodeRenderServices(config: Config, store?: TemplateStore): Promise<NodeRenderServices> {
  const templates = store ?? (await createFsTemplateStore({ root: config.TEMPLATES_DIR, bundlePath: config.TEMPLATE_BUNDLE }));
  // The browser sees the system fonts, the project's stand-ins (.fonts/) and FONT_DIR; one file per process.
  const fontSetup = writeFontConfig({ dir: join(tmpdir(), `filing-fonts-${process.pid}`), fontDir: config.FONT_DIR });
  const fonts = createFontReport(fontSetup);
  const pdf = new PuppeteerPdfPrinter({
    env: fontSetup.env,
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
  return { templates, pdf, fonts, sha256, close: () => pdf.close() };
}
