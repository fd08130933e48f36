// Signing in to the workbench at the HTTP level: the session cookie's attributes (HttpOnly, SameSite=Strict, Secure
// over HTTPS), a login from another site refused, every post of a session refused without this site's Origin and the
// session's token (with or without a Content-Type), another organisation's project not found, sign-out ends the session.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { tempDir } from './support/documents.ts';

const BASE = 'http://127.0.0.1:8787';
let node: NodeApp;
let staff = '';
let other = '';

beforeAll(async () => {
  const dir = tempDir('session');
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'templates'), RATE_LIMIT_PER_MINUTE: '100000' });
  const now = new Date().toISOString();
  staff = (await createApiKey(node.store, { name: 'staff', role: 'staff', org: 'city', now })).secret;
  other = (await createApiKey(node.store, { name: 'other', role: 'staff', org: 'elsewhere', now })).secret;
}, 60_000);
afterAll(() => node?.close());

/** As a server hands it over: with the Host the browser used. */
const req = (url: string, init: RequestInit = {}) => node.app.request(url, { ...init, headers: { Host: new URL(url).host, ...(init.headers as Record<string, string>) } });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function signIn(key: string, base = BASE): Promise<{ cookie: string; setCookie: string; csrf: string }> {
  const res = await req(`${base}/sign-in`, { method: 'POST', headers: { ...FORM, Origin: base }, body: form({ key, next: '/' }) });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie')!;
  const cookie = setCookie.split(';')[0]!;
  const page = await (await req(`${base}/projects`, { headers: { Cookie: cookie } })).text();
  return { cookie, setCookie, csrf: /name="csrf-token" content="([^"]+)"/.exec(page)![1]! };
}

it('gives an HttpOnly, SameSite=Strict session cookie, Secure over HTTPS, and refuses a login posted from another site', async () => {
  const plain = await signIn(staff);
  expect(plain.setCookie).toMatch(/HttpOnly/);
  expect(plain.setCookie).toMatch(/SameSite=Strict/);
  expect(plain.setCookie).not.toMatch(/Secure/);
  expect(plain.cookie).not.toContain(staff.slice(4));
  const tls = await req('https://filings.example.gov.cn/sign-in', { method: 'POST', headers: { ...FORM, Origin: 'https://filings.example.gov.cn' }, body: form({ key: staff }) });
  expect(tls.headers.get('set-cookie')).toMatch(/Secure/);
  const cross = await req(`${BASE}/sign-in`, { method: 'POST', headers: { ...FORM, Origin: 'https://evil.example' }, body: form({ key: staff }) });
  expect(cross.status).toBe(403);
  expect(cross.headers.get('set-cookie')).toBeNull();
  const wrong = await req(`${BASE}/sign-in`, { method: 'POST', headers: { ...FORM, Origin: BASE }, body: form({ key: 'fsk_nope_nope' }) });
  expect(wrong.status).toBe(401);
});

it('refuses a session’s post without this site’s Origin and the session’s token, whatever the Content-Type', async () => {
  const s = await signIn(staff);
  const post = (headers: Record<string, string>, body: string | undefined) => req(`${BASE}/projects`, { method: 'POST', headers: { Cookie: s.cookie, ...headers }, ...(body !== undefined ? { body } : {}) });
  const count = async () => (await node.workbench.listProjects('city')).length;
  const before = await count();
  expect((await post({ ...FORM, Origin: BASE }, form({ name: 'A' }))).status).toBe(403);
  expect((await post({ ...FORM, Origin: 'https://evil.example' }, form({ name: 'A', _csrf: s.csrf }))).status).toBe(403);
  expect((await post({ ...FORM, Origin: BASE, 'Sec-Fetch-Site': 'cross-site' }, form({ name: 'A', _csrf: s.csrf }))).status).toBe(403);
  expect((await post({ Origin: 'https://evil.example' }, form({ name: 'A', _csrf: s.csrf }))).status).toBe(403);
  expect((await post({ 'Content-Type': 'text/plain', Origin: BASE }, 'name=A')).status).toBe(403);
  // The API with the session cookie: the token in X-CSRF-Token.
  const api = (headers: Record<string, string>) => req(`${BASE}/v1/projects`, { method: 'POST', headers: { Cookie: s.cookie, 'Content-Type': 'application/json', Origin: BASE, ...headers }, body: JSON.stringify({ name: 'B' }) });
  expect((await api({})).status).toBe(403);
  expect(await count()).toBe(before);
  expect((await api({ 'X-CSRF-Token': s.csrf })).status).toBe(201);
  expect((await post({ ...FORM, Origin: BASE }, form({ name: 'A', _csrf: s.csrf }))).status).toBe(303);
  expect(await count()).toBe(before + 2);
});

it('keeps another organisation’s project out of sight, and sign-out ends the session', async () => {
  const s = await signIn(staff);
  const res = await req(`${BASE}/v1/projects`, { method: 'POST', headers: { Cookie: s.cookie, 'Content-Type': 'application/json', Origin: BASE, 'X-CSRF-Token': s.csrf }, body: JSON.stringify({ name: 'C' }) });
  const { id } = (await res.json()) as { id: string };
  const o = await signIn(other);
  expect((await req(`${BASE}/projects/${id}`, { headers: { Cookie: o.cookie } })).status).toBe(404);
  expect((await req(`${BASE}/v1/projects/${id}`, { headers: { Cookie: o.cookie } })).status).toBe(404);
  expect((await req(`${BASE}/projects/${id}`, { headers: { Cookie: s.cookie } })).status).toBe(200);
  const out = await req(`${BASE}/sign-out`, { method: 'POST', headers: { Cookie: s.cookie, ...FORM, Origin: BASE }, body: form({ _csrf: s.csrf }) });
  expect(out.status).toBe(303);
  const after = await req(`${BASE}/projects/${id}`, { headers: { Cookie: s.cookie } });
  expect(after.status).toBe(303);
  expect(after.headers.get('location')).toMatch(/^\/sign-in/);
});
