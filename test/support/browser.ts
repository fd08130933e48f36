// A real browser against the composed service: Debian's Chromium driven by puppeteer-core (the flags of this
// machine's notes), the service on a loopback port, axe-core for accessibility, screenshots under out/screenshots,
// and helpers that fill a generated form from an input the way a person's browser holds it.
import { serve, type ServerType } from '@hono/node-server';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { composeNodeApp, type NodeApp } from '../../src/runtime/node/compose.ts';
import { tempDir } from './documents.ts';

export const SCREENSHOTS = 'out/screenshots';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Running {
  node: NodeApp;
  server: ServerType;
  base: string;
  browser: Browser;
  downloads: string;
  /** Console messages of the pages that report a Content-Security-Policy violation or a script error. */
  problems: string[];
  close(): Promise<void>;
}

export async function startWorkbench(): Promise<Running> {
  const dir = tempDir('workbench');
  const node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'templates'), RATE_LIMIT_PER_MINUTE: '100000' });
  const server = serve({ fetch: node.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    userDataDir: join(dir, 'profile'),
    protocolTimeout: 300_000,
    // The machine's flags, and no throttling of tabs in the background: two tabs on one draft both keep typing.
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  const downloads = join(dir, 'downloads');
  mkdirSync(downloads, { recursive: true });
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];
  const pid = browser.process()?.pid;
  return {
    node,
    server,
    base,
    browser,
    downloads,
    problems,
    async close() {
      await browser.close().catch(() => {});
      // Chromium runs as the leader of its own process group: nothing of it may outlive the test.
      if (pid) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone, as it should be.
        }
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newPage(r: Running): Promise<Page> {
  const page = await r.browser.newPage();
  await page.setViewport({ width: 1440, height: 1000 });
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'zh-CN,zh;q=0.9' });
  page.on('console', (m) => {
    const text = m.text();
    if (/Content.Security.Policy|Refused to/i.test(text) || (m.type() === 'error' && !/favicon/.test(text))) r.problems.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (e) => r.problems.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
  return page;
}

/** No serious or critical axe-core violation on the page as it is now, and a screenshot of it. */
export async function look(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) as `${string}.png` });
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // Rows of a long list repeat the first ones' markup: three of each list are checked, the others are set aside
    // (and put back) while axe runs, which takes minutes over a form of tens of thousands of elements otherwise.
    const aside: Array<[Element, Element[]]> = [];
    for (const holder of Array.from(document.querySelectorAll('[data-rows]')).reverse()) {
      const extra = Array.from(holder.children).slice(3);
      for (const row of extra) row.remove();
      aside.push([holder, extra]);
    }
    try {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    } finally {
      for (const [holder, rows] of aside.reverse()) holder.append(...rows);
    }
  })) as Array<{ id: string; impact: string; nodes: string[] }>;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), name).toEqual([]);
}

export async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** Waits until the form's last save is on the server (its revision past `after`). */
export async function saved(page: Page, after: number): Promise<number> {
  await page.waitForFunction((n) => {
    const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
    const status = document.getElementById('save-status');
    return Number(form?.dataset.revision) > n && status?.dataset.state === 'saved';
  }, { timeout: 30_000 }, after);
  return page.$eval('form[data-autosave]', (f) => Number((f as HTMLFormElement).dataset.revision));
}

export const revision = (page: Page) => page.$eval('form[data-autosave]', (f) => Number((f as HTMLFormElement).dataset.revision));

/**
 * Fills the generated form from a JSON value as a person would leave it: rows added with the form's own buttons,
 * optional parts and variants switched on with their own controls, every field given its value, then one input event.
 */
