// Limits that hold across isolates: two workerd processes serving one local D1 (as two isolates or locations serve one
// database) share the per-key rate limit and the failed-authentication back-off, since both live in D1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerd, type Workerd } from '../support/workerd-harness.ts';

const ADMIN = 'admin-key-of-the-isolates-suite-00000001';
let a: Workerd;
let b: Workerd;
beforeAll(async () => {
  const vars = { ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '6', AUTH_FAILURE_LIMIT: '3' };
  a = await startWorkerd(vars);
  b = await startWorkerd(vars, a);
}, 180_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const as = (key: string, ip: string) => ({ headers: { authorization: `Bearer ${key}`, 'cf-connecting-ip': ip } });

describe('two isolates on one D1', () => {
  it('share a key’s rate limit: the seventh request in the minute is refused whichever isolate gets it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).fetch('/v1/filings', as(ADMIN, '203.0.113.7'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const w of [a, b]) {
      const refused = await w.fetch('/v1/filings', as(ADMIN, '203.0.113.7'));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    }
  });

  it('share the back-off of an address that keeps sending wrong keys', async () => {
    for (const w of [a, b, a]) expect((await w.fetch('/v1/filings', as('wrong-key-000000000000000000000', '198.51.100.9'))).status).toBe(401);
    const blocked = await b.fetch('/v1/filings', as('wrong-key-000000000000000000000', '198.51.100.9'));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
