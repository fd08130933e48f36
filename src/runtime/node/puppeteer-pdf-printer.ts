// PDF printing through puppeteer-core driving the system Chromium: a warm browser with a bounded pool of reused
// tabs, a bounded queue, JavaScript off, every request but data: blocked, a real per-render timeout (the tab is
// closed), and a fresh browser after N renders or a crash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AppError } from '../../core/errors.ts';
import type { PdfOptions, PdfPrinter } from '../../core/ports.ts';

export interface PuppeteerPrinterOptions {
  executablePath: string;
  /** Renders at once (tabs). */
  concurrency: number;
  /** Renders allowed to wait for a tab; one more is refused at once with `queue_full`. */
  queueLimit: number;
  /** Budget for one render, waiting excluded. */
  timeoutMs: number;
  /** Relaunch the browser after this many renders. */
  restartAfter: number;
  maxPages: number;
  maxBytes: number;
  /**
   * Tagged (accessible, structure-tree) PDF. Off by default: filings are printed and reviewed on paper, and an untagged
   * PDF of a 90-page filing is about a quarter faster to print and a third the size.
   */
  tagged?: boolean;
  /** Chromium start budget. */
  launchTimeoutMs?: number;
  /** Extra environment of the browser process, e.g. FONTCONFIG_FILE naming the fonts it may use. */
  env?: Record<string, string>;
}

export const DEFAULT_PRINTER_OPTIONS: Omit<PuppeteerPrinterOptions, 'executablePath'> = {
  concurrency: 2,
  queueLimit: 20,
  timeoutMs: 30_000,
  restartAfter: 100,
  maxPages: 500,
  maxBytes: 20 * 1024 * 1024,
};

/** Chromium flags: headless, no background traffic, and a dead proxy as a backstop for anything interception misses. */
export function chromiumArgs(): string[] {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--disable-domain-reliability',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
  ];
  // Chromium refuses its sandbox as root; elsewhere the sandbox stays on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

interface Generation {
  id: number;
  browser: Browser;
  profileDir: string;
  idle: Page[];
  active: number;
  renders: number;
  retiring: boolean;
}

export function queueFull(queueLimit: number): AppError {
  return new AppError({
    code: 'queue_full',
    message: { 'zh-CN': 'PDF 渲染队列已满，请稍后重试。', en: 'The PDF render queue is full; retry shortly.' },
    details: { retryAfterSeconds: 2, queueLimit },
  });
}

function countPdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export interface PrinterStats {
  active: number;
  queued: number;
  renders: number;
  launches: number;
  crashes: number;
  connected: boolean;
}

export class PuppeteerPdfPrinter implements PdfPrinter {
  private readonly opts: PuppeteerPrinterOptions;
  /** The options in force (read-only), as the configuration set them. */
  get options(): Readonly<PuppeteerPrinterOptions> {
    return this.opts;
  }
  private current: Generation | null = null;
  private launching: Promise<Generation> | null = null;
  private nextId = 1;
  private active = 0;
  private waiters: Array<() => void> = [];
  private closed = false;
  private stats = { renders: 0, launches: 0, crashes: 0 };

  constructor(opts: PuppeteerPrinterOptions) {
    this.opts = opts;
  }

  snapshot(): PrinterStats {
    return {
      active: this.active,
      queued: this.waiters.length,
      ...this.stats,
      connected: this.current !== null && this.current.browser.connected,
    };
  }

  saturated(): boolean {
    return this.active >= this.opts.concurrency && this.waiters.length >= this.opts.queueLimit;
  }

  /** The running browser's process id, if any (for health checks and fault tests). */
  browserProcessId(): number | undefined {
    return this.current?.browser.process()?.pid;
  }

  /** Starts the browser now rather than on the first render. */
  async warm(): Promise<void> {
    await this.generation();
  }

  private async launch(): Promise<Generation> {
    const profileDir = mkdtempSync(join(tmpdir(), 'filing-chromium-'));
    const browser = await puppeteer.launch({
      executablePath: this.opts.executablePath,
      headless: true,
      args: chromiumArgs(),
      userDataDir: profileDir,
      ...(this.opts.env ? { env: { ...process.env, ...this.opts.env } } : {}),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: this.opts.launchTimeoutMs ?? 20_000,
      protocolTimeout: Math.max(this.opts.timeoutMs * 2, 30_000),
    });
    this.stats.launches++;
    const gen: Generation = { id: this.nextId++, browser, profileDir, idle: [], active: 0, renders: 0, retiring: false };
    browser.on('disconnected', () => {
      if (!gen.retiring) this.stats.crashes++;
      gen.retiring = true;
      if (this.current === gen) this.current = null;
      // Chromium may still be writing its profile as it exits; removal is best effort and never throws here.
      setTimeout(() => {
        try {
          rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
        } catch {
          /* left for the OS to clean from tmp */
        }
      }, 100).unref();
    });
    return gen;
  }

