// The Worker on workerd with local D1 and R2, offline, as `wrangler dev` runs it: the migrations are applied the way a
// deployment applies them (`wrangler d1 migrations apply DB --local`), then wrangler bundles src/runtime/workers/main.ts
// with wrangler.toml and serves it on a loopback port. Cron Triggers are fired through wrangler's scheduled route.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * Starts the Worker with these variables (its config and secrets, as `wrangler secret put` would set them), from
 * wrangler.toml or another config of the same Worker; `script` runs another entry with that config's bindings.
 */
export async function startWorkerd(vars: Record<string, string>, config = 'wrangler.toml', o: { devRegistry?: boolean; script?: string } = {}): Promise<Workerd> {
  Object.assign(process.env, QUIET);
  const dir = mkdtempSync(join(tmpdir(), 'filing-workerd-'));
  wranglerCli(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir]);
  const worker = await unstable_dev(resolve(o.script ?? 'src/runtime/workers/main.ts'), {
    config,
    persistTo: dir,
    vars,
    ip: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    // The dev registry (WRANGLER_REGISTRY_PATH) lets one local process reach the Durable Objects another defines.
    experimental: { disableExperimentalWarning: true, testScheduled: true, disableDevRegistry: !o.devRegistry },
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

/** wrangler.toml without the rate limiter's Durable Object binding (the counters in D1 then), in a folder of its own. */
export function configWithoutRateLimiter(): string {
  let dropping = false;
  const kept = readFileSync('wrangler.toml', 'utf8')
    .split('\n')
    .filter((line) => {
      if (line.startsWith('[')) dropping = line === '[[durable_objects.bindings]]' || line === '[[migrations]]';
      return !dropping;
    });
  const without = kept
    .join('\n')
    .replace(/^main = .*$/m, `main = ${JSON.stringify(resolve('src/runtime/workers/main.ts'))}`)
    .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(resolve('src/storage/migrations'))}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(resolve('.fonts/slices'))}`);
  if (/^name = "RATE_LIMITER"/m.test(without) || !without.includes('[[d1_databases]]')) throw new Error('wrangler.toml: the rate limiter binding was not removed');
  const path = join(mkdtempSync(join(tmpdir(), 'filing-wrangler-')), 'wrangler.toml');
  writeFileSync(path, without);
  return path;
}

/**
 * The Worker under another name whose RATE_LIMITER binding reaches the objects of the `gov-filing-service` process
 * (script_name, through wrangler's dev registry) instead of defining its own: a second process sharing one limiter.
 */
export function configSharingRateLimiter(): string {
  const toml = readFileSync('wrangler.toml', 'utf8')
    .replace(/^name = "gov-filing-service"$/m, 'name = "gov-filing-service-second"')
    .replace(/^class_name = "RateLimiterObject"$/m, 'class_name = "RateLimiterObject"\nscript_name = "gov-filing-service"')
    .replace(/^\[\[migrations\]\]\n(?:[^\n]+\n)*/m, '')
    .replace(/^main = .*$/m, `main = ${JSON.stringify(resolve('src/runtime/workers/main.ts'))}`)
    .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(resolve('src/storage/migrations'))}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(resolve('.fonts/slices'))}`);
  if (!toml.includes('script_name = "gov-filing-service"') || toml.includes('[[migrations]]')) throw new Error('wrangler.toml: the rate limiter binding was not pointed at the first process');
  const path = join(mkdtempSync(join(tmpdir(), 'filing-wrangler-')), 'wrangler.toml');
  writeFileSync(path, toml);
  return path;
}

/** Any Worker of the tests with its own wrangler config, on workerd with local storage in a fresh folder. */
export async function startTestWorker(script: string, config: string): Promise<Pick<Workerd, 'fetch' | 'close'>> {
  Object.assign(process.env, QUIET);
  const dir = mkdtempSync(join(tmpdir(), 'filing-test-worker-'));
  const worker = await unstable_dev(script, { config, persistTo: dir, ip: '127.0.0.1', port: 0, logLevel: 'error', experimental: { disableExperimentalWarning: true, disableDevRegistry: true } });
  return {
    fetch: (path, init) => worker.fetch(path, init as never) as unknown as Promise<Response>,
    async close() {
      await worker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
