// `Expect: 100-continue` on the real Node server: `100 Continue` goes out only when the handler reads the body, so a
// request refused first (503 queue_full, 401) is answered without its body ever crossing the wire, on a connection
// then closed; requests without Expect keep their keep-alive connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';
import { SERVICE_ARGS } from './support/service-command.ts';

const FILING = 'acceptance-extension';
const TITLE = '国家政务数据共享交换平台（二期）工程';
const body = Buffer.from(JSON.stringify(samplesOf(FILING).find((s) => s.name === 'national-data-sharing-platform')!.input));
const key = randomBytes(24).toString('base64url');
const dir = mkdtempSync(join(tmpdir(), 'filing-expect-'));
let server: ChildProcess;
let output = '';
let host = '';
let port = 0;

beforeAll(async () => {
  // One worker and no queue: a single request in flight takes every render place.
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), ADMIN_API_KEY: key, RENDER_WORKERS: '1', RENDER_QUEUE_LIMIT: '0', RATE_LIMIT_PER_MINUTE: '100000' };
  server = spawn(process.execPath, SERVICE_ARGS, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  for (const until = Date.now() + 120_000; Date.now() < until && !port; ) {
    const m = /listening on http:\/\/([^\s:]+):(\d+)/.exec(output);
    if (m) [host, port] = [m[1]!, Number(m[2])];
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!port) throw new Error(`server did not start:\n${output}`);
}, 150_000);
afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

interface Sent {
  req: ClientRequest;
  /** Whether the server sent `100 Continue` (so far). */
  continued(): boolean;
  response: Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>;
  /** Settles when the connection is closed; the client never closes it itself (its request may be unfinished). */
  closed: Promise<void>;
}

interface SendOptions {
  expectContinue?: boolean;
  auth?: boolean;
  agent?: Agent | false;
  /** What to do on `100 Continue` (default: send the whole body). */
  onContinue?: (req: ClientRequest) => void;
}

/** A raw HTTP/1.1 request; with expectContinue its body is sent only once the server says `100 Continue`. */
function send(path: string, { expectContinue = false, auth = true, agent = false, onContinue = (r) => r.end(body) }: SendOptions = {}): Sent {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(body.length) };
  if (auth) headers.authorization = `Bearer ${key}`;
  if (expectContinue) headers.expect = '100-continue';
  const req = httpRequest({ host, port, path, method: 'POST', headers, agent });
  let continued = false;
  req.on('continue', () => {
    continued = true;
    onContinue(req);
  });
  const closed = new Promise<void>((resolve) => req.once('socket', (s) => s.once('close', () => resolve())));
  const response = new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
  });
  if (expectContinue) req.flushHeaders();
  else req.end(body);
  return { req, continued: () => continued, response, closed };
}

const render = (format: string) => `/v1/filings/${FILING}/render?format=${format}`;

describe('Expect: 100-continue', () => {
  it('sends 100 Continue when the render reads the body, renders it, and keeps the connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = send(render('docx'), { expectContinue: true, agent });
      const res = await first.response;
      expect(first.continued()).toBe(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(docxParts(new Uint8Array(res.body)).text).toContain(TITLE);
      // The body was asked for and sent: the connection carries on.
      expect(res.headers.connection).toBe('keep-alive');
      const second = send(render('html'), { expectContinue: true, agent });
      expect((await second.response).status).toBe(200);
      expect(second.req.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  }, 60_000);

  it('answers 503 queue_full with Retry-After before the body is sent when the workers and queue are full, and closes', async () => {
    // The held request says 100 Continue once it has its place (the handler reads after admission), then sends half.
    let admitted = () => {};
    const place = new Promise<void>((r) => (admitted = r));
    const held = send(render('docx'), { expectContinue: true, onContinue: (r) => (r.write(body.subarray(0, body.length >> 1)), admitted()) });
    await place;

    for (const path of [render('html'), '/v1/packages']) {
      const refused = send(path, { expectContinue: true });
      const res = await refused.response;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'queue_full' });
      // Ambiguous from here on (the body may come after all), so the server ends the connection: the client, whose
      // request is unfinished, never closes it itself.
      expect(res.headers.connection).toBe('close');
      await refused.closed;
      // The client writes its body only on 'continue': it never came, so the body never crossed the wire.
      expect(refused.continued()).toBe(false);
    }

    held.req.end(body.subarray(body.length >> 1));
    const done = await held.response;
    expect(done.status).toBe(200);
    expect(docxParts(new Uint8Array(done.body)).text).toContain(TITLE);
    // The place is free again: the next one is asked for its body.
    const next = send(render('html'), { expectContinue: true });
    expect((await next.response).status).toBe(200);
    expect(next.continued()).toBe(true);
  }, 60_000);

  it('answers 401 without 100 Continue; requests without Expect keep their keep-alive connection', async () => {
    const unauthenticated = send(render('docx'), { expectContinue: true, auth: false });
    const res = await unauthenticated.response;
    expect(res.status).toBe(401);
    expect(res.headers.connection).toBe('close');
    await unauthenticated.closed;
    expect(unauthenticated.continued()).toBe(false);

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = send(render('html'), { agent });
      const a = await first.response;
      expect(a.status).toBe(200);
      expect(a.body.toString()).toContain(TITLE);
      expect(a.headers.connection).toBe('keep-alive');
      expect(first.continued()).toBe(false);
      const second = send(render('html'), { agent });
      expect((await second.response).status).toBe(200);
      expect(second.req.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  }, 60_000);

  it('logs a client that drops its connection mid-body at info, not as a service error', async () => {
    const before = output.length;
    const dropped = send(render('docx'), { expectContinue: true, onContinue: (r) => r.write(body.subarray(0, body.length >> 1)) });
    dropped.response.catch(() => {});
    for (const until = Date.now() + 10_000; !dropped.continued() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
    expect(dropped.continued()).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    dropped.req.destroy();
    const said = () => output.slice(before).split('\n').filter((l) => l.startsWith('{'));
    for (const until = Date.now() + 10_000; !said().some((l) => l.includes('ended by the client')) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
    const lines = said().map((l) => JSON.parse(l) as { level: string; msg?: string; code?: string });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'request ended by the client before its answer' }));
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    // The place it held is given back: the next render is served.
    const next = send(render('html'), { expectContinue: true });
    expect((await next.response).status).toBe(200);
  }, 60_000);

  it('stays healthy afterwards and exits cleanly on SIGTERM', async () => {
    const health = await fetch(`http://${host}:${port}/health`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => (server.exitCode !== null ? r(server.exitCode) : server.once('exit', (c) => r(c))));
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain(key);
  }, 60_000);
});
