// The PDF printer against the real Chromium: no network or file access, real cancellation, bounded queue, recycling.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRINTER_OPTIONS, PuppeteerPdfPrinter, type PuppeteerPrinterOptions } from './puppeteer-pdf-printer.ts';
import { isAppError } from '../../core/errors.ts';
import { pdfInfo, pdfText } from '../../../test/support/documents.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const printer = (o: Partial<PuppeteerPrinterOptions> = {}) => new PuppeteerPdfPrinter({ ...DEFAULT_PRINTER_OPTIONS, executablePath: CHROMIUM, ...o });
const simple = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>${text}</p></body></html>`;
const huge = () => `<!DOCTYPE html><html><body><table>${'<tr><td>行</td><td>row</td><td>数据</td></tr>'.repeat(40000)}</table></body></html>`;

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe('network and file isolation', () => {
  let canary: Server;
  let hits: string[] = [];
  let port = 0;
  const p = printer();
  beforeAll(async () => {
    canary = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('CANARY-CONTENT');
    });
    await new Promise<void>((r) => canary.listen(0, '127.0.0.1', r));
    port = (canary.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await p.close();
    canary.close();
  });

  it('fetches nothing and reads no local file, whatever the HTML asks for', async () => {
    hits = [];
    const u = `http://127.0.0.1:${port}`;
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
      <link rel="stylesheet" href="${u}/link.css"><link rel="preload" href="${u}/preload" as="image">
      <style>@import url(${u}/import.css); body { background: url(${u}/bg.png); }
      @font-face { font-family: X; src: url(${u}/font.woff); } p { font-family: X; }</style>
      <meta http-equiv="refresh" content="0;url=${u}/refresh"></head><body>
      <p>正文 visible</p><img src="${u}/img.png"><img src="HTTP://127.0.0.1:${port}/upper">
      <iframe src="file:///etc/passwd"></iframe><iframe src="${u}/frame"></iframe><object data="${u}/object"></object>
      <embed src="${u}/embed"><svg><image href="${u}/svg.png"/></svg>
      <img src="http://2130706433:${port}/decimal"><img src="http://[::ffff:127.0.0.1]:${port}/mapped">
      <script>fetch('${u}/script')</script></body></html>`;
    const pdf = await p.print(html, { title: 't' });
    const text = pdfText(pdf);
    expect(text).toContain('正文');
    expect(text).not.toContain('root:');
    expect(text).not.toContain('CANARY');
    expect(hits).toEqual([]);
  });
});

describe('per-render isolation (JavaScript switched on here only)', () => {
  it('carries nothing from one render to the next: globals, storage, cookies, history', async () => {
    const p = printer({ javaScript: true, concurrency: 1 });
    try {
      const plant = `<!DOCTYPE html><html><body><p>种下 planted</p><script>
        window.leak = 'LEAK-GLOBAL'; window.name = 'LEAK-NAME';
        try { sessionStorage.setItem('x', 'LEAK-SESSION'); } catch {}
        try { localStorage.setItem('x', 'LEAK-LOCAL'); } catch {}
        try { document.cookie = 'x=LEAK-COOKIE'; } catch {}
        history.pushState({}, '', '#LEAK-HISTORY');
      </script></body></html>`;
      const look = `<!DOCTYPE html><html><body><p id="out">none</p><script>
        const seen = [];
        if (window.leak) seen.push(window.leak);
        if (window.name) seen.push(window.name);
        try { seen.push(sessionStorage.getItem('x') || ''); } catch {}
        try { seen.push(localStorage.getItem('x') || ''); } catch {}
        try { seen.push(document.cookie); } catch {}
        seen.push('history=' + history.length + location.hash);
        document.getElementById('out').textContent = 'SEEN[' + seen.filter(Boolean).join('|') + ']';
      </script></body></html>`;
      expect(pdfText(await p.print(plant, { title: 't' }))).toContain('种下');
      const text = pdfText(await p.print(look, { title: 't' }));
      // The script ran (so JavaScript was on), and found nothing of the first render.
      expect(text).toContain('SEEN[');
      expect(text).not.toContain('LEAK');
      expect(text).toContain('history=1]');
    } finally {
      await p.close();
    }
  });

  it('keeps one tab for the prints of one document, and gives every other document a fresh context', async () => {
    const p = printer({ javaScript: true, concurrency: 1 });
    try {
      const plant = `<!DOCTYPE html><html><body><p>种下 planted</p><script>window.name = 'SAME-TAB';</script></body></html>`;
      const look = `<!DOCTYPE html><html><body><p id="out">none</p><script>document.getElementById('out').textContent = 'SEEN[' + window.name + ']';</script></body></html>`;
      const ticket = p.admit();
      const first = {};
      await p.print(plant, { title: 't', ticket, document: first });
      // The second print of the same document is in the same tab (window.name lives as long as the tab)…
      expect(pdfText(await p.print(look, { title: 't', ticket, document: first }))).toContain('SEEN[SAME-TAB]');
      expect(p.snapshot().active).toBe(1);
      // …another document under the same ticket (a package) starts in a fresh context…
      expect(pdfText(await p.print(look, { title: 't', ticket, document: {} }))).toContain('SEEN[]');
      // …and the tab and the place at the printer are given up when the document's prints are over.
      await p.endDocument(ticket);
      expect(p.snapshot().active).toBe(0);
      ticket.release();
      expect(p.snapshot().tickets).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('reports every request it refuses to the render that made it', async () => {
    const p = printer({ javaScript: true });
    try {
      const blocked: Array<{ url: string; type: string }> = [];
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/a.css"></head><body><p>正文</p>
        <img src="http://127.0.0.1:9/pixel.png"><script>fetch('http://127.0.0.1:9/beacon').catch(() => {})</script></body></html>`;
      const pdf = await p.print(html, { title: 't', onBlocked: (r) => blocked.push(r) });
      expect(pdfText(pdf)).toContain('正文');
      expect(blocked).toEqual(expect.arrayContaining([{ url: 'http://127.0.0.1:9/a.css', type: 'stylesheet' }, { url: 'http://127.0.0.1:9/pixel.png', type: 'image' }, { url: 'http://127.0.0.1:9/beacon', type: 'fetch' }]));
      const clean: unknown[] = [];
      await p.print(simple('干净 clean'), { title: 't', onBlocked: (r) => clean.push(r) });
      expect(clean).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('processes', () => {
  it('starts one renderer per document tab and none for browser UI (the address bar popup Chromium preloads per window)', async () => {
    const p = printer({ spareContexts: 0 });
    try {
      const ticket = p.admit();
      await p.print(simple('进程 processes'), { title: 't', ticket, document: {} });
      const browser = p.browserProcessId()!;
      const children = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
        try {
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          const parents = [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])];
          return [{ cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' '), parents }];
        } catch {
          return [];
        }
      });
      const ours = children.filter((c) => c.cmd.includes(`--user-data-dir=`) && c.cmd.includes('--type=renderer') && c.cmd.includes(readFileSync(`/proc/${browser}/cmdline`, 'utf8').match(/--user-data-dir=(\S+?)\0/)![1]!));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.filter((c) => c.cmd.includes('--top-chrome-webui'))).toEqual([]);
      ticket.release();
    } finally {
      await p.close();
    }
  });
});

