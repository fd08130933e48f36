// Node adapters for the HTTP app: samples and documentation assets from disk, browser readiness probe.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { SampleSource } from '../../core/ports.ts';
import type { AppEnv, ReadinessProbe } from '../../http/app.ts';
import type { UiAssets } from '../../http/env.ts';
import { DOCS_INIT_JS, type DocsAssets } from '../../http/docs.ts';
import { validSamples } from './sample-files.ts';
import type { PuppeteerPdfPrinter } from './puppeteer-pdf-printer.ts';
import type { FontReport } from '../../render/fonts.ts';

export function createFsSampleSource(root = 'samples'): SampleSource {
  const cache = new Map<string, unknown>();
  return {
    list: (filingId) => (existsSync(join(root, filingId)) ? validSamples(filingId, root).map((p) => basename(p, '.json')) : []),
    get(filingId, name) {
      const key = `${filingId}/${name}`;
      if (!cache.has(key)) {
        const path = validSamples(filingId, root).find((p) => basename(p, '.json') === name);
        if (!path) return undefined;
        cache.set(key, JSON.parse(readFileSync(path, 'utf8')));
      }
      return structuredClone(cache.get(key));
    },
  };
}

export function createSwaggerAssets(): DocsAssets {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const files: Record<string, { body: Uint8Array; type: string }> = {
    'swagger-ui.css': { body: readFileSync(join(dir, 'swagger-ui.css')), type: 'text/css; charset=utf-8' },
    'swagger-ui-bundle.js': { body: readFileSync(join(dir, 'swagger-ui-bundle.js')), type: 'text/javascript; charset=utf-8' },
    'init.js': { body: new TextEncoder().encode(DOCS_INIT_JS), type: 'text/javascript; charset=utf-8' },
  };
  return { get: (file) => files[file] };
}

/**
 * Browser health: a connected browser is healthy; otherwise one launch is tried. The answer is cached for 2 s,
 * and it takes two failures in a row to report unhealthy, so one slow probe does not flap readiness.
 */
export function createBrowserReadiness(printer: PuppeteerPdfPrinter, queueLimit: number, fonts?: Pick<FontReport, 'resolved'>): ReadinessProbe {
  let cached: { at: number; ok: boolean; detail?: string } | null = null;
  let failures = 0;
  return {
    async browser() {
      if (cached && Date.now() - cached.at < 2000) return cached.detail ? { ok: cached.ok, detail: cached.detail } : { ok: cached.ok };
      let ok = printer.snapshot().connected;
      let detail: string | undefined;
      if (!ok) {
        try {
          await printer.warm();
          ok = true;
        } catch (e) {
          detail = e instanceof Error ? e.message : String(e);
        }
      }
      failures = ok ? 0 : failures + 1;
      cached = { at: Date.now(), ok: ok || failures < 2, ...(detail ? { detail } : {}) };
      return detail ? { ok: cached.ok, detail } : { ok: cached.ok };
    },
    queue() {
      const s = printer.snapshot();
      return { active: s.active, queued: s.queued, limit: queueLimit };
    },
    ...(fonts ? { fonts: () => fonts.resolved.map((f) => ({ role: f.role, family: f.family, kind: f.kind })) } : {}),
  };
}

/**
 * The client's address: the value of a header a trusted reverse proxy sets (its last entry, the one the proxy
 * appended), or else the socket's peer. Requests made in-process (app.request) have neither.
 */
export function nodeClientAddress(header: string | undefined): (c: Context<AppEnv>) => string | undefined {
  return (c) => {
    if (header) return c.req.header(header)?.split(',').at(-1)?.trim() || undefined;
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined;
    }
  };
}

/** The workbench's bundled client script and stylesheet (scripts/build-client.ts writes them). */
export async function loadUiAssets(path = '.generated/workbench-assets.js'): Promise<UiAssets> {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  const mod = (await import(pathToFileURL(path).href)) as { default: { version: string; files: Record<string, { type: string; body: string }> } };
  return { version: mod.default.version, get: (file) => mod.default.files[file] };
}
