// Every configuration variable the README documents is read by the config and reaches what it configures: the
// README table and the config schema name the same variables, and each one is exercised here or in the suite named.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig } from '../src/config.ts';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createNodeRenderServices } from '../src/runtime/node/services.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { samplesOf } from './support/samples.ts';

const body = JSON.stringify(samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input);
let node: NodeApp | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

async function compose(vars: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'filing-config-'));
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), ...vars });
  const key = (await createApiKey(node.store, { name: 'config test', role: 'admin', now: new Date().toISOString() })).secret;
  const call = (path: string, init: RequestInit = {}) => node!.app.request(path, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  return { dir, call };
}

describe('configuration', () => {
  it('documents in the README exactly the variables the service reads', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
    const documented = [...table.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \|/gm)].flatMap((m) => m[1]!.match(/[A-Z_]+/g)!);
    expect(documented.sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
  });

  it('refuses a bad value naming the variable', () => {
    expect(() => loadConfig({ PDF_TAGGED: 'yes' })).toThrow(/PDF_TAGGED/);
    expect(() => loadConfig({ ADMIN_API_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_API_KEY: 'a key with spaces, long enough to pass' })).toThrow(/ADMIN_API_KEY/);
    expect(() => loadConfig({ MAX_BODY_BYTES: '12' })).toThrow(/MAX_BODY_BYTES/);
  });

  it('refuses a bad reminder schedule, offsets, networks or public URL at start, naming the variable', async () => {
    await expect(compose({ REMINDER_CRON: 'every morning' })).rejects.toThrow(/REMINDER_CRON/);
    await expect(compose({ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/33' })).rejects.toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => loadConfig({ REMINDER_OFFSETS_DAYS: '30,soon' })).toThrow(/REMINDER_OFFSETS_DAYS/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.com' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ REMINDER_OFFSETS_DAYS: '1, 30,-1,30' }).REMINDER_OFFSETS_DAYS).toEqual([30, 1, -1]);
  });

  it('hands every PDF setting to the browser pool (their effects: src/runtime/node/puppeteer-pdf-printer.test.ts)', async () => {
    const services = await createNodeRenderServices(
      loadConfig({ CHROMIUM_PATH: '/opt/chromium', PDF_CONCURRENCY: '3', PDF_QUEUE_LIMIT: '7', PDF_TIMEOUT_MS: '4500', PDF_RESTART_AFTER: '9', PDF_TAGGED: 'true', PDF_MAX_PAGES: '11', PDF_MAX_BYTES: '65536' }),
    );
    try {
      expect(services.pdf.options).toMatchObject({ executablePath: '/opt/chromium', concurrency: 3, queueLimit: 7, timeoutMs: 4500, restartAfter: 9, tagged: true, maxPages: 11, maxBytes: 65536 });
    } finally {
      await services.close();
    }
  });

  it('PDF_MAX_PAGES and CHROMIUM_PATH reach the renders', async () => {
    const few = await compose({ PDF_MAX_PAGES: '1' });
    const res = await few.call('/v1/filings/acceptance-extension/render?format=pdf', { method: 'POST', body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'too_many_pages', maxPages: 1 });
    await node!.close();
    const none = await compose({ CHROMIUM_PATH: '/nonexistent/chromium' });
    const down = await none.call('/v1/filings/acceptance-extension/render?format=pdf', { method: 'POST', body });
    expect(down.status).toBe(503);
    expect(((await down.json()) as { code: string }).code).toBe('renderer_unavailable');
  });

  it('TEMPLATES_DIR, DATABASE_PATH and TEMPLATE_STORE_DIR say where templates and state live', async () => {
    const only = mkdtempSync(join(tmpdir(), 'filing-templates-dir-'));
    cpSync('templates/acceptance-extension', join(only, 'acceptance-extension'), { recursive: true });
    const { dir, call } = await compose({ TEMPLATES_DIR: only });
    const list = (await (await call('/v1/filings')).json()) as { filings: Array<{ id: string; activeTemplateVersion: string | null }> };
    expect(list.filings.filter((f) => f.activeTemplateVersion !== null).map((f) => f.id)).toEqual(['acceptance-extension']);
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(only, 'acceptance-extension/1.0.0/manifest.json'), 'utf8')) as { files: { docx: { sha256: string } } };
    expect(readdirSync(join(dir, 'blobs'))).toContain(`${manifest.files.docx.sha256}.docx`);
  });

  it('TEMPLATE_BUNDLE names the precompiled HTML templates the command line renders with', async () => {
    await expect(createNodeRenderServices(loadConfig({ TEMPLATE_BUNDLE: 'no/such/bundle.js' }))).rejects.toThrow(/no\/such\/bundle\.js is missing/);
  });

  it('MAX_BODY_BYTES, TEMPLATE_MAX_BYTES and RATE_LIMIT_PER_MINUTE limit requests', async () => {
    const { call } = await compose({ MAX_BODY_BYTES: '4096', TEMPLATE_MAX_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '2' });
    const big = await call('/v1/filings/acceptance-extension/validate', { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(5000) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'body_too_large', maxBytes: 4096 });
    const form = new FormData();
    form.append('docx', new File([new Uint8Array(3000)], 't.docx'));
    const upload = await node!.app.request('/v1/templates/acceptance-extension/versions', { method: 'POST', body: form, headers: { authorization: (await keyHeader()) } });
    expect(upload.status).toBe(413);
    expect(await upload.json()).toMatchObject({ code: 'body_too_large', maxBytes: 2048 });
    expect((await call('/v1/filings')).status).toBe(200);
    const third = await call('/v1/filings');
    expect(third.status).toBe(429);
    expect(third.headers.get('ratelimit-limit')).toBe('2');
  });

  it('AUTH_FAILURE_LIMIT, AUTH_FAILURE_WINDOW_SECONDS, AUTH_BLOCK_SECONDS, AUTH_BLOCK_MAX_SECONDS and CLIENT_ADDRESS_HEADER set the back-off', async () => {
    const { call } = await compose({ AUTH_FAILURE_LIMIT: '2', AUTH_FAILURE_WINDOW_SECONDS: '2', AUTH_BLOCK_SECONDS: '7', AUTH_BLOCK_MAX_SECONDS: '5', CLIENT_ADDRESS_HEADER: 'X-Real-IP' });
    const from = (ip: string, key?: string) => call('/v1/filings', { headers: { 'x-real-ip': ip, ...(key ? { authorization: `Bearer ${key}` } : {}) } });
    const bad = 'fsk_0123456789ab_' + 'C'.repeat(43);
    await from('192.0.2.1', bad);
    await new Promise((r) => setTimeout(r, 2100)); // past the 2 s window: the count starts again
    await from('192.0.2.1', bad);
    expect((await from('192.0.2.1')).status).toBe(200);
    await from('192.0.2.1', bad);
    const blocked = await from('192.0.2.1');
    expect(blocked.status).toBe(429);
    // 7 s capped at 5 s.
    expect([blocked.headers.get('ratelimit-limit'), blocked.headers.get('ratelimit-reset')]).toEqual(['2', '5']);
    // The proxy appends the address it saw last; another client is not blocked.
    expect((await from('203.0.113.9, 192.0.2.1')).status).toBe(429);
    expect((await from('192.0.2.1, 192.0.2.2')).status).toBe(200);
  });

  it('IDEMPOTENCY_TTL_SECONDS and IDEMPOTENCY_MAX_RESPONSE_BYTES say how long and how large an answer is kept', async () => {
    const { call } = await compose({ IDEMPOTENCY_TTL_SECONDS: '120', IDEMPOTENCY_MAX_RESPONSE_BYTES: '0' });
    const post = () => call('/v1/keys', { method: 'POST', body: JSON.stringify({ name: 'kept?', role: 'staff' }), headers: { 'idempotency-key': 'config-test-0123456789' } });
    expect((await post()).status).toBe(201);
    expect(await (await post()).json()).toMatchObject({ status: 409, code: 'idempotency_result_unavailable' });
    const row = node!.store.db.prepare('SELECT expires_at - created_at AS ttl FROM idempotency_keys').get() as { ttl: number };
    expect(row.ttl).toBe(120_000);
  });
});

/** A second admin key, so the multipart request can set its own content type. */
async function keyHeader(): Promise<string> {
  return `Bearer ${(await createApiKey(node!.store, { name: 'uploader', role: 'admin', now: new Date().toISOString() })).secret}`;
}