describe('output options', () => {
  it('prints untagged PDFs by default and tagged ones when configured', async () => {
    for (const tagged of [false, true]) {
      const p = printer({ tagged });
      try {
        const info = pdfInfo(await p.print(simple('标记 tagged'), { title: 't' }));
        expect(info.Tagged).toBe(tagged ? 'yes' : 'no');
      } finally {
        await p.close();
      }
    }
  });
});

describe('limits and faults', () => {
  it('cancels a render past its budget by closing its context, and keeps working', async () => {
    // The budget's clock is driven by hand: it runs out as soon as the render has its tab, while the 40,000-row table
    // is still being set and laid out (that takes several round trips to Chromium; this is one turn of the loop).
    const deadlines: AbortController[] = [];
    const budgetSignal = () => {
      const c = new AbortController();
      deadlines.push(c);
      return c.signal;
    };
    const p = printer({ concurrency: 1, budgetSignal });
    try {
      const pending = p.print(huge(), { title: 't' });
      while (deadlines.length === 0) await new Promise((r) => setImmediate(r));
      expect(p.snapshot().active).toBe(1);
      deadlines[0]!.abort(new DOMException('budget spent', 'TimeoutError'));
      const e = await pending.catch((x: unknown) => x);
      expect(isAppError(e) && e.code).toBe('render_timeout');
      expect(isAppError(e) && e.details).toMatchObject({ cancelled: false, timeoutMs: DEFAULT_PRINTER_OPTIONS.timeoutMs });
      expect(p.snapshot()).toMatchObject({ active: 0, tickets: 0, connected: true });
      // The same browser prints the next document within its own budget (never run out here).
      const pdf = await p.print(simple('之后 after'), { title: 't' });
      expect(pdfText(pdf)).toContain('之后');
      expect(deadlines).toHaveLength(2);
      expect(p.snapshot()).toMatchObject({ active: 0, launches: 1, renders: 1 });
    } finally {
      await p.close();
    }
  });

  it('honours a caller abort', async () => {
    const p = printer({ concurrency: 1 });
    try {
      const ac = new AbortController();
      const pending = p.print(huge(), { title: 't', signal: ac.signal });
      setTimeout(() => ac.abort(), 300);
      expect(await code(pending)).toBe('render_timeout');
      expect(pdfText(await p.print(simple('继续 ok'), { title: 't' }))).toContain('继续');
    } finally {
      await p.close();
    }
  });

  it('takes places before any work: a request admitted when it arrives prints in its place; one more is refused', async () => {
    const p = printer({ concurrency: 1, queueLimit: 1 });
    try {
      const a = p.admit();
      const b = p.admit();
      expect(p.saturated()).toBe(true);
      expect(await code(Promise.resolve().then(() => p.admit()))).toBe('queue_full');
      expect(await code(p.print(simple('无位 no place'), { title: 't' }))).toBe('queue_full');
      const printed = await Promise.all([p.print(simple('甲'), { title: 't', ticket: a }), p.print(simple('乙'), { title: 't', ticket: b })]);
      expect(pdfText(printed[0]!)).toContain('甲');
      expect(pdfText(printed[1]!)).toContain('乙');
      a.release();
      b.release();
      b.release();
      expect(p.snapshot().tickets).toBe(0);
      expect(p.saturated()).toBe(false);
    } finally {
      await p.close();
    }
  });

  it('refuses at once when the queue is full, and finishes what it accepted', async () => {
    const p = printer({ concurrency: 1, queueLimit: 1 });
    try {
      await p.warm();
      const a = p.print(simple('一'), { title: 't' });
      const b = p.print(simple('二'), { title: 't' });
      const printed: string[] = [];
      void a.then(() => printed.push('一'));
      void b.then(() => printed.push('二'));
      // Refused before any work: the refusal settles while both accepted documents are still in hand.
      expect(await code(p.print(simple('三'), { title: 't' }))).toBe('queue_full');
      expect(printed).toEqual([]);
      expect(p.snapshot().tickets).toBe(2);
      expect(pdfText(await a)).toContain('一');
      expect(pdfText(await b)).toContain('二');
    } finally {
      await p.close();
    }
  });

  it('relaunches the browser after N renders without failing any', async () => {
    const p = printer({ restartAfter: 2, concurrency: 2 });
    try {
      const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => p.print(simple(`第${n}份`), { title: 't' })));
      pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`第${i + 1}份`));
      expect(p.snapshot().launches).toBeGreaterThanOrEqual(2);
    } finally {
      await p.close();
    }
  });

  it('reports a crash mid-render as renderer_crashed and recovers on the next render', async () => {
    const p = printer({ concurrency: 1 });
    try {
      await p.warm();
      const pid = p.browserProcessId()!;
      const pending = p.print(huge(), { title: 't' });
      setTimeout(() => process.kill(pid, 'SIGKILL'), 300);
      expect(await code(pending)).toBe('renderer_crashed');
      expect(pdfText(await p.print(simple('恢复 recovered'), { title: 't' }))).toContain('恢复');
      expect(p.snapshot().crashes).toBe(1);
      expect(p.browserProcessId()).not.toBe(pid);
    } finally {
      await p.close();
    }
  });

  it('answers renderer_unavailable when Chromium cannot start', async () => {
    const p = printer({ executablePath: '/nonexistent/chromium' });
    expect(await code(p.print(simple('x'), { title: 't' }))).toBe('renderer_unavailable');
    await p.close();
  });
});
