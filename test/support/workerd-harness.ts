// The Worker on workerd with local D1 and R2, offline, as `wrangler dev` runs it: the migrations are applied the way a
// deployment applies them (`wrangler d1 migrations apply DB --local`), then wrangler bundles src/runtime/workers/main.ts
// with wrangler.toml and serves it on a loopback port. Cron Triggers are fired through wrangler's scheduled route.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unstable_dev } from 'wrangler';

const WRANGLER = resolve('node_modules/wrangler/bin/wrangler.js');
// wrangler needs Node ≥ 22.12: the project's own Node 24 (the `node` package), whichever Node runs the tests.
const NODE = existsSync('node_modules/.bin/node') ? resolve('node_modules/.bin/node') : process.execPath;
const QUIET = { WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' };

export function wranglerCli(args: string[]): string {
  return execFileSync(NODE, [WRANGLER, ...args], { encoding: 'utf8', env: { ...process.env, ...QUIET, WRANGLER_LOG_PATH: join(tmpdir(), 'wrangler-logs') }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Workerd {
  dir: string;
  /** Where wrangler serves it (for Origin headers). */
  origin: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Fires the Cron Trigger as if it were this instant. */
  scheduled(at: Date): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the Worker with these variables (its config and secrets, as `wrangler secret put` would set them); `script`
 * runs another entry with wrangler.toml's bindings.
 */
export async function startWorkerd(vars: Record<string, string>, script = 'src/runtime/workers/main.ts'): Promise<Workerd> {
  Object.assign(process.env, QUIET);
  const dir = mkdtempSync(join(tmpdir(), 'filing-workerd-'));
  wranglerCli(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  const worker = await unstable_dev(script, {
    config: 'wrangler.toml',
    persistTo: dir,
    vars,
    ip: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    experimental: { disableExperimentalWarning: true, testScheduled: true, disableDevRegistry: true },
  });
  return {
    dir,
    origin: `http://${worker.address}:${worker.port}`,
    fetch: (path, init) => worker.fetch(path, init as never) as unknown as Promise<Response>,
    async scheduled(at) {
      const res = await worker.fetch(`/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${at.getTime()}`);
      if (res.status !== 200) throw new Error(`scheduled handler failed: ${res.status} ${await res.text()}`);
    },
    async close() {
      await worker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
