// The main thread only routes: with the heaviest legal requests running at once (four renders of the largest legal
// input, a sixteen-document package, the lint of an 8 MiB document.xml and of a template nested 5,000 deep), /health
// keeps answering on the real server. Counts and a generous bound, not a target: npm run bench:http prints the p99.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { bigDocumentXmlTemplate, deepSubexpressionTemplate, largestLegalInput, sixteenDocumentPackage } from './support/worst-inputs.ts';
import { SERVICE_ARGS } from './support/service-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'filing-load-'));
let server: ChildProcess;
let base = '';
let key = '';

beforeAll(async () => {
  const store = new SqliteStore(join(dir, 'db.sqlite'));
  key = (await createApiKey(store, { name: 'load', role: 'admin', now: new Date().toISOString() })).secret;
  await store.close();
  server = spawn(process.execPath, SERVICE_ARGS, {
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), RATE_LIMIT_PER_MINUTE: '100000', RENDER_CACHE_MAX_BYTES: '0', RENDER_TIMEOUT_MS: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600 && !base; i++) {
    base = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    if (!base) await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`server did not start:\n${out}`);
});
afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

const auth = { authorization: `Bearer ${key}` };
const post = (path: string, body: BodyInit, json = true) => fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, ...(json ? { 'content-type': 'application/json' } : {}) }, body });

function upload(version: string, files: { docx?: Uint8Array; html?: string }): FormData {
  const form = new FormData();
  form.append('version', version);
  form.append('effectiveFrom', '2030-01-01');
  form.append('regulationBasis', '负载测试 load test');
  if (files.docx) form.append('docx', new File([files.docx as Uint8Array<ArrayBuffer>], 'big.docx'));
  if (files.html !== undefined) form.append('html', new File([files.html], 'deep.hbs'));
  return form;
}

it('keeps answering /health while the heaviest legal requests run', async () => {
  const big = JSON.stringify(largestLegalInput());
  const pkg = JSON.stringify(sixteenDocumentPackage());
  const bigDocx = bigDocumentXmlTemplate();
  const deep = deepSubexpressionTemplate();
  // Warm the workers (their first job compiles the templates) so the run below measures the steady state.
  expect((await post('/v1/filings/feasibility-study/render?format=docx', big)).status).toBe(200);

  const latencies: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${base}/health`, { headers: auth });
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const t0 = performance.now();
  const statuses = await Promise.all([
    ...Array.from({ length: 4 }, () => post('/v1/filings/feasibility-study/render?format=docx', big).then((r) => r.status)),
    post('/v1/packages', pkg).then((r) => r.status),
    post('/v1/templates/feasibility-study/versions', upload('8.8.8', { docx: bigDocx }), false).then((r) => r.status),
    post('/v1/templates/feasibility-study/versions', upload('8.8.9', { html: deep }), false).then((r) => r.status),
  ]);
  const elapsed = performance.now() - t0;
  running = false;
  await poll;

  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  // The lints answer for themselves (accepted or refused with the problems), never a server fault.
  for (const s of statuses.slice(5)) expect([201, 422]).toContain(s);
  // /health was answered all along: about one poll per 25 ms of the run, and none held anywhere near as long as one
  // of those requests takes (each took seconds on the event loop before). The bound grows with the run, which grows
  // with the load other processes put on the machine: the main thread's own share (reading and parsing the bodies)
  // stretches with it.
  expect(latencies.length).toBeGreaterThan(elapsed / 25 / 4);
  // A blocked loop holds one poll for the whole of the synchronous work (seconds per request, most of the run); the
  // bound leaves room for a machine busy with other processes (one second and more seen under load).
  expect(Math.max(...latencies)).toBeLessThan(Math.max(2000, elapsed / 3));
});
