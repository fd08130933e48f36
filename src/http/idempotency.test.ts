// Idempotency-Key on the POSTs that create something (keys, template versions, packages, renders): a retry gets the
// first answer and creates nothing more, another request with the key is 422, a retry while the first runs is 409,
// a refused request leaves the key free, keys expire, and the stored answers reveal nothing without the key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord, Store } from '../core/ports.ts';
import { createSqliteAbuseStores } from '../runtime/node/sqlite-abuse-stores.ts';
import { httpHarness } from '../../test/support/http-harness.ts';
import { createApp, type AppDeps } from './app.ts';

const { h, call, problem, baseDeps, sample } = httpHarness();
const idem = (key: string) => ({ 'idempotency-key': key });
const newKey = () => crypto.randomUUID();
const count = (table: string, where = '1') => (h.node.store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

describe('Idempotency-Key on POST /v1/keys', () => {
  it('answers a retry with the first result, creating one key, and marks it as replayed', async () => {
    const k = newKey();
    const before = count('api_keys');
    const first = await call('POST', '/v1/keys', { body: { name: 'ci robot', role: 'renderer' }, headers: idem(k) });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await call('POST', '/v1/keys', { body: { role: 'renderer', name: 'ci robot' }, headers: idem(`"${k}"`) });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(again.headers.get('ratelimit-limit')).toBeTruthy();
    const a = (await first.json()) as { id: string; secret: string };
    expect(await again.json()).toEqual(a);
    expect(count('api_keys')).toBe(before + 1);
    // The stored answer holds the secret sealed: neither it nor the Idempotency-Key is in the database in clear.
    const rows = h.node.store.db.prepare('SELECT * FROM idempotency_keys').all() as Array<Record<string, unknown>>;
    const dump = Buffer.concat(rows.map((r) => Buffer.from(JSON.stringify(r) + Buffer.from(r.response as Uint8Array).toString('latin1'))));
    expect(dump.includes(a.secret)).toBe(false);
    expect(dump.includes(a.secret.split('_').slice(2).join('_'))).toBe(false);
    expect(dump.includes(k)).toBe(false);
  });

  it('refuses the same key with another request (422), and is per caller', async () => {
    const k = newKey();
    expect((await call('POST', '/v1/keys', { body: { name: 'one', role: 'renderer' }, headers: idem(k) })).status).toBe(201);
    const other = await call('POST', '/v1/keys', { body: { name: 'two', role: 'renderer' }, headers: idem(k) });
    expect(other.status).toBe(422);
    expect((await problem(other)).code).toBe('idempotency_key_reused');
    const otherRoute = await call('POST', '/v1/packages', { body: { documents: [{ filing: 'acceptance-extension', format: 'html', data: sample() }] }, headers: idem(k) });
    expect((await problem(otherRoute)).code).toBe('idempotency_key_reused');
    // Another admin key's request with the same value is its own.
    const second = (await (await call('POST', '/v1/keys', { body: { name: 'second admin', role: 'admin' } })).json()) as { secret: string };
    const theirs = await call('POST', '/v1/keys', { key: second.secret, body: { name: 'one', role: 'renderer' }, headers: idem(k) });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('leaves the key free after a refused request, so the corrected request runs', async () => {
    const k = newKey();
    const bad = await call('POST', '/v1/keys', { body: { name: '', role: 'root' }, headers: idem(k) });
    expect((await problem(bad)).code).toBe('input_invalid');
    const good = await call('POST', '/v1/keys', { body: { name: 'fixed', role: 'staff' }, headers: idem(k) });
    expect(good.status).toBe(201);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a malformed key with 400 before doing anything', async () => {
    const before = count('api_keys');
    for (const k of ['short', 'a key with spaces in it', '"unterminated-0123456789', 'x'.repeat(256), '"bad\\escape-0123456789"', 'ünïcødé-0123456789abcdef']) {
      const res = await call('POST', '/v1/keys', { body: { name: 'never', role: 'staff' }, headers: idem(k) });
      expect(res.status, k).toBe(400);
      expect((await problem(res)).code).toBe('idempotency_key_invalid');
    }
    expect(count('api_keys')).toBe(before);
  });
});

/** A second app over the same database, whose clock and store the test controls. */
function appWith(deps: Partial<AppDeps>) {
  const abuse = createSqliteAbuseStores(h.node.store, ':memory:');
  const a = createApp({ ...baseDeps(), idempotency: abuse.idempotency, ...deps });
  return async (method: string, path: string, body: unknown, key: string) => {
    const res = await a.request(path, { method, headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json', ...idem(key) }, body: JSON.stringify(body) });
    h.drift.push(...(await h.check(method, path, res)));
    return res;
  };
}

describe('Idempotency-Key lifetimes', () => {
  it('answers 409 with Retry-After while the first request still runs, then replays it', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    // The key's insert waits until the test lets it through: the first request is still running meanwhile.
    const slow = new Proxy(h.node.store, { get: (t, p) => (p === 'insertKey' ? async (k: ApiKeyRecord) => (await gate, t.insertKey(k)) : Reflect.get(t, p, t)) }) as Store;
    const post = appWith({ store: slow });
    const k = newKey();
    const first = post('POST', '/v1/keys', { name: 'slow', role: 'staff' }, k);
    await new Promise((r) => setTimeout(r, 50));
    const during = await post('POST', '/v1/keys', { name: 'slow', role: 'staff' }, k);
    expect(during.status).toBe(409);
    expect(during.headers.get('retry-after')).toBe('1');
    expect((await problem(during)).code).toBe('idempotency_in_flight');
    open();
    const done = await first;
    expect(done.status).toBe(201);
    const after = await post('POST', '/v1/keys', { name: 'slow', role: 'staff' }, k);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(await after.json()).toEqual(await done.json());
  });

  it('forgets a key after its 24 hours, so the request runs again', async () => {
    let t = Date.parse('2026-12-01T00:00:00Z');
    const post = appWith({ now: () => new Date(t) });
    const k = newKey();
    const first = (await (await post('POST', '/v1/keys', { name: 'daily', role: 'staff' }, k)).json()) as { id: string };
    t += 24 * 3600 * 1000 - 1;
    expect(((await (await post('POST', '/v1/keys', { name: 'daily', role: 'staff' }, k)).json()) as { id: string }).id).toBe(first.id);
    t += 1;
    const later = await post('POST', '/v1/keys', { name: 'daily', role: 'staff' }, k);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(((await later.json()) as { id: string }).id).not.toBe(first.id);
  });

  it('says so (409) when the first answer was too large to keep', async () => {
    const post = appWith({ idempotencyMaxResponseBytes: 10 });
    const k = newKey();
    expect((await post('POST', '/v1/keys', { name: 'big', role: 'staff' }, k)).status).toBe(201);
    const again = await post('POST', '/v1/keys', { name: 'big', role: 'staff' }, k);
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe('idempotency_result_unavailable');
  });
});

describe('Idempotency-Key on renders, packages and template uploads', () => {
  it('replays a render with the same bytes and headers, and audits it once', async () => {
    const k = newKey();
    const before = count('generations');
    const path = '/v1/filings/acceptance-extension/render?format=docx&locale=en';
    const first = await call('POST', path, { body: sample(), headers: idem(k) });
    const again = await call('POST', path, { body: sample(), headers: idem(k) });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    for (const hd of ['content-type', 'content-disposition', 'x-output-sha256', 'x-template-version', 'x-draft']) expect(again.headers.get(hd), hd).toBe(first.headers.get(hd));
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    expect(count('generations')).toBe(before + 1);
    // The query is part of the request: another locale is another request.
    expect((await problem(await call('POST', path.replace('locale=en', 'locale=zh-CN'), { body: sample(), headers: idem(k) }))).code).toBe('idempotency_key_reused');
  });

  it('replays a package and audits its documents once', async () => {
    const k = newKey();
    const before = count('generations');
    const body = { documents: [{ filing: 'acceptance-extension', format: 'html', data: sample() }] };
    const first = await call('POST', '/v1/packages', { body, headers: idem(k) });
    expect(first.status).toBe(200);
    const again = await call('POST', '/v1/packages', { body, headers: idem(k) });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    expect(count('generations')).toBe(before + 1);
  });

  it('replays an upload sent again with a new multipart boundary, and refuses other files under the key', async () => {
    const html = readFileSync('templates/acceptance-extension/1.0.0/acceptance-extension.hbs', 'utf8');
    const form = (text: string) => {
      const f = new FormData();
      f.append('version', '7.0.1');
      f.append('effectiveFrom', '2031-01-01');
      f.append('regulationBasis', '国办发〔2019〕57号');
      f.append('html', new File([text], 'acceptance-extension.hbs', { type: 'text/html' }));
      return f;
    };
    const k = newKey();
    const before = count('template_versions');
    const first = await call('POST', '/v1/templates/acceptance-extension/versions', { key: 'maintainer', raw: form(html), headers: idem(k) });
    expect(first.status).toBe(201);
    const again = await call('POST', '/v1/templates/acceptance-extension/versions', { key: 'maintainer', raw: form(html), headers: idem(k) });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(count('template_versions')).toBe(before + 1);
    const changed = await call('POST', '/v1/templates/acceptance-extension/versions', { key: 'maintainer', raw: form(`${html}\n`), headers: idem(k) });
    expect((await problem(changed)).code).toBe('idempotency_key_reused');
  });

  it('leaves every answer as documented', () => {
    expect(h.drift).toEqual([]);
  });
});
