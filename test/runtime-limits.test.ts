// The service under its limits, through the composed Node app: a request refused before its body is read when the
// workers or the printer are full, a job past its budget answered (render_timeout, or 422 for a lint) with its worker
// replaced, a database lock held too long answered 503 database_busy while /health and /ready keep answering, the
// render cache, and a template that tries to fetch flagged in the log and the audit record.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateRepository } from '../src/core/ports.ts';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { samplesOf } from './support/samples.ts';
import { pdfText } from './support/documents.ts';

const FILING = 'acceptance-extension';
const input = () => samplesOf(FILING).find((s) => s.name === 'national-data-sharing-platform')!.input as Record<string, unknown>;
const body = () => JSON.stringify(input());
let node: NodeApp | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

async function compose(vars: Record<string, string> = {}, log: (e: Record<string, unknown>) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'filing-limits-'));
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), RATE_LIMIT_PER_MINUTE: '100000', ...vars }, log);
  await node.services.pool?.ready();
  const key = (await createApiKey(node.store, { name: 'limits', role: 'admin', now: new Date().toISOString() })).secret;
  const call = (path: string, init: RequestInit = {}) => node!.app.request(path, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  return { dir, call, key };
}

/** A request body that sends its first half and then waits: the request stays in flight, unread to the end. */
function heldBody(text: string): { stream: ReadableStream<Uint8Array>; finish(): void } {
  const bytes = new TextEncoder().encode(text);
  let finish = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(ctl) {
      ctl.enqueue(bytes.slice(0, bytes.length >> 1));
      finish = () => {
        ctl.enqueue(bytes.slice(bytes.length >> 1));
        ctl.close();
      };
    },
  });
  return { stream, finish: () => finish() };
}
const streaming = (stream: ReadableStream<Uint8Array>) => ({ method: 'POST', body: stream, duplex: 'half' }) as RequestInit;

describe('refusal before work', () => {
  it('answers 503 queue_full at once, before reading the body, when the workers and their queue are taken', async () => {
    const { call } = await compose({ RENDER_WORKERS: '1', RENDER_QUEUE_LIMIT: '0' });
    const first = heldBody(body());
    const inFlight = call(`/v1/filings/${FILING}/render?format=docx`, streaming(first.stream));
    await new Promise((r) => setTimeout(r, 100));
    // This one's body never ends: only an answer that does not read it can come back.
    const never = heldBody(body());
    const refused = await call(`/v1/filings/${FILING}/render?format=html`, streaming(never.stream));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({ code: 'queue_full' });
    expect((await call(`/v1/packages`, { method: 'POST', body: JSON.stringify({ documents: [{ filing: FILING, format: 'docx', data: input() }] }) })).status).toBe(503);
    first.finish();
    expect((await inFlight).status).toBe(200);
    expect((await call(`/v1/filings/${FILING}/render?format=docx`, { method: 'POST', body: body() })).status).toBe(200);
  });

  it('does the same at the printer for PDFs, and refuses a package with PDFs before rendering any of it', async () => {
    const { call } = await compose({ PDF_CONCURRENCY: '1', PDF_QUEUE_LIMIT: '0' });
    const first = heldBody(body());
    const inFlight = call(`/v1/filings/${FILING}/render?format=pdf`, streaming(first.stream));
    await new Promise((r) => setTimeout(r, 100));
    const refused = await call(`/v1/filings/${FILING}/render?format=pdf`, streaming(heldBody(body()).stream));
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: 'queue_full' });
    const before = (await (await call('/v1/generations?limit=500')).json()) as { items: unknown[] };
    const pkg = await call('/v1/packages', { method: 'POST', body: JSON.stringify({ documents: [{ filing: FILING, format: 'docx', data: input() }, { filing: FILING, format: 'pdf', data: input() }] }) });
    expect(pkg.status).toBe(503);
    expect(await pkg.json()).toMatchObject({ code: 'queue_full' });
    // Not even the DOCX before the PDF was rendered: nothing is recorded.
    expect(((await (await call('/v1/generations?limit=500')).json()) as { items: unknown[] }).items).toHaveLength(before.items.length);
    first.finish();
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(pdfText(new Uint8Array(await done.arrayBuffer()))).toContain('延期验收');
  });
});

describe('a job past its budget', () => {
  it('is answered render_timeout (503), or a lint error (422); its worker is replaced and the service carries on', async () => {
    const { call, key } = await compose({ RENDER_TIMEOUT_MS: '1', RENDER_WORKERS: '1' });
    const first = node!.services.pool!.threadIds();
    const res = await call(`/v1/filings/${FILING}/render?format=docx`, { method: 'POST', body: body() });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).not.toBeNull();
    expect(await res.json()).toMatchObject({ code: 'render_timeout', timeoutMs: 1 });
    const form = new FormData();
    form.append('version', '9.9.9');
    form.append('effectiveFrom', '2030-01-01');
    form.append('regulationBasis', '测试');
    form.append('docx', new File([readFileSync(`templates/${FILING}/1.0.0/${FILING}.docx`)], 't.docx'));
    form.append('html', new File([readFileSync(`templates/${FILING}/1.0.0/${FILING}.hbs`)], 't.hbs'));
    const lint = await node!.app.request(`/v1/templates/${FILING}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${key}` } });
    expect(lint.status).toBe(422);
    expect(await lint.json()).toMatchObject({ code: 'template_lint_failed', problems: [expect.objectContaining({ code: 'lint_timeout' })] });
    expect(node!.services.pool!.stats().timeouts).toBeGreaterThanOrEqual(2);
    expect(node!.services.pool!.threadIds()).not.toEqual(first);
    expect((await node!.app.request('/health')).status).toBe(200);
  });
});

