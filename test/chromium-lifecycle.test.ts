// Chromium is tied to the service: after kill -9 of the service (no clean-up runs) no Chromium process of it remains,
// and the profile folder it could not remove is removed by the next start. Each server here has its own TMPDIR, so
// only its own browser and folders are looked at.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SERVICE_ARGS } from './support/service-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'filing-lifecycle-'));
const tmp = join(dir, 'tmp');
mkdirSync(tmp);
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) if (p.exitCode === null) p.kill('SIGKILL');
});

/** Processes whose command line names a profile folder under this test's TMPDIR. */
function browsersOf(root: string): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(`--user-data-dir=${root}/filing-chromium-`)) pids.push(Number(d));
    } catch {
      /* ended meanwhile */
    }
  }
  return pids;
}

async function startServer(): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, SERVICE_ARGS, {
    env: { ...process.env, TMPDIR: tmp, PORT: '0', DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), RENDER_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(server);
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let base = '';
  for (let i = 0; i < 600 && !base; i++) {
    base = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    if (!base) await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`server did not start:\n${out}`);
  return { server, base };
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

it('leaves no Chromium process behind after kill -9, and the next start removes the profile folder left', async () => {
  const first = await startServer();
  // The service warms its browser at start; readiness reports it once it is up.
  expect(await until(() => browsersOf(tmp).length > 0, 30_000)).toBe(true);
  const profiles = readdirSync(tmp).filter((n) => n.startsWith('filing-chromium-'));
  expect(profiles).toEqual([expect.stringMatching(new RegExp(`^filing-chromium-${first.server.pid}-`))]);

  first.server.kill('SIGKILL');
  // The DevTools pipe closes with the service; the browser and its children exit.
  expect(await until(() => browsersOf(tmp).length === 0, 20_000)).toBe(true);
  expect(existsSync(join(tmp, profiles[0]!))).toBe(true);

  const second = await startServer();
  expect(await until(() => browsersOf(tmp).length > 0, 30_000)).toBe(true);
  expect(await until(() => !existsSync(join(tmp, profiles[0]!)), 10_000)).toBe(true);
  expect((await fetch(`${second.base}/health`)).status).toBe(200);
  second.server.kill('SIGTERM');
  await new Promise((r) => second.server.once('exit', r));
  expect(await until(() => browsersOf(tmp).length === 0, 20_000)).toBe(true);
});
