// The service started from its TypeScript sources (`node src/runtime/node/main.ts`, as the README offers for
// development) works as the bundle `npm start` runs does: its threads and migrations are found from src/.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { docxParts } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'filing-source-'));
const key = randomBytes(24).toString('base64url');
let server: ChildProcess | undefined;
afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
});

it('serves, renders with the environment key and stops, started from src/runtime/node/main.ts', async () => {
  server = spawn(process.execPath, ['src/runtime/node/main.ts'], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), ADMIN_API_KEY: key, RENDER_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let base = '';
  for (const until = Date.now() + 120_000; Date.now() < until && !base; ) {
    base = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    if (!base) await new Promise((r) => setTimeout(r, 50));
  }
  expect(base, output).not.toBe('');
  const sample = samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!;
  // The render goes through a render worker (a thread entry found from src/) and is audited (the migrations too).
  const res = await fetch(`${base}/v1/filings/acceptance-extension/render?format=docx`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(sample.input) });
  expect(res.status).toBe(200);
  expect(docxParts(new Uint8Array(await res.arrayBuffer())).text).toContain('国家政务数据共享交换平台（二期）工程');
  const audit = (await (await fetch(`${base}/v1/generations`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: Array<{ filingId: string; outcome: string }> };
  expect(audit.items).toContainEqual(expect.objectContaining({ filingId: 'acceptance-extension', outcome: 'ok' }));
  server.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => (server!.exitCode !== null ? r(server!.exitCode) : server!.once('exit', (c) => r(c))));
  expect(code).toBe(0);
  expect(output).toContain('"msg":"stopped"');
}, 150_000);
