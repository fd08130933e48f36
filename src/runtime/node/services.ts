// Node wiring of the render services: templates from disk or the repository, CPU work in a pool of worker threads,
// PDF through the system Chromium, finished documents in a bounded cache.
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, pdfConcurrency, type Config } from '../../config.ts';
import type { TemplateStore } from '../../core/ports.ts';
import { RenderCache } from '../../usecases/render-cache.ts';
import type { RenderServices } from '../../usecases/services.ts';
import type { Work } from '../../usecases/work.ts';
import { createFsTemplateStore } from './fs-template-store.ts';
import { createPoolWork, type PoolWork } from './pool-work.ts';
import { PuppeteerPdfPrinter } from './puppeteer-pdf-printer.ts';
import { createFontReport, writeFontConfig } from './fonts.ts';
import { fileSliceSource } from './font-slices.ts';
import type { FontReport } from '../../render/fonts.ts';
import { sliceFontReport } from '../../render/font-embed.ts';
import { nodeSha256 as sha256 } from './node-sha256.ts';

export interface NodeRenderServices extends RenderServices {
  pdf: PuppeteerPdfPrinter;
  work: Work;
  /** The worker pool, unless the work runs inline. */
  pool?: PoolWork;
  fonts: FontReport;
  close(): Promise<void>;
}


async function inlineWork(templates: TemplateStore): Promise<Work> {
  const [{ createWork }, { templateEngines }, { NODE_DEFLATER }] = await Promise.all([import('../../usecases/inline-work.ts'), import('../../render/render-engines.ts'), import('./node-deflater.ts')]);
  return createWork({ engines: templateEngines(templates, NODE_DEFLATER), deflater: NODE_DEFLATER, sha256 });
}

/**
 * Render services; the templates default to the versions on disk (the service passes its database-backed repository).
 * `inline` runs the CPU work in this thread (one-shot command-line renders, where starting workers costs more).
 */
export async function createNodeRenderServices(config: Config, store?: TemplateStore, opts: { inline?: boolean; log?: (e: Record<string, unknown>) => void } = {}): Promise<NodeRenderServices> {
  const templates = store ?? (await createFsTemplateStore({ root: config.TEMPLATES_DIR, bundlePath: config.TEMPLATE_BUNDLE }));
  // The browser sees the system fonts, the project's stand-ins (.fonts/) and FONT_DIR; one file per process.
  const fontSetup = writeFontConfig({ dir: join(tmpdir(), `filing-fonts-${process.pid}`), fontDir: config.FONT_DIR });
  // With embedded fonts, what prints is the slices: the glyph check and the PDF's Fonts metadata read them instead.
  const slices = config.PDF_EMBED_FONTS ? fileSliceSource() : undefined;
  const unreadable = (e: unknown): never => {
    throw new ConfigError(`PDF_EMBED_FONTS: the font slices cannot be read (npm run setup makes them): ${(e as Error).message}`);
  };
  const fonts = slices ? sliceFontReport(await slices.manifest().catch(unreadable)) : createFontReport(fontSetup);
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
    ...(slices ? { fonts: slices } : {}),
  });
  const pool = opts.inline
    ? undefined
    : createPoolWork(templates, {
        workers: config.RENDER_WORKERS,
        queueLimit: config.RENDER_QUEUE_LIMIT,
        timeoutMs: config.RENDER_TIMEOUT_MS,
        memoryMb: config.RENDER_WORKER_MEMORY_MB,
        bundlePath: config.TEMPLATE_BUNDLE,
        ...(opts.log ? { log: opts.log } : {}),
      });
  // The engines are loaded only where they run: in the workers, or here when the work is inline.
  const work = pool ?? (await inlineWork(templates));
  const cache = config.RENDER_CACHE_MAX_BYTES > 0 ? new RenderCache(config.RENDER_CACHE_MAX_BYTES) : undefined;
  return {
    templates,
    pdf,
    fonts,
    sha256,
    work,
    ...(pool ? { pool } : {}),
    ...(cache ? { cache } : {}),
    async close() {
      await Promise.all([pdf.close(), pool?.close()]);
    },
  };
}