describe('a database lock held by another process', () => {
  it('is answered 503 database_busy once the wait runs out, while /health and /ready answer at once', async () => {
    const { dir, call } = await compose({ DB_BUSY_TIMEOUT_MS: '2000' });
    const other = new DatabaseSync(join(dir, 'db.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      let healthAnswers = 0;
      let polling = true;
      const poll = (async () => {
        while (polling) {
          expect((await node!.app.request('/health')).status).toBe(200);
          healthAnswers++;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const order: string[] = [];
      const rendering = Promise.resolve(call(`/v1/filings/${FILING}/render?format=html`, { method: 'POST', body: body() })).then((r) => (order.push('render'), r));
      // /ready, asked after the render started waiting, answers first: it makes one short attempt, not the 2 s wait.
      await new Promise((r) => setTimeout(r, 100));
      const ready = await node!.app.request('/ready');
      order.push('ready');
      const res = await rendering;
      polling = false;
      await poll;
      expect(order).toEqual(['ready', 'render']);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(await res.json()).toMatchObject({ code: 'database_busy' });
      // The loop was never held: /health kept answering while the render waited 2 s for the lock (a wait inside the
      // driver would have held every answer for all of it).
      expect(healthAnswers).toBeGreaterThan(10);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', checks: { database: { ok: false } } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await call(`/v1/filings/${FILING}/render?format=html`, { method: 'POST', body: body() })).status).toBe(200);
  });
});

describe('the render cache', () => {
  it('answers the same request again from the cache (same bytes, marked, audited), until a version changes', async () => {
    const { call } = await compose();
    const url = `/v1/filings/${FILING}/render?format=docx`;
    const first = await call(url, { method: 'POST', body: body() });
    expect(first.headers.get('x-render-cache')).toBe('miss');
    const again = await call(url, { method: 'POST', body: body() });
    expect(again.headers.get('x-render-cache')).toBe('hit');
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    // Another locale, or another input, is another document.
    expect((await call(`${url}&locale=en`, { method: 'POST', body: body() })).headers.get('x-render-cache')).toBe('miss');
    expect((await call(url, { method: 'POST', body: JSON.stringify({ ...input(), documentNumber: undefined }, null, 1) })).headers.get('x-render-cache')).toBe('miss');
    const log = (await (await call('/v1/generations?limit=4')).json()) as { items: Array<{ cacheHit: boolean; outcome: string }> };
    expect(log.items.map((g) => g.cacheHit)).toEqual([false, false, true, false]);
    // Publishing a version of the filing empties its part of the cache.
    const repo = node!.services.templates as TemplateRepository;
    const now = new Date().toISOString();
    await repo.createDraft({ filingId: FILING, version: '1.0.1', effectiveFrom: '2099-01-01', regulationBasis: ['测试'], docx: await repo.docx(FILING, '1.0.0'), html: await repo.htmlSource(FILING, '1.0.0'), now });
    const published = await call(`/v1/templates/${FILING}/versions/1.0.1/publish`, { method: 'POST' });
    expect(published.status).toBe(200);
    expect((await call(url, { method: 'POST', body: body() })).headers.get('x-render-cache')).toBe('miss');
  });

  it('is off with RENDER_CACHE_MAX_BYTES=0', async () => {
    const { call } = await compose({ RENDER_CACHE_MAX_BYTES: '0' });
    for (let i = 0; i < 2; i++) expect((await call(`/v1/filings/${FILING}/render?format=html`, { method: 'POST', body: body() })).headers.get('x-render-cache')).toBe('miss');
  });
});

describe('a template that tries to fetch', () => {
  it('prints all the same, and every blocked request is logged with the request id and flagged in the audit record', async () => {
    const logged: Array<Record<string, unknown>> = [];
    const { call } = await compose({}, (e) => logged.push(e));
    // Stored without the lint, as a version from before a lint that would have caught it.
    const repo = node!.services.templates as TemplateRepository;
    const html = (await repo.htmlSource(FILING, '1.0.0')).replace('<body class="layout-letter">', '<body class="layout-letter"><img src="http://127.0.0.1:9/tracker.png" alt="">');
    await repo.createDraft({ filingId: FILING, version: '1.0.2', effectiveFrom: '2020-02-01', regulationBasis: ['测试'], docx: await repo.docx(FILING, '1.0.0'), html, now: new Date().toISOString() });
    await repo.publish(FILING, '1.0.2', { now: new Date().toISOString() });
    const res = await call(`/v1/filings/${FILING}/render?format=pdf&version=1.0.2`, { method: 'POST', body: body() });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-blocked-requests')).toBe('1');
    const requestId = res.headers.get('x-request-id');
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'blocked request', requestId, url: 'http://127.0.0.1:9/tracker.png', type: 'image' }));
    const log = (await (await call('/v1/generations?limit=1')).json()) as { items: Array<{ blockedRequests: string[]; templateVersion: string }> };
    expect(log.items[0]).toMatchObject({ templateVersion: '1.0.2', blockedRequests: ['image http://127.0.0.1:9/tracker.png'] });
    const clean = await call(`/v1/filings/${FILING}/render?format=pdf&version=1.0.0`, { method: 'POST', body: body() });
    expect(clean.headers.get('x-blocked-requests')).toBe('0');
  });
});
