// The abuse limits on workerd under concurrency, with the counters in the rate limiter's Durable Objects (as
// wrangler.toml binds them) and in D1 (the fallback without the binding): of N + 5 requests sent at once with a budget
// of N, exactly N pass and the rest are 429 with Retry-After and the RateLimit fields; wrong keys sent at once from
// one address block it after AUTH_FAILURE_LIMIT, and the block holds for the right key too. A body over 1 MiB is
// refused (413) even when MAX_BODY_BYTES allows more: the isolate's 128 MB would not hold its render. Two workerd
// processes, each with its own D1, whose limiter is the first one's Durable Objects, share one budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSharingRateLimiter, configWithoutRateLimiter, startWorkerd, wranglerCli, type Workerd } from '../support/workerd-harness.ts';

const ADMIN = 'admin-key-of-the-workerd-limits-suite-01';
const PER_MINUTE = 8;
// A body limit above what an isolate's 128 MB holds: the Worker keeps its own (1 MiB).
const vars = { ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: String(PER_MINUTE), AUTH_FAILURE_LIMIT: '4', MAX_BODY_BYTES: String(8 * 1024 * 1024) };

describe.each([
  ['Durable Objects, the RATE_LIMITER binding of wrangler.toml', (): string => 'wrangler.toml', false],
  ['D1, without the Durable Object binding', configWithoutRateLimiter, true],
] as const)('abuse limits on workerd (%s)', (_name, config, inD1) => {
  let w: Workerd;
  beforeAll(async () => {
    w = await startWorkerd(vars, config());
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  it(`lets exactly ${PER_MINUTE} of ${PER_MINUTE + 5} concurrent requests of one key through`, async () => {
    const made = await w.fetch('/v1/keys', { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'burst', role: 'renderer' }) });
    expect(made.status).toBe(201);
    const { secret } = (await made.json()) as { secret: string };
    const answers = await Promise.all(Array.from({ length: PER_MINUTE + 5 }, () => w.fetch('/v1/filings', { headers: { authorization: `Bearer ${secret}` } })));
    const passed = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 429);
    expect(passed).toHaveLength(PER_MINUTE);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(r.headers.get('ratelimit-limit')).toBe(String(PER_MINUTE));
      expect(r.headers.get('ratelimit-remaining')).toBe('0');
      expect(r.headers.get('ratelimit-reset')).toMatch(/^[1-9]\d*$/);
      expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    }
    // Each request that passed saw its own place in the window: the counter lost no concurrent hit.
    expect(passed.map((r) => Number(r.headers.get('ratelimit-remaining'))).sort((a, b) => a - b)).toEqual(Array.from({ length: PER_MINUTE }, (_, i) => i));
    await Promise.all(answers.map((r) => r.body?.cancel()));
  });

  it('blocks an address that sends wrong keys at once, for the right key too, and no other address', async () => {
    const from = (ip: string, key: string) => w.fetch('/v1/filings', { headers: { authorization: `Bearer ${key}`, 'cf-connecting-ip': ip } });
    const wrong = await Promise.all(Array.from({ length: 12 }, () => from('198.51.100.20', 'wrong-key-0000000000000000000000')));
    // The requests that were counted before the block are 401; those that arrived after it are 429.
    expect(wrong.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(4);
    expect(wrong.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const blocked = await from('198.51.100.20', ADMIN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('ratelimit-remaining')).toBe('0');
    expect((await from('203.0.113.20', ADMIN)).status).toBe(200);
    await Promise.all(wrong.map((r) => r.body?.cancel()));
  });

  it('refuses a body over 1 MiB, whatever MAX_BODY_BYTES says, before rendering it', async () => {
    const body = JSON.stringify({ project: { name: 'x'.repeat(1024 * 1024) } });
    const r = await w.fetch('/v1/filings/acceptance-extension/render?format=docx', { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.50' }, body });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { code: string }).code).toBe('body_too_large');
  });

  it(inD1 ? 'keeps the counters in D1' : 'keeps no counter in D1', () => {
    const out = wranglerCli(['d1', 'execute', 'DB', '--local', '--persist-to', w.dir, '--json', '--command', 'SELECT count(*) AS n FROM rate_limits']);
    const n = (JSON.parse(out) as Array<{ results: Array<{ n: number }> }>)[0]!.results[0]!.n;
    if (inD1) expect(n).toBeGreaterThan(0);
    else expect(n).toBe(0);
  });
});

describe('two workerd processes sharing one limiter', () => {
  let first: Workerd;
  let second: Workerd;
  beforeAll(async () => {
    // A registry of this suite's own, so that no other local wrangler process is found or disturbed.
    process.env.WRANGLER_REGISTRY_PATH = mkdtempSync(join(tmpdir(), 'filing-wrangler-registry-'));
    first = await startWorkerd(vars, 'wrangler.toml', { devRegistry: true });
    second = await startWorkerd(vars, configSharingRateLimiter(), { devRegistry: true });
    // The second process reaches the objects once the registry has connected it: a wrong key from an address of
    // its own asks the limiter (401), where an unconnected binding fails (500).
    const deadline = Date.now() + 60_000;
    while ((await second.fetch('/v1/filings', { headers: { authorization: 'Bearer wrong-key-0000000000000000000000', 'cf-connecting-ip': '192.0.2.99' } })).status !== 401) {
      if (Date.now() > deadline) throw new Error('the second process never reached the first one’s Durable Objects');
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 240_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it(`lets exactly ${PER_MINUTE} of ${PER_MINUTE + 5} concurrent requests of one key through, sent to both`, async () => {
    // The environment's admin key is the same key (the same id) in both processes, each with its own D1.
    const answers = await Promise.all(Array.from({ length: PER_MINUTE + 5 }, (_, i) => (i % 2 ? first : second).fetch('/v1/filings', { headers: { authorization: `Bearer ${ADMIN}` } })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(PER_MINUTE);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
    expect(answers.filter((r, i) => i % 2 === 0 && r.status === 200).length).toBeGreaterThan(0);
    expect(answers.filter((r, i) => i % 2 === 1 && r.status === 200).length).toBeGreaterThan(0);
    await Promise.all(answers.map((r) => r.body?.cancel()));
  });
});
