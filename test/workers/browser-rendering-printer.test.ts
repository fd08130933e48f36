// The Workers PDF printer through @cloudflare/puppeteer's own launch/connect code, against a CDP endpoint served by the
// local Chromium (a stand-in for the BROWSER binding: its acquire call and its devtools WebSocket): a filing prints with
// its text, nothing is fetched, the queue refuses when full, the budget cancels, limits hold, a refused session is a
// retryable 503; and with a Chromium that has no CJK font at all, as the remote one, a Chinese filing prints with the
// embedded font slices it carries.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteerCore, { type Browser as CoreBrowser } from 'puppeteer-core';
import puppeteer from '@cloudflare/puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { createBrowserRenderingPrinter, type BrowserRenderingOptions } from '../../src/runtime/workers/browser-rendering-printer.ts';
import { renderFiling } from '../../src/usecases/render-filing.ts';
import type { NodeRenderServices } from '../../src/runtime/node/services.ts';
import { fileSliceSource } from '../../src/runtime/node/font-slices.ts';
import { pdfFonts, pdfText, tempDir } from '../support/documents.ts';
import { samplesOf } from '../support/samples.ts';
import { testServices } from '../support/services.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const simple = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`;

/** What the BROWSER binding answers: a session on acquire, and the session's devtools socket on upgrade. */
function localBinding(wsEndpoint: string, o: { refuse?: boolean } = {}) {
  return {
    async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname === '/v1/devtools/browser' && init?.method === 'POST') {
        return o.refuse ? new Response('Browser time limit exceeded for today', { status: 429 }) : Response.json({ sessionId: 'local-session' });
      }
      if (url.pathname === '/v1/devtools/browser/local-session') {
        // The platform's WebSocket has the Workers socket's shape (listeners, send, close); accept() is Workers-only.
        const ws = new WebSocket(wsEndpoint);
        await new Promise((resolve, reject) => {
          ws.addEventListener('open', resolve, { once: true });
          ws.addEventListener('error', reject, { once: true });
        });
        const webSocket = Object.assign(ws, { accept() {} });
        return { status: 101, webSocket } as unknown as Response;
      }
      return new Response('not found', { status: 404 });
    },
  };
}

let chromium: CoreBrowser;
let services: NodeRenderServices;
const printer = (o: Partial<BrowserRenderingOptions> & { refuse?: boolean } = {}) => {
  const binding = localBinding(chromium.wsEndpoint(), { refuse: o.refuse ?? false });
  const p = createBrowserRenderingPrinter({ launch: () => puppeteer.launch(binding, { keep_alive: 60_000 }), concurrency: 2, queueLimit: 4, timeoutMs: 30_000, maxPages: 500, maxBytes: 20 << 20, ...o });
  return p;
};
async function code(p: Promise<unknown>): Promise<{ code?: string; retry?: unknown }> {
  try {
    await p;
    return {};
  } catch (e) {
    return isAppError(e) ? { code: e.code, retry: e.details.retryAfterSeconds } : { code: String(e) };
  }
}

beforeAll(async () => {
  chromium = await puppeteerCore.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  services = await testServices();
});
// The printers' sessions are tabs of this one Chromium: closing it ends them all.
afterAll(async () => {
  await services?.close();
  await chromium?.close();
});

