// The abuse limits through the app: failed authentications per client address with a doubling back-off, the per-key
// budget, the RateLimit fields and Retry-After on every 429, and both limits holding across processes that share a
// database. Every answer is checked against /openapi.json.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../core/ports.ts';
import { createSqliteAbuseStores } from '../runtime/node/sqlite-abuse-stores.ts';
import { SqliteStore } from '../runtime/node/sqlite-store.ts';
import { httpHarness } from '../../test/support/http-harness.ts';
import { createApp, type AppDeps } from './app.ts';

const { h, problem, baseDeps } = httpHarness();
const closers: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of closers) await c();
});

function clock(start = Date.parse('2026-12-01T08:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (s: number) => (t += s * 1000) };
}

/** An app whose client address is whatever the test says it is. */
function app(deps: Partial<AppDeps>) {
  const a = createApp({ ...baseDeps(), clientAddress: (c) => c.req.header('x-test-client'), ...deps });
  return async (path: string, o: { key?: string | null; from?: string } = {}) => {
    const headers: Record<string, string> = { 'x-test-client': o.from ?? '203.0.113.5' };
    if (o.key !== null) headers.authorization = `Bearer ${o.key ?? h.keys.renderer}`;
    const res = await a.request(path, { headers });
    h.drift.push(...(await h.check('GET', path, res)));
    return res;
  };
}

const BAD = 'fsk_0123456789ab_' + 'B'.repeat(43);
const limits = (res: Response) => ({ status: res.status, limit: res.headers.get('ratelimit-limit'), remaining: res.headers.get('ratelimit-remaining'), reset: res.headers.get('ratelimit-reset'), retryAfter: res.headers.get('retry-after') });

describe('failed authentications', () => {
  it('block the address after the limit, for every key, with a back-off that doubles up to its maximum', async () => {
    const c = clock();
    const get = app({ now: c.now, authBackoff: { failures: 3, windowMs: 60_000, blockMs: 10_000, maxBlockMs: 25_000 } });
    for (let i = 0; i < 3; i++) expect((await get('/v1/filings', { key: BAD })).status).toBe(401);
    const blocked = await get('/v1/filings');
    expect(limits(blocked)).toEqual({ status: 429, limit: '3', remaining: '0', reset: '10', retryAfter: '10' });
    expect((await problem(blocked)).code).toBe('auth_throttled');
    // A request without a key guesses nothing and is answered as before; another address is not touched.
    expect((await get('/v1/filings', { key: null })).status).toBe(401);
    expect((await get('/v1/filings', { from: '198.51.100.9' })).status).toBe(200);
    c.advance(4);
    expect(limits(await get('/v1/filings', { key: BAD }))).toMatchObject({ status: 429, reset: '6', retryAfter: '6' });

    c.advance(6);
    expect((await get('/v1/filings')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get('/v1/filings', { key: BAD })).status).toBe(401);
    expect(limits(await get('/v1/filings'))).toMatchObject({ status: 429, reset: '20' });
    c.advance(20);
    for (let i = 0; i < 3; i++) await get('/v1/filings', { key: BAD });
    expect(limits(await get('/v1/filings'))).toMatchObject({ status: 429, reset: '25' });
  });

  it('count failures below the limit within the window only, and a good key does not wipe them', async () => {
    const c = clock();
    const get = app({ now: c.now, authBackoff: { failures: 3, windowMs: 60_000, blockMs: 10_000 } });
    await get('/v1/filings', { key: BAD });
    await get('/v1/filings', { key: BAD });
    c.advance(60);
    await get('/v1/filings', { key: BAD });
    expect((await get('/v1/filings')).status).toBe(200);
    await get('/v1/filings', { key: BAD });
    expect((await get('/v1/filings', { key: BAD })).status).toBe(401);
    expect((await get('/v1/filings')).status).toBe(429);
  });

  it('count the addresses of one IPv6 /64 together, and an IPv4-mapped address as its IPv4 one', async () => {
    const get = app({ authBackoff: { failures: 3 } });
    for (const from of ['2001:db8:7:1::1', '2001:db8:7:1::2', '2001:db8:7:1:ffff::3']) await get('/v1/filings', { key: BAD, from });
    expect((await get('/v1/filings', { from: '2001:db8:7:1:abcd::9' })).status).toBe(429);
    expect((await get('/v1/filings', { from: '2001:db8:7:2::1' })).status).toBe(200);
    for (let i = 0; i < 3; i++) await get('/v1/filings', { key: BAD, from: '::ffff:192.0.2.44' });
    expect((await get('/v1/filings', { from: '192.0.2.44' })).status).toBe(429);
  });

  it('take the socket’s address on Node when no proxy header is configured', async () => {
    const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await h.node.app.request('/v1/filings', { headers: { authorization: `Bearer ${BAD}` } }, socket('192.0.2.200'));
    expect(last!.status).toBe(429);
    const other = await h.node.app.request('/v1/filings', { headers: { authorization: `Bearer ${h.keys.renderer}` } }, socket('192.0.2.201'));
    expect(other.status).toBe(200);
  });
});

describe('the per-key budget', () => {
  it('puts the RateLimit fields on every answer, and Retry-After on the 429, until the window ends', async () => {
    const c = clock();
    const get = app({ now: c.now, rateLimitPerMinute: 2 });
    expect(limits(await get('/v1/filings'))).toEqual({ status: 200, limit: '2', remaining: '1', reset: '60', retryAfter: null });
    c.advance(15);
    expect(limits(await get('/v1/filings'))).toEqual({ status: 200, limit: '2', remaining: '0', reset: '45', retryAfter: null });
    const refused = await get('/v1/filings');
    expect(limits(refused)).toEqual({ status: 429, limit: '2', remaining: '0', reset: '45', retryAfter: '45' });
    expect((await problem(refused)).code).toBe('rate_limited');
    // Keys are counted apart.
    expect((await get('/v1/filings', { key: h.keys.staff })).status).toBe(200);
    c.advance(45);
    expect(limits(await get('/v1/filings'))).toMatchObject({ status: 200, remaining: '1', reset: '60' });
  });
});

describe('limits shared through the database', () => {
  it('hold across two processes’ apps: failures and requests of both count together', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'abuse-shared-')), 'db.sqlite');
    const stores = [0, 1].map(() => {
      const store = new SqliteStore(path);
      const abuse = createSqliteAbuseStores(store, path);
      closers.push(() => abuse.close(), () => store.close());
      return abuse.rateLimits;
    });
    const apps = stores.map((rateLimits: RateLimitStore) => app({ rateLimits, rateLimitPerMinute: 3, authBackoff: { failures: 2 } }));
    expect((await apps[0]!('/v1/filings', { key: BAD })).status).toBe(401);
    expect((await apps[1]!('/v1/filings', { key: BAD })).status).toBe(401);
    expect((await apps[0]!('/v1/filings')).status).toBe(429);
    expect((await apps[1]!('/v1/filings')).status).toBe(429);
    const elsewhere = '198.51.100.77';
    expect(limits(await apps[0]!('/v1/filings', { key: h.keys.maintainer, from: elsewhere }))).toMatchObject({ status: 200, remaining: '2' });
    expect(limits(await apps[1]!('/v1/filings', { key: h.keys.maintainer, from: elsewhere }))).toMatchObject({ status: 200, remaining: '1' });
    expect(limits(await apps[0]!('/v1/filings', { key: h.keys.maintainer, from: elsewhere }))).toMatchObject({ status: 200, remaining: '0' });
    expect((await apps[1]!('/v1/filings', { key: h.keys.maintainer, from: elsewhere })).status).toBe(429);
  });

  it('leave the responses as documented', () => {
    expect(h.drift).toEqual([]);
  });
});
