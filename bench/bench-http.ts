// npm run bench:http [-- --seconds 20] : the service over loopback. DOCX at concurrency 8, PDF at concurrency 4,
// against the in-process render and bare puppeteer measured in the same run; then an overload run (PDF at 64).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { loadConfig } from '../src/config.ts';
import { FILINGS } from '../src/core/filings/index.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { chromiumArgs } from '../src/runtime/node/puppeteer-pdf-printer.ts';
import { createNodeRenderServices } from '../src/runtime/node/services.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { median, percentile, mb, ms, timeEach, treeRss } from './support.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } } });
const seconds = Number(values.seconds);
const config = loadConfig(process.env);

// The largest sample of all filings.
const all = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filingId: f.id, path: p, size: statSync(p).size })));
const biggest = all.sort((a, b) => b.size - a.size)[0]!;
const body = readFileSync(biggest.path, 'utf8');
const input = JSON.parse(body);
console.log(`sample: ${biggest.path} (${(biggest.size / 1024).toFixed(0)} KB)`);

// In-process figures first, before any HTTP connection exists (the c8 loop holds the event loop while it runs).
// In-process reference for the same DOCX, and bare puppeteer for the same HTML, in this run.
const local = await createNodeRenderServices(config);
await timeEach(5, () => renderFiling(local, { filingId: biggest.filingId, format: 'docx', locale: 'zh-CN', input }));
const inproc = median(await timeEach(30, () => renderFiling(local, { filingId: biggest.filingId, format: 'docx', locale: 'zh-CN', input })));
// The same eight-at-once load without HTTP: eight callers sharing one event loop, each starting its next render as soon
// as the last one returns, so a render's time includes waiting for the others, as over HTTP. (Yielding to the event
// loop between renders would let each render run alone and measure one at a time instead.)
const inprocC8: number[] = [];
const c8End = performance.now() + Math.min(10, seconds) * 1000;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (performance.now() < c8End) {
      const t = performance.now();
      await renderFiling(local, { filingId: biggest.filingId, format: 'docx', locale: 'zh-CN', input });
      inprocC8.push(performance.now() - t);
    }
  }),
);
const html = new TextDecoder().decode((await renderFiling(local, { filingId: biggest.filingId, format: 'html', locale: 'zh-CN', input })).bytes);
await local.close();

const dir = mkdtempSync(join(tmpdir(), 'filing-bench-'));
const store = new SqliteStore(join(dir, 'db.sqlite'));
const key = (await createApiKey(store, { name: 'bench', role: 'admin', now: new Date().toISOString() })).secret;
await store.close();
const server = spawn(process.execPath, ['src/runtime/node/main.ts'], {
  env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'db.sqlite'), RATE_LIMIT_PER_MINUTE: '100000', PDF_QUEUE_LIMIT: '16' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
let base = '';
for (let i = 0; i < 400 && !base; i++) {
  base = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
  if (!base) await new Promise((r) => setTimeout(r, 50));
}
const url = (format: string) => `${base}/v1/filings/${biggest.filingId}/render?format=${format}`;
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
const post = async (format: string) => {
  const t = performance.now();
  const res = await fetch(url(format), { method: 'POST', headers, body });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t, retryAfter: res.headers.get('retry-after') };
};

async function load(format: string, concurrency: number, durationS: number) {
  const lat: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + durationS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await post(format);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 200) lat.push(r.ms);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const errors = Object.entries(statuses).filter(([s]) => s !== '200').reduce((a, [, n]) => a + n, 0);
  return { rps: lat.length / elapsed, p50: median(lat), p99: percentile(lat, 99), errors, statuses };
}

const rss = () => treeRss(server.pid!);
// Warm-up exercises what the runs use: DOCX, and the PDF pool with all its tabs busy.
for (let i = 0; i < 5; i++) await post('docx');
await load('pdf', 4, Math.min(5, seconds));
await load('docx', 8, Math.min(3, seconds));
const rssWarm = rss();
console.log(`RSS after warm-up (server + Chromium): ${mb(rssWarm)}`);


const docx = await load('docx', 8, seconds);
console.log(
  `DOCX c8 ${seconds}s: ${docx.rps.toFixed(1)} req/s, p50 ${ms(docx.p50)}, p99 ${ms(docx.p99)}, errors ${docx.errors} | in-process c8 p50 ${ms(median(inprocC8))} → ${(docx.p50 / median(inprocC8)).toFixed(2)}× (target ≤ 1.5); in-process c1 p50 ${ms(inproc)}`,
);
// At concurrency 8 requests queue behind each other on one event loop; the latency of one request alone is the fair comparison.
const single = median(await timeEach(20, async () => (await post('docx')).ms));
console.log(`DOCX one at a time over HTTP p50 ${ms(single)} = ${(single / inproc).toFixed(2)}× in-process (target ≤ 1.5)`);

const pdf = await load('pdf', 4, seconds);
const browser = await puppeteer.launch({ executablePath: config.CHROMIUM_PATH, headless: true, args: chromiumArgs() });
const pages = await Promise.all(Array.from({ length: 4 }, () => browser.newPage()));
const bareEnd = performance.now() + seconds * 1000;
let bareDone = 0;
const bareT0 = performance.now();
await Promise.all(
  pages.map(async (p) => {
    while (performance.now() < bareEnd) {
      await p.setContent(html, { waitUntil: 'load' });
      await p.pdf({ preferCSSPageSize: true, printBackground: true });
      bareDone++;
    }
  }),
);
const bareRps = bareDone / ((performance.now() - bareT0) / 1000);
await browser.close();
console.log(`PDF  c4 ${seconds}s: ${pdf.rps.toFixed(2)} req/s, p50 ${ms(pdf.p50)}, p99 ${ms(pdf.p99)}, errors ${pdf.errors} | bare puppeteer c4 ${bareRps.toFixed(2)}/s → ${((pdf.rps / bareRps) * 100).toFixed(0)}% (target ≥ 90%)`);

// Overload: far more PDF requests than tabs plus queue. They must be answered quickly, not hang.
const over = await Promise.all(Array.from({ length: 64 }, () => post('pdf')));
const refused = over.filter((r) => r.status === 429 || r.status === 503);
const refusedMs = refused.map((r) => r.ms);
console.log(
  `PDF  overload c64: ${over.filter((r) => r.status === 200).length} ok, ${refused.length} refused (${[...new Set(refused.map((r) => r.status))].join('/')}, Retry-After ${refused[0]?.retryAfter ?? '-'}), refusals answered in p50 ${refusedMs.length ? ms(median(refusedMs)) : '-'} / max ${refusedMs.length ? ms(Math.max(...refusedMs)) : '-'}, other ${over.length - refused.length - over.filter((r) => r.status === 200).length}`,
);
const ready = await fetch(`${base}/ready`);
const rssAfter = rss();
console.log(`after the runs: /ready ${ready.status}, RSS ${mb(rssAfter)} = ${((rssAfter / rssWarm) * 100).toFixed(0)}% of warm (target ≤ 120%)`);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
