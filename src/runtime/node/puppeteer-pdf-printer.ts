// PDF printing through puppeteer-core driving the system Chromium: a warm browser tied to this process (pipe transport:
// it exits when the service dies), a fresh browser context for every document (kept for its prints, closed afterwards,
// so nothing carries over), a bounded number of tabs and places (taken when a request arrives), JavaScript off, every request but data:
// blocked and reported, a real per-render timeout (the context is closed), and a fresh browser after N renders or a crash.
import { rm } from 'node:fs/promises';
import puppeteer, { type Browser, type BrowserContext, type HTTPRequest, type Page } from 'puppeteer-core';
import type { BlockedRequest, PdfOptions, PdfPrinter, PdfTicket } from '../../core/ports.ts';
import { inlineFonts, type FontSliceSource } from '../../render/font-embed.ts';
import { chromiumArgs, newProfileDir, removeStaleProfiles } from './chromium-process.ts';
import { assertWithinLimits, printFailure, queueFull, shutDown, unavailable } from './printer-errors.ts';

export { chromiumArgs };

export interface PuppeteerPrinterOptions {
  executablePath: string;
  /** Renders at once (tabs). */
  concurrency: number;
  /** Requests allowed to wait for a tab; one more is refused at once with `queue_full`. */
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
  /** JavaScript in the printed documents: off in the service; tests switch it on to show isolation holds without it. */
  javaScript?: boolean;
  /**
   * Fresh contexts kept ready for the next renders (default 1): a context costs a renderer process to start, which
   * a render then need not wait for; each one ready also holds that process's memory.
   */
  spareContexts?: number;
  /** The clock of a render's budget: a signal that aborts after `ms` (AbortSignal.timeout); tests drive it by hand. */
  budgetSignal?: (ms: number) => AbortSignal;
  /** Extra environment of the browser process, e.g. FONTCONFIG_FILE naming the fonts it may use. */
  env?: Record<string, string>;
  /** The slices of embedded fonts (PDF_EMBED_FONTS): each document carries the ones it needs, not the installed fonts. */
  fonts?: FontSliceSource;
}

export const DEFAULT_PRINTER_OPTIONS: Omit<PuppeteerPrinterOptions, 'executablePath'> = {
  concurrency: 2,
  queueLimit: 20,
  timeoutMs: 30_000,
  restartAfter: 100,
  maxPages: 500,
  maxBytes: 20 * 1024 * 1024,
};

/** A render's own browser context and tab; the context is closed when the render ends. */
interface Tab {
  context: BrowserContext;
  page: Page;
  onBlocked: ((r: BlockedRequest) => void) | undefined;
}

interface Generation {
  id: number;
  browser: Browser;
  profileDir: string;
  /** Contexts made ready ahead of the renders that will use them. */
  spare: Array<Promise<Tab>>;
  active: number;
  renders: number;
  retiring: boolean;
}

export interface PrinterStats {
  active: number;
  queued: number;
  /** Places taken (printing, waiting, or admitted and not yet printing). */
  tickets: number;
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
  private tickets = 0;
  private waiters: Array<() => void> = [];
  private closed = false;
  /** Tabs held for a document's prints, by the ticket that holds them. */
  private readonly held = new Map<PdfTicket, { doc: object; gen: Generation; tab: Tab }>();
  private stats = { renders: 0, launches: 0, crashes: 0 };
  private cleaned = false;

  constructor(opts: PuppeteerPrinterOptions) {
    this.opts = opts;
  }

  snapshot(): PrinterStats {
    return { active: this.active, queued: this.waiters.length, tickets: this.tickets, ...this.stats, connected: this.current !== null && this.current.browser.connected };
  }

  saturated(): boolean {
    return this.tickets >= this.opts.concurrency + this.opts.queueLimit;
  }