export async function fillForm(page: Page, data: unknown, base = ''): Promise<void> {
  await page.evaluate(
    (value: unknown, start: string) => {
      const form = document.querySelector<HTMLFormElement>('form[data-autosave]')!;
      const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
      const on = (el: Element) => el.closest('[data-off]') === null && !(el as HTMLInputElement).disabled;
      // One index of the named controls, lists and presence switches, extended as rows are added (a catalogue of
      // hundreds of entries would otherwise be searched for every field).
      const byName = new Map<string, HTMLInputElement[]>();
      const lists = new Map<string, Element[]>();
      const presences = new Map<string, HTMLInputElement[]>();
      const index = (root: ParentNode) => {
        for (const el of Array.from(root.querySelectorAll<HTMLInputElement>('[name]'))) byName.set(el.name, [...(byName.get(el.name) ?? []), el]);
        for (const el of Array.from(root.querySelectorAll('[data-arr]'))) lists.set(el.getAttribute('data-arr')!, [...(lists.get(el.getAttribute('data-arr')!) ?? []), el]);
        for (const el of Array.from(root.querySelectorAll<HTMLInputElement>('[data-presence]'))) {
          const ptr = el.id.slice(2).split('@')[0]!;
          presences.set(ptr, [...(presences.get(ptr) ?? []), el]);
        }
      };
      index(form);
      const named = (name: string) => (byName.get(name) ?? []).filter(on);
      const change = (el: Element) => el.dispatchEvent(new Event('change', { bubbles: true }));
      const text = (v: unknown, side: 'zh' | 'en') => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)[side] ?? '') : side === 'zh' ? String(v) : '');
      const set = (kinds: string[], pointer: string, v: string): boolean => {
        for (const k of kinds) {
          const el = named(`${k}:${pointer}`).find((e) => e.type !== 'hidden');
          if (el) {
            el.value = v;
            return true;
          }
        }
        return false;
      };
      const walk = (v: unknown, p: string): void => {
        if (Array.isArray(v)) {
          const list = (lists.get(p) ?? []).find(on);
          if (list) {
            const add = list.querySelector<HTMLButtonElement>(':scope > [data-act=add]')!;
            const holder = list.querySelector(':scope [data-rows]')!;
            const before = holder.children.length;
            for (let n = before; n < v.length; n++) add.click();
            for (const row of Array.from(holder.children).slice(before)) index(row);
            v.forEach((item, i) => walk(item, `${p}/${i}`));
            return;
          }
          const multi = named(`m:${p}`);
          if (multi.length) {
            for (const box of multi) box.checked = v.includes(box.value);
            return;
          }
          set(['lz', 'l'], p, v.map((x) => text(x, 'zh')).join('\n'));
          if (v.some((x) => typeof x === 'object' && x !== null)) set(['le'], p, v.map((x) => text(x, 'en')).join('\n'));
          return;
        }
        if (typeof v === 'object' && v !== null) {
          const o = v as Record<string, unknown>;
          if ('zh' in o && Object.keys(o).every((k) => k === 'zh' || k === 'en')) {
            set(['bz', 'vz'], p, text(o, 'zh'));
            set(['be', 've'], p, text(o, 'en'));
            return;
          }
          const presence = (presences.get(p) ?? []).find(on);
          if (presence && !presence.checked) {
            presence.checked = true;
            change(presence);
          }
          // Discriminators first: they switch on the variant the other fields are in.
          const keys = Object.keys(o).sort((a, b) => Number(named(`j:${p}/${esc(b)}`).length > 0) - Number(named(`j:${p}/${esc(a)}`).length > 0));
          for (const k of keys) walk(o[k], `${p}/${esc(k)}`);
          return;
        }
        const radios = named(`j:${p}`);
        if (radios.length) {
          const radio = radios.find((r) => r.value === JSON.stringify(v));
          if (radio && !radio.checked) {
            radio.checked = true;
            if (!radio.hasAttribute('data-kind-switch')) change(radio);
          }
          return;
        }
        const box = named(`c:${p}`).find((e) => e.type === 'checkbox');
        if (box) {
          box.checked = v === true;
          return;
        }
        if (!set(['t', 'n', 'v', 's', 'bz', 'vz'], p, String(v))) throw new Error(`no field for ${p}`);
      };
      walk(value, start);
      form.dispatchEvent(new Event('input', { bubbles: true }));
    },
    data,
    base,
  );
}

/** Pastes tab-separated rows into a cell, as a spreadsheet's clipboard would. */
export async function pasteRows(page: Page, selector: string, rows: string[][]): Promise<void> {
  await page.focus(selector);
  await page.evaluate(
    (sel: string, text: string) => {
      const el = document.querySelector(sel)!;
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    selector,
    rows.map((r) => r.join('\t')).join('\n') + '\n',
  );
}

/** Clicks a download button and returns the file that arrives. */
export async function download(page: Page, r: Running, selector: string, ext: string): Promise<Uint8Array> {
  const before = new Set(readdirSync(r.downloads));
  await page.click(selector);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const fresh = readdirSync(r.downloads).filter((f) => !before.has(f) && f.endsWith(`.${ext}`));
    if (fresh.length) {
      const path = join(r.downloads, fresh[0]!);
      // Chromium writes to a .crdownload file and renames it when done.
      await new Promise((res) => setTimeout(res, 200));
      if (existsSync(path)) return new Uint8Array(readFileSync(path));
    }
    if (Date.now() > deadline) throw new Error(`no ${ext} download`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

/** Kills the browser's renderer processes (by their ids, as the browser reports them): a crash, not a close. */
export async function killRenderers(r: Running): Promise<void> {
  const cdp = await r.browser.target().createCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    try {
      process.kill(p.id, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  await cdp.detach();
}