describe('the Browser Rendering printer', () => {
  it('prints a filing with its text and embedded CJK fonts', async () => {
    const sample = samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!;
    const html = await renderFiling(services, { filingId: 'acceptance-extension', format: 'html', locale: 'zh-CN', input: sample.input });
    const pdf = await printer().print(new TextDecoder().decode(html.bytes), { title: html.fileName });
    expect(new TextDecoder('latin1').decode(pdf.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('国家政务数据共享交换平台');
    expect(text).toContain('延期验收');
    expect(pdfFonts(pdf).some((f) => f.embedded)).toBe(true);
  });

  it('fetches nothing the document names', async () => {
    const hits: string[] = [];
    const canary: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('CANARY');
    });
    await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
    const u = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    try {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${u}/a.css"><style>body { background: url(${u}/bg.png); }</style><meta http-equiv="refresh" content="0;url=${u}/refresh"></head><body><p>正文 visible</p><img src="${u}/img.png"><iframe src="${u}/frame"></iframe><script>fetch('${u}/script')</script></body></html>`;
      const text = pdfText(await printer().print(html, { title: 't' }));
      expect(text).toContain('正文');
      expect(text).not.toContain('CANARY');
      expect(hits).toEqual([]);
    } finally {
      canary.close();
    }
  });

  it('refuses at once when every tab is busy and the queue is full', async () => {
    const p = printer({ concurrency: 1, queueLimit: 1 });
    // A print takes its tab (or its place in the queue) before its first await: the third is refused at once.
    const first = p.print(simple('a'), { title: 'a' });
    const second = p.print(simple('b'), { title: 'b' });
    expect(p.saturated!()).toBe(true);
    expect(await code(p.print(simple('c'), { title: 'c' }))).toEqual({ code: 'queue_full', retry: 2 });
    await Promise.all([first, second]);
    expect(p.saturated!()).toBe(false);
  });

  it('cancels a print past its budget, and one the caller gave up', async () => {
    const huge = `<!DOCTYPE html><html><body><table>${'<tr><td>行</td><td>row</td><td>数据</td></tr>'.repeat(60000)}</table></body></html>`;
    expect((await code(printer({ timeoutMs: 1000 }).print(huge, { title: 'x' }))).code).toBe('render_timeout');
    const gaveUp = new AbortController();
    const p = printer();
    const pending = p.print(huge, { title: 'y', signal: gaveUp.signal });
    gaveUp.abort();
    expect((await code(pending)).code).toBe('render_timeout');
    expect(pdfText(await p.print(simple('after'), { title: 'z' }))).toContain('after');
  });

  it('refuses output past the page limit', async () => {
    const pages = `<!DOCTYPE html><html><body>${'<p style="break-after: page">页</p>'.repeat(5)}</body></html>`;
    expect((await code(printer({ maxPages: 3 }).print(pages, { title: 'p' }))).code).toBe('too_many_pages');
  });

  it('ends its session on close and refuses to print after it', async () => {
    const own = await puppeteerCore.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const binding = localBinding(own.wsEndpoint());
      const p = createBrowserRenderingPrinter({ launch: () => puppeteer.launch(binding), concurrency: 1, queueLimit: 0, timeoutMs: 30_000, maxPages: 10, maxBytes: 1 << 20 });
      expect(pdfText(await p.print(simple('once'), { title: 'o' }))).toContain('once');
      await p.close();
      await new Promise((r) => setTimeout(r, 200));
      expect(own.connected).toBe(false);
      expect((await code(p.print(simple('again'), { title: 'a' }))).code).toBe('renderer_unavailable');
    } finally {
      if (own.connected) await own.close();
    }
  });

  it('answers a session Browser Rendering refuses as a retryable renderer_unavailable', async () => {
    expect(await code(printer({ refuse: true }).print(simple('x'), { title: 'x' }))).toEqual({ code: 'renderer_unavailable', retry: 5 });
  });
});

describe('the Browser Rendering printer with embedded fonts, on a browser without CJK fonts', () => {
  let bare: CoreBrowser;
  beforeAll(async () => {
    // A fontconfig with only DejaVu (Debian's fonts-dejavu-core, which Chromium depends on): Latin faces, no CJK one, as a
    // remote browser may have. (With no font at all, Chromium refuses every web font too: they load as errors.)
    const dir = tempDir('no-cjk-fonts');
    const conf = join(dir, 'fonts.conf');
    writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig>\n  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`);
    bare = await puppeteerCore.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'], env: { ...process.env, FONTCONFIG_FILE: conf } });
  });
  afterAll(async () => {
    await bare?.close();
  });
  const bareprinter = (o: Partial<BrowserRenderingOptions> = {}) =>
    createBrowserRenderingPrinter({ launch: () => puppeteer.launch(localBinding(bare.wsEndpoint()), { keep_alive: 60_000 }), concurrency: 1, queueLimit: 2, timeoutMs: 60_000, maxPages: 500, maxBytes: 40 << 20, ...o });

  it('prints a Chinese filing with the embedded subset faces, and its text extracts', { timeout: 120_000 }, async () => {
    const sample = samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!;
    const html = new TextDecoder().decode((await renderFiling(services, { filingId: 'acceptance-extension', format: 'html', locale: 'zh-CN', input: sample.input })).bytes);

    // Without the slices this browser has nothing to draw Chinese with: it prints empty boxes from its only fonts.
    const without = pdfFonts(await bareprinter().print(html, { title: 'without' }));
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((f) => f.name.includes('DejaVu'))).toBe(true);

    const printer = bareprinter({ fonts: fileSliceSource() });
    const pdf = await printer.print(html, { title: 'with' });
    const fonts = pdfFonts(pdf);
    // The stand-ins of the roles this letter uses, as embedded subsets with a ToUnicode map, none drawn as Type 3.
    for (const name of ['FandolFang-Regular', 'FandolHei-Regular', 'FandolSongBold-Regular', 'FandolSong-Regular']) {
      expect(fonts.find((f) => f.name.endsWith(`+${name}`)), name).toMatchObject({ embedded: true, subset: true, unicode: true });
    }
    expect(fonts.every((f) => f.embedded && f.type !== 'Type 3')).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('国家政务数据共享交换平台');
    expect(text).toContain('延期验收');
    // The page numbers (page margin boxes, in the 宋体 role) print too.
    expect(text).toContain('—2—');
    await printer.close();
  });
});