  private async generation(): Promise<Generation> {
    if (this.current && this.current.browser.connected && !this.current.retiring) return this.current;
    if (!this.launching) {
      this.launching = this.launch()
        .then((g) => {
          this.current = g;
          return g;
        })
        .finally(() => {
          this.launching = null;
        });
    }
    try {
      return await this.launching;
    } catch (e) {
      throw new AppError({
        code: 'renderer_unavailable',
        message: { 'zh-CN': 'PDF 渲染器（Chromium）无法启动。', en: 'The PDF renderer (Chromium) could not be started.' },
        cause: e,
      });
    }
  }

  private async acquire(): Promise<void> {
    if (this.closed) throw new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器已关闭。', en: 'The PDF renderer is shut down.' } });
    if (this.active < this.opts.concurrency) {
      this.active++;
      return;
    }
    if (this.waiters.length >= this.opts.queueLimit) {
      throw queueFull(this.opts.queueLimit);
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }

  private async newPage(gen: Generation): Promise<Page> {
    const page = await gen.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      // Only the document itself (about:blank + setContent) and inline data: URLs; every other fetch is refused.
      if (url.startsWith('data:') || url === 'about:blank') void req.continue();
      // A navigation away (meta refresh, form, link) is answered 204 No Content: the browser stays on the document.
      else if (req.isNavigationRequest() && req.frame() === page.mainFrame()) void req.respond({ status: 204, body: '' });
      else void req.abort('blockedbyclient');
    });
    return page;
  }

  private async retireIfDone(gen: Generation): Promise<void> {
    if (gen.retiring && gen.active === 0) {
      for (const p of gen.idle.splice(0)) await p.close().catch(() => {});
      await gen.browser.close().catch(() => {});
    }
  }

  /** Output limits: a PDF over the page count or size is refused, not served. */
  private assertWithinLimits(pdf: Uint8Array): void {
    const pages = countPdfPages(pdf);
    if (pages > this.opts.maxPages) {
      throw new AppError({
        code: 'too_many_pages',
        message: { 'zh-CN': `文档超过 ${this.opts.maxPages} 页上限。`, en: `The document exceeds the limit of ${this.opts.maxPages} pages.` },
        details: { pages, maxPages: this.opts.maxPages },
      });
    }
    if (pdf.length > this.opts.maxBytes) {
      throw new AppError({
        code: 'output_too_large',
        message: { 'zh-CN': '生成的 PDF 超过大小上限。', en: 'The generated PDF exceeds the size limit.' },
        details: { bytes: pdf.length, maxBytes: this.opts.maxBytes },
      });
    }
  }

  async print(html: string, opts: PdfOptions): Promise<Uint8Array> {
    await this.acquire();
    let gen: Generation | null = null;
    let page: Page | null = null;
    let pageUsable = false;
    const budget = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
    let onAbort: (() => void) | null = null;
    try {
      gen = await this.generation();
      gen.active++;
      page = gen.idle.pop() ?? (await this.newPage(gen));
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      const work = (async () => {
        await page!.setContent(html, { waitUntil: 'load', timeout: this.opts.timeoutMs });
        return page!.pdf({ preferCSSPageSize: true, printBackground: true, tagged: this.opts.tagged ?? false, timeout: this.opts.timeoutMs });
      })();
      work.catch(() => {});
      const pdf = await Promise.race([work, aborted]);
      pageUsable = true;
      this.assertWithinLimits(pdf);
      this.stats.renders++;
      return pdf;
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (signal.aborted) {
        const timedOut = budget.aborted;
        throw new AppError({
          code: 'render_timeout',
          message: timedOut
            ? { 'zh-CN': `PDF 渲染超过 ${this.opts.timeoutMs} 毫秒时限，已取消。`, en: `The PDF render exceeded its ${this.opts.timeoutMs} ms budget and was cancelled.` }
            : { 'zh-CN': 'PDF 渲染已取消。', en: 'The PDF render was cancelled.' },
          details: { timeoutMs: this.opts.timeoutMs, cancelled: !timedOut },
          cause: e,
        });
      }
      if (gen && !gen.browser.connected) {
        throw new AppError({
          code: 'renderer_crashed',
          message: { 'zh-CN': 'PDF 渲染器意外退出，请重试。', en: 'The PDF renderer stopped unexpectedly; retry the request.' },
          cause: e,
        });
      }
      throw new AppError({ code: 'render_failed', message: { 'zh-CN': 'PDF 渲染失败。', en: 'The PDF render failed.' }, cause: e });
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
      if (gen) {
        gen.active--;
        gen.renders++;
        if (page) {
          // A tab that timed out or failed is closed, which cancels its work; a good one goes back to the pool.
          if (pageUsable && gen.browser.connected && !gen.retiring) gen.idle.push(page);
          else await page.close().catch(() => {});
        }
        if (gen.renders >= this.opts.restartAfter && !gen.retiring) {
          gen.retiring = true;
          if (this.current === gen) this.current = null;
        }
        await this.retireIfDone(gen);
      }
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const gen = this.current;
    this.current = null;
    if (gen) {
      gen.retiring = true;
      await gen.browser.close().catch(() => {});
    }
  }
}
