// The real Node server on loopback: it starts on its defaults, renders over HTTP with the real browser, refuses an
// oversized chunked body, and on SIGTERM finishes the render in flight before closing browser and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { samplesOf } from './support/samples.ts';
import { pdfText } from './support/documents.ts';
import { SERVICE_ARGS } from './support/service-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'filing-server-'));
const dbPath = join(dir, 'service.db');
let server: ChildProcess;
let base = '';
let key = '';
let output = '';
const body = JSON.stringify(samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input);

beforeAll(async () => {
  const store = new SqliteStore(dbPath);
  key = (await createApiKey(store, { name: 'server test', role: 'admin', now: new Date().toISOString() })).secret;
  await store.close();
  server = spawn(process.execPath, SERVICE_ARGS, { env: { ...process.env, PORT: '0', HOST: '127.0.0.2', DATABASE_PATH: dbPath, PDF_CONCURRENCY: '2' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  // Start-up waits for the browser and the database; a loaded machine can take far longer than an idle one.
  for (const until = Date.now() + 120_000; Date.now() < until && !base; ) {
    const m = /listening on (http:\/\/[^\s]+)/.exec(output);
    if (m) base = m[1]!;
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`server did not start:\n${output}`);
  // HOST and PORT are honoured: a loopback address other than the default, and a port the system chose.
  expect(base).toMatch(/^http:\/\/127\.0\.0\.2:[1-9]\d*$/);
}, 150_000);
afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

const auth = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

it('serves a PDF from the real browser over HTTP, and the OpenAPI document', async () => {
  const res = await fetch(`${base}/v1/filings/acceptance-extension/render?format=pdf`, { method: 'POST', headers: auth(), body });
  expect(res.status).toBe(200);
  expect(pdfText(new Uint8Array(await res.arrayBuffer()))).toContain('延期验收');
  expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);
  // Which face each type role resolved to: here the installed stand-ins (no licensed fonts on this machine).
  const fonts = ((await ready.json()) as { fonts: Array<{ role: string; family: string | null; kind: string }> }).fonts;
  expect(fonts.find((f) => f.role === 'body')).toEqual({ role: 'body', family: 'FandolFang', kind: 'stand-in' });
  expect(fonts.every((f) => f.kind !== 'fallback')).toBe(true);
});

it('answers an oversized chunked body with 413 before reading it all', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(`${base}/v1/filings/acceptance-extension/render`);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...auth(), 'transfer-encoding': 'chunked' } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on('error', reject);
    const chunk = 'x'.repeat(64 * 1024);
    let n = 0;
    const write = () => {
      while (n < 64) {
        n++;
        if (!req.write(chunk)) return req.once('drain', write);
      }
      req.end();
    };
    write();
  });
  expect(status).toBe(413);
});

it('drains on SIGTERM: the render in flight completes, new work is refused, then it exits cleanly', async () => {
  const inflight = fetch(`${base}/v1/filings/acceptance-extension/render?format=pdf&locale=bilingual`, { method: 'POST', headers: auth(), body });
  // Signalled once the render holds its place at the printer, and asked again once the service says it drains: no
  // fixed sleep, which a loaded machine can outrun either way.
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 10))) {
    const ready = (await (await fetch(`${base}/ready`)).json()) as { checks: { queue: { active: number; queued: number } } };
    if (ready.checks.queue.active + ready.checks.queue.queued > 0) break;
  }
  server.kill('SIGTERM');
  for (const until = Date.now() + 30_000; !output.includes('SIGTERM: draining') && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
  const late = await fetch(`${base}/v1/filings`, { headers: auth() }).then(
    (r) => r.status,
    () => 'refused',
  );
  expect([503, 'refused']).toContain(late);
  const res = await inflight;
  expect(res.status).toBe(200);
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  const code = await new Promise<number | null>((r) => (server.exitCode !== null ? r(server.exitCode) : server.once('exit', (c) => r(c))));
  expect(code).toBe(0);
  expect(output).toContain('"msg":"stopped"');
  // The whole secret part (a base64url secret may itself hold '_').
  expect(output).not.toContain(key.split('_').slice(2).join('_'));

  // Every render that answered is in the audit log, and the database is sound.
  const db = new DatabaseSync(dbPath);
  expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
  const rows = db.prepare("SELECT outcome FROM generations WHERE format = 'pdf'").all() as Array<{ outcome: string }>;
  expect(rows.filter((r) => r.outcome === 'ok').length).toBe(2);
  db.close();
});
