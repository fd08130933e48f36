// PDF on Workers: Cloudflare's Browser Rendering (a remote Chromium) through @cloudflare/puppeteer, behind the same
// PdfPrinter port and with the same rules as the Node printer: scripts off, nothing fetched but the document and
// data: URLs, a time budget, page and size limits, and a bounded queue that refuses at once when full (503 with
// Retry-After). Each document carries its fonts (the slices it needs, inlined). One browser session per isolate, reused while it stays connected; a tab per document.
import type { Browser, Page } from '@cloudflare/puppeteer';
import { AppError } from '../../core/errors.ts';
import type { PdfOptions, PdfPrinter } from '../../core/ports.ts';
import { inlineFonts, type FontSliceSource } from '../../render/font-embed.ts';

export interface BrowserRenderingOptions {
  /** Opens a browser session (puppeteer.launch on the BROWSER binding; a test passes its own endpoint). */
  launch: () => Promise<Browser>;
  /** Tabs printing at once in this isolate (Browser Rendering also limits sessions per account). */
  concurrency: number;
  queueLimit: number;
  timeoutMs: number;
  maxPages: number;
  maxBytes: number;
  tagged?: boolean;
  /** The slices of the fonts each document carries (the remote browser has no CJK fonts of its own). */
  fonts?: FontSliceSource;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function countPdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function limitsError(pdf: Uint8Array, o: BrowserRenderingOptions): AppError | undefined {
  const pages = countPdfPages(pdf);
  if (pages > o.maxPages) return new AppError({ code: 'too_many_pages', message: { 'zh-CN': `文档超过 ${o.maxPages} 页上限。`, en: `The document exceeds the limit of ${o.maxPages} pages.` }, details: { pages, maxPages: o.maxPages } });
  if (pdf.length > o.maxBytes) return new AppError({ code: 'output_too_large', message: { 'zh-CN': '生成的 PDF 超过大小上限。', en: 'The generated PDF exceeds the size limit.' }, details: { bytes: pdf.length, maxBytes: o.maxBytes } });
  return undefined;
}

async function hardenedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    // Only the document itself (about:blank + setContent) and inline data: URLs; every other fetch is refused.
    if (url.startsWith('data:') || url === 'about:blank') void req.continue();
    else if (req.isNavigationRequest() && req.frame() === page.mainFrame()) void req.respond({ status: 204, body: '' });
    else void req.abort('blockedbyclient');
  });
  return page;
}

/** The isolate's browser session: opened on first use, opened again when it dropped, ended on close. */
function browserSession(launch: () => Promise<Browser>) {
  let browser: Promise<Browser> | undefined;
  const get = (): Promise<Browser> => {
    browser ??= launch().catch((e: unknown) => {
      browser = undefined;
      // Browser Rendering refuses new sessions past the account's limits (429): a retryable 503, as a full queue is.
      throw new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器暂不可用，请稍后重试。', en: 'The PDF renderer is not available now; retry shortly.' }, details: { retryAfterSeconds: 5 }, cause: e });
    });
    return browser.then((b) => {
      if (b.connected) return b;
      browser = undefined;
      return get();
    });
  };
  return {
    get,
    /** The current session, if one was opened (never opens one). */
    current: async () => browser?.catch(() => undefined),
    async close() {
      const b = await browser?.catch(() => undefined);
      browser = undefined;
      await b?.close().catch(() => {});
    },
  };
}

/** Tabs in use and prints waiting for one; past the queue limit a print is refused before any work. */
function tabQueue(concurrency: number, queueLimit: number) {
  let active = 0;
  const waiters: Array<() => void> = [];
  return {
    saturated: () => active >= concurrency && waiters.length >= queueLimit,
    async acquire() {
      if (active < concurrency) {
        active++;
        return;
      }
      if (waiters.length >= queueLimit) throw new AppError({ code: 'queue_full', message: { 'zh-CN': 'PDF 渲染队列已满，请稍后重试。', en: 'The PDF render queue is full; retry shortly.' }, details: { retryAfterSeconds: 2, queueLimit } });
      await new Promise<void>((resolve) => waiters.push(resolve));
    },
    release() {
      const next = waiters.shift();
      if (next) next();
      else active--;
    },
  };
}

function failure(e: unknown, budget: AbortSignal, signal: AbortSignal, o: BrowserRenderingOptions, disconnected: boolean): AppError {
  if (e instanceof AppError) return e;
  if (signal.aborted) {
    const timedOut = budget.aborted;
    return new AppError({
      code: 'render_timeout',
      message: timedOut ? { 'zh-CN': `PDF 渲染超过 ${o.timeoutMs} 毫秒时限，已取消。`, en: `The PDF render exceeded its ${o.timeoutMs} ms budget and was cancelled.` } : { 'zh-CN': 'PDF 渲染已取消。', en: 'The PDF render was cancelled.' },
      details: { timeoutMs: o.timeoutMs, cancelled: !timedOut },
      cause: e,
    });
  }
  if (disconnected) return new AppError({ code: 'renderer_crashed', message: { 'zh-CN': 'PDF 渲染器意外断开，请重试。', en: 'The PDF renderer disconnected unexpectedly; retry the request.' }, cause: e });
  return new AppError({ code: 'render_failed', message: { 'zh-CN': 'PDF 渲染失败。', en: 'The PDF render failed.' }, details: { reason: message(e) }, cause: e });
}

export function createBrowserRenderingPrinter(o: BrowserRenderingOptions): PdfPrinter {
  const session = browserSession(o.launch);
  const queue = tabQueue(o.concurrency, o.queueLimit);
  let closed = false;

  async function printOnce(html: string, opts: PdfOptions): Promise<Uint8Array> {
    const budget = AbortSignal.timeout(o.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
    let page: Page | undefined;
    let work: Promise<Uint8Array> | undefined;
    try {
      const b = await session.get();
      work = (async () => {
        page = await hardenedPage(b);
        await page.setContent(html, { waitUntil: 'load', timeout: o.timeoutMs });
        return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: o.tagged ?? false, timeout: o.timeoutMs });
      })();
      work.catch(() => {});
      const aborted = new Promise<never>((_, reject) => (signal.aborted ? reject(signal.reason) : signal.addEventListener('abort', () => reject(signal.reason), { once: true })));
      const pdf = await Promise.race([work, aborted]);
      const refused = limitsError(pdf, o);
      if (refused) throw refused;
      return pdf;
    } catch (e) {
      const b = await session.current();
      throw failure(e, budget, signal, o, Boolean(b && !b.connected));
    } finally {
      // A tab that timed out is closed, which cancels its work; the session stays for the next document.
      const opened = page as Page | undefined;
      if (opened) await opened.close().catch(() => {});
      else void work?.finally(() => (page as Page | undefined)?.close().catch(() => {})).catch(() => {});
    }
  }

  return {
    saturated: queue.saturated,
    async print(html, opts) {
      if (closed) throw new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器已关闭。', en: 'The PDF renderer is shut down.' } });
      await queue.acquire();
      try {
        return await printOnce(o.fonts ? await inlineFonts(html, o.fonts) : html, opts);
      } finally {
        queue.release();
      }
    },
    async close() {
      closed = true;
      await session.close();
    },
  };
}