  /** A place (a tab, or one in the queue) for one request, taken before any work; released once. */
  admit(): PdfTicket {
    if (this.closed) throw shutDown();
    if (this.saturated()) throw queueFull(this.opts.queueLimit);
    this.tickets++;
    let held = true;
    const ticket: PdfTicket = {
      release: () => {
        if (!held) return;
        held = false;
        this.tickets--;
        void this.letGo(ticket);
      },
    };
    return ticket;
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
    if (!this.cleaned) {
      // Folders of an earlier process of this service that was killed before it could remove them (in the background).
      this.cleaned = true;
      removeStaleProfiles().catch(() => {});
    }
    const profileDir = newProfileDir();
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.opts.executablePath,
        headless: true,
        // DevTools over the browser's stdio pipes rather than a port: when this process dies, the pipe closes and
        // Chromium exits with it; no port is open to anyone else either.
        pipe: true,
        args: chromiumArgs(),
        userDataDir: profileDir,
        // The fonts the browser may use (FONTCONFIG_FILE), on top of the service's own environment.
        ...(this.opts.env ? { env: { ...process.env, ...this.opts.env } } : {}),
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: this.opts.launchTimeoutMs ?? 20_000,
        protocolTimeout: Math.max(this.opts.timeoutMs * 2, 30_000),
      });
    } catch (e) {
      await rm(profileDir, { recursive: true, force: true }).catch(() => {});
      throw e;
    }
    this.stats.launches++;
    const gen: Generation = { id: this.nextId++, browser, profileDir, spare: [], active: 0, renders: 0, retiring: false };
    browser.on('disconnected', () => {
      if (!gen.retiring) this.stats.crashes++;
      gen.retiring = true;
      if (this.current === gen) this.current = null;
      // Chromium may still be writing its profile as it exits; removal is best effort (what is left, the next start
      // removes) and asynchronous, so a profile of many files never holds the event loop.
      setTimeout(() => void rm(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {}), 100).unref();
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
      throw unavailable(e);
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.active--;
  }

  /** A new incognito-like context with one tab: JavaScript as configured, every request but the document's refused. */
  private async openTab(gen: Generation): Promise<Tab> {
    const context = await gen.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const tab: Tab = { context, page, onBlocked: undefined };
      await page.setJavaScriptEnabled(this.opts.javaScript ?? false);
      await page.setRequestInterception(true);
      page.on('request', (req) => this.intercept(tab, req));
      return tab;
    } catch (e) {
      await context.close().catch(() => {});
      throw e;
    }
  }

  private intercept(tab: Tab, req: HTTPRequest): void {
    const url = req.url();
    // Only the document itself (about:blank + setContent) and inline data: URLs; every other fetch is refused.
    if (url.startsWith('data:') || url === 'about:blank') return void req.continue();
    tab.onBlocked?.({ url, type: req.resourceType() });
    // A navigation away (meta refresh, form, link) is answered 204 No Content: the browser stays on the document.
    if (req.isNavigationRequest() && req.frame() === tab.page.mainFrame()) void req.respond({ status: 204, body: '' });
    else void req.abort('blockedbyclient');
  }

  /** A fresh context for the next render: one made ready earlier, else a new one; another is prepared behind it. */
  private async takeTab(gen: Generation): Promise<Tab> {
    const ready = gen.spare.shift();
    if (!gen.retiring && gen.spare.length < (this.opts.spareContexts ?? 1)) {
      const next = this.openTab(gen);
      next.catch(() => {});
      gen.spare.push(next);
    }
    if (ready) {
      try {
        return await ready;
      } catch {
        /* a spare that failed to open is replaced below */
      }
    }
    return this.openTab(gen);
  }

  private async retireIfDone(gen: Generation): Promise<void> {
    if (gen.retiring && gen.active === 0) {
      for (const t of gen.spare.splice(0)) await t.then((x) => x.context.close()).catch(() => {});
      await gen.browser.close().catch(() => {});
    }
  }

  async print(html: string, opts: PdfOptions): Promise<Uint8Array> {
    if (this.closed) throw shutDown();
    // Inlined before waiting for a tab (a new one is never held while the fonts are read).
    if (this.opts.fonts) html = await inlineFonts(html, this.opts.fonts);
    if (opts.ticket && opts.document) return this.printHeld(html, opts, opts.ticket, opts.document);
    const own = opts.ticket ? undefined : this.admit();
    try {
      await this.acquire();
      try {
        const { gen, tab } = await this.open();
        try {
          return await this.printOn(gen, tab, html, opts);
        } finally {
          await this.finish(gen, tab);
        }
      } finally {
        this.release();
      }
    } finally {
      own?.release();
    }
  }

  /** A document's prints in one tab, kept from its first print until its end (one renderer process, not one per print). */
  private async printHeld(html: string, opts: PdfOptions, ticket: PdfTicket, doc: object): Promise<Uint8Array> {
    let h = this.held.get(ticket);
    if (h && h.doc !== doc) {
      await this.letGo(ticket);
      h = undefined;
    }
    if (!h) {
      await this.acquire();
      try {
        h = { doc, ...(await this.open()) };
      } catch (e) {
        this.release();
        throw e;
      }
      this.held.set(ticket, h);
    }
    try {
      return await this.printOn(h.gen, h.tab, html, opts);
    } catch (e) {
      await this.letGo(ticket);
      throw e;
    }
  }

  endDocument(ticket: PdfTicket): Promise<void> {
    return this.letGo(ticket);
  }

  /** Gives up the tab a ticket held (closing its context) and its place at the printer. */
  private async letGo(ticket: PdfTicket): Promise<void> {
    const h = this.held.get(ticket);
    if (!h) return;
    this.held.delete(ticket);
    try {
      await this.finish(h.gen, h.tab);
    } finally {
      this.release();
    }
  }

  /** A browser and a fresh tab in it. */
  private async open(): Promise<{ gen: Generation; tab: Tab }> {
    let gen: Generation | null = null;
    try {
      gen = await this.generation();
      gen.active++;
      return { gen, tab: await this.takeTab(gen) };
    } catch (e) {
      if (gen) {
        gen.active--;
        await this.retireIfDone(gen);
      }
      throw printFailure(e, { signal: undefined, budget: undefined, connected: gen?.browser.connected, timeoutMs: this.opts.timeoutMs });
    }
  }

  /** Every render ends with its context closed: that cancels what is still running and drops all its state. */
  private async finish(gen: Generation, tab: Tab): Promise<void> {
    tab.onBlocked = undefined;
    await tab.context.close().catch(() => {});
    gen.active--;
    gen.renders++;
    if (gen.renders >= this.opts.restartAfter && !gen.retiring) {
      gen.retiring = true;
      if (this.current === gen) this.current = null;
    }
    await this.retireIfDone(gen);
  }

  /** One print in a tab, within the render budget (counted from the moment it has its tab). */
  private async printOn(gen: Generation, tab: Tab, html: string, opts: PdfOptions): Promise<Uint8Array> {
    const budget = (this.opts.budgetSignal ?? AbortSignal.timeout)(this.opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, budget]) : budget;
    let onAbort: (() => void) | undefined;
    tab.onBlocked = opts.onBlocked;
    try {
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      const work = (async () => {
        await tab.page.setContent(html, { waitUntil: 'load', timeout: this.opts.timeoutMs });
        return tab.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: this.opts.tagged ?? false, timeout: this.opts.timeoutMs });
      })();
      work.catch(() => {});
      const pdf = await Promise.race([work, aborted]);
      assertWithinLimits(pdf, this.opts);
      this.stats.renders++;
      return pdf;
    } catch (e) {
      throw printFailure(e, { signal, budget, connected: gen.browser.connected, timeoutMs: this.opts.timeoutMs });
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
      tab.onBlocked = undefined;
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
