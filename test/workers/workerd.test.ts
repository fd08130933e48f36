// The same app on workerd (local D1 and R2, offline) and on Node: keys from the environment and the API, validation,
// compliance check and problem+json answers identical byte for byte, every golden DOCX and HTML rendered to the
// recorded bytes, an uploaded HTML template rendered by the eval-free interpreter, the workbench pages, the Cron
// Trigger running the reminder job that delivers a signed webhook, and the embedded fonts' slices read through the
// ASSETS binding, inlined as Node inlines them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../../src/runtime/node/compose.ts';
import { embedFonts } from '../../src/render/font-embed.ts';
import { fileSliceSource } from '../../src/runtime/node/font-slices.ts';
import { tempDir } from '../support/documents.ts';
import { projectBlock, startReceiver, type Receiver } from '../support/reminder-harness.ts';
import { invalidSamples, samplesOf, validSamples } from '../support/samples.ts';
import { configWithoutRateLimiter, startWorkerd, type Workerd } from '../support/workerd-harness.ts';

const ADMIN = 'admin-key-of-the-workerd-suite-000000001';
const golden = JSON.parse(readFileSync('test/golden/outputs.json', 'utf8')) as Record<string, string>;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let w: Workerd;
let node: NodeApp;
let rx: Receiver;
let renderer = '';

type Call = { method?: string; key?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> };
function init(o: Call): RequestInit {
  const headers: Record<string, string> = { ...o.headers };
  if (o.key !== null) headers.authorization = `Bearer ${o.key ?? ADMIN}`;
  if (o.json !== undefined) headers['content-type'] ??= 'application/json';
  const body = o.json !== undefined ? JSON.stringify(o.json) : o.body;
  return { method: o.method ?? (body !== undefined ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) };
}
/** wrangler's fetch carries its own undici: a form is sent as the bytes and type the platform's Request gives it. */
async function onWorkerd(path: string, o: Call = {}): Promise<Response> {
  if (!(o.body instanceof FormData)) return w.fetch(path, init(o));
  const encoded = new Request('http://form.test/', { method: 'POST', body: o.body });
  return w.fetch(path, init({ ...o, body: await encoded.arrayBuffer(), headers: { ...o.headers, 'content-type': encoded.headers.get('content-type')! } }));
}
const onNode = (path: string, o: Call = {}) => node.app.request(path, init(o));

/** Status, content type and body from both runtimes, for the same request. */
async function both(path: string, o: Call = {}) {
  const read = async (r: Response) => ({ status: r.status, type: r.headers.get('content-type'), language: r.headers.get('content-language'), body: await r.text() });
  return { workerd: await read(await onWorkerd(path, o)), node: await read(await onNode(path, o)) };
}

beforeAll(async () => {
  rx = await startReceiver();
  const vars = { ADMIN_API_KEY: ADMIN, RATE_LIMIT_PER_MINUTE: '100000', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', DRAFT_HISTORY_KEEP_LATEST: '1' };
  w = await startWorkerd(vars);
  node = await composeNodeApp({ ...process.env, ...vars, DATABASE_PATH: join(tempDir('workerd-node'), 'db.sqlite'), TEMPLATE_STORE_DIR: join(tempDir('workerd-node'), 'blobs') });
}, 180_000);
afterAll(async () => {
  await w?.close();
  await node?.close();
  await rx?.close();
});

describe('keys on workerd', () => {
  it('gives the environment’s admin key its row and makes, uses and revokes a key', async () => {
    const keys = (await (await onWorkerd('/v1/keys')).json()) as { keys: Array<{ id: string; name: string; role: string; revokedAt: string | null }> };
    expect(keys.keys).toEqual([expect.objectContaining({ name: 'ADMIN_API_KEY', role: 'admin', revokedAt: null })]);
    expect(keys.keys[0]!.id).toMatch(/^env-[0-9a-f]{12}$/);
    expect(JSON.stringify(keys)).not.toContain(ADMIN);

    const made = await onWorkerd('/v1/keys', { json: { name: 'integration', role: 'renderer' } });
    expect(made.status).toBe(201);
    const key = (await made.json()) as { id: string; secret: string };
    renderer = key.secret;
    expect((await onWorkerd('/v1/filings', { key: renderer })).status).toBe(200);
    expect((await onWorkerd('/v1/keys', { key: renderer })).status).toBe(403);

    const spare = (await (await onWorkerd('/v1/keys', { json: { name: 'spare', role: 'renderer' } })).json()) as { id: string; secret: string };
    expect((await onWorkerd(`/v1/keys/${spare.id}`, { method: 'DELETE' })).status).toBe(204);
    const refused = await onWorkerd('/v1/filings', { key: spare.secret });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });
});

describe('abuse limits on workerd (the rate limiter’s Durable Objects)', () => {
  it('blocks an address after AUTH_FAILURE_LIMIT (10) wrong keys, with Retry-After, and no other address', async () => {
    const from = (ip: string, key = 'wrong-key-0000000000000000000000') => onWorkerd('/v1/filings', { key, headers: { 'cf-connecting-ip': ip } });
    for (let i = 0; i < 10; i++) expect((await from('198.51.100.9')).status).toBe(401);
    const blocked = await from('198.51.100.9');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    // Blocked before the key is looked at: even the right key waits out the block from there.
    expect((await from('198.51.100.9', ADMIN)).status).toBe(429);
    expect((await from('203.0.113.7', ADMIN)).status).toBe(200);
  });
});

describe('the same answers on workerd and Node', () => {
  it.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('validate and check %s', async (_, s) => {
    for (const op of ['validate', 'check']) {
      for (const lang of ['zh-CN', 'en']) {
        const r = await both(`/v1/filings/${s.filingId}/${op}`, { json: s.input, headers: { 'accept-language': lang } });
        expect(r.workerd).toEqual(r.node);
        expect(r.workerd.status).toBe(200);
      }
    }
  });

  it('gives the same field errors for every invalid sample and the same findings for every noncompliant one', async () => {
    const cases = [...invalidSamples(), ...samplesOf('feasibility-study').filter((s) => s.name.startsWith('noncompliant-')), ...samplesOf('acceptance-report').filter((s) => s.name.startsWith('noncompliant-'))];
    expect(cases.length).toBeGreaterThan(10);
    for (const s of cases) {
      for (const op of ['validate', 'check', 'render?format=docx']) {
        const r = await both(`/v1/filings/${s.filingId}/${op}`, { json: s.input, headers: { 'accept-language': 'en' } });
        expect(r.workerd, `${s.filingId}/${s.name} ${op}`).toEqual(r.node);
      }
    }
  });

  it.each([
    ['no key', '/v1/filings', { key: null }],
    ['a wrong key', '/v1/filings', { key: 'not-a-key-at-all-000000000000' }],
    ['an unknown filing', '/v1/filings/no-such-filing', {}],
    ['an unknown route', '/v2/nothing', {}],
    ['malformed JSON', '/v1/filings/acceptance-extension/validate', { body: '{"project":', headers: { 'content-type': 'application/json' } }],
    ['not JSON', '/v1/filings/acceptance-extension/validate', { body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['an unknown format', '/v1/filings/acceptance-extension/render?format=odt', { json: {} }],
    ['a forbidden key', '/v1/filings/acceptance-extension/validate', { body: '{"__proto__":{}}', headers: { 'content-type': 'application/json' } }],
  ] as Array<[string, string, Call]>)('answers %s with the same problem+json', async (_, path, o) => {
    for (const lang of ['zh-CN', 'en']) {
      const r = await both(path, { ...o, headers: { ...o.headers, 'accept-language': lang } });
      expect(r.workerd).toEqual(r.node);
      expect(r.workerd.status).toBeGreaterThanOrEqual(400);
      expect(r.workerd.type).toBe('application/problem+json; charset=utf-8');
    }
  });
});

describe('renders on workerd', () => {
  // `<filing>/<sample>[@<pinned version>] <format> <locale>`
  const cases = Object.keys(golden).map((id) => {
    const [ref, format, locale] = id.split(' ') as [string, 'docx' | 'html', string];
    const [sample, version] = ref.split('@') as [string, string | undefined];
    const [filingId, name] = sample.split('/') as [string, string];
    return { id, filingId, name, format, locale, version };
  });

  it('renders every golden case to the recorded bytes', { timeout: 600_000 }, async () => {
    const inputs = new Map<string, string>();
    const got: Record<string, string> = {};
    for (const c of cases) {
      const path = join('samples', c.filingId, `${c.name}.json`);
      if (!inputs.has(path)) inputs.set(path, readFileSync(path, 'utf8'));
      const res = await onWorkerd(`/v1/filings/${c.filingId}/render?format=${c.format}&locale=${c.locale}${c.version ? `&version=${c.version}` : ''}${c.name.startsWith('noncompliant-') ? '&draft=true' : ''}`, { key: renderer, body: inputs.get(path)!, headers: { 'content-type': 'application/json' } });
      expect(res.status, c.id).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      got[c.id] = sha256(bytes);
      expect(res.headers.get('x-output-sha256')).toBe(got[c.id]);
    }
    expect(got).toEqual(golden);
  });

  it('audits the renders in D1 under the key that asked', async () => {
    const log = (await (await onWorkerd('/v1/generations?limit=3')).json()) as { items: Array<{ outcome: string; format: string; keyId: string }> };
    expect(log.items).toHaveLength(3);
    expect(log.items.every((i) => i.outcome === 'ok')).toBe(true);
  });
});

describe('template maintenance on workerd', () => {
  const FILING = 'acceptance-extension';
  const source = readFileSync(`templates/${FILING}/1.0.0/${FILING}.hbs`, 'utf8');
  const sample = readFileSync(`samples/${FILING}/national-data-sharing-platform.json`, 'utf8');

  function upload(version: string, html: string): FormData {
    const form = new FormData();
    for (const [k, v] of Object.entries({ version, effectiveFrom: '2020-01-01', regulationBasis: '国办发〔2019〕57号' })) form.append(k, v);
    form.append('html', new File([html], 'template.hbs'));
    return form;
  }

  it('takes an uploaded HTML template, publishes it and renders it without compiling code, as Node renders it', async () => {
    const changed = source.replace('margin: 37mm 26mm 35mm 28mm;', 'margin: 37mm 26mm 35mm 27mm;');
    expect(changed).not.toBe(source);
    for (const call of [onWorkerd, onNode]) {
      const created = await call(`/v1/templates/${FILING}/versions`, { body: upload('1.5.0', changed) });
      expect(created.status).toBe(201);
      expect((await call(`/v1/templates/${FILING}/versions/1.5.0/publish`, { json: { effectiveFrom: '2020-01-01' } })).status).toBe(200);
    }
    const render = (call: typeof onNode) => call(`/v1/filings/${FILING}/render?format=html&locale=bilingual&version=1.5.0`, { body: sample, headers: { 'content-type': 'application/json' } });
    const [onW, onN] = [await render(onWorkerd), await render(onNode)];
    expect(onW.status).toBe(200);
    expect(onW.headers.get('x-template-version')).toBe('1.5.0');
    const html = await onW.text();
    expect(html).toContain('margin: 37mm 26mm 35mm 27mm;');
    expect(html).toBe(await onN.text());
    const listed = (await (await onWorkerd(`/v1/templates/${FILING}/versions`)).json()) as { versions: Array<{ version: string; status: string; source: string }> };
    expect(listed.versions).toContainEqual(expect.objectContaining({ version: '1.5.0', status: 'published', source: 'upload' }));
  });

  it('refuses an upload the lint refuses, as Node does', async () => {
    const bad = source.replace('</body>', '{{> evil}}</body>');
    const r = await both(`/v1/templates/${FILING}/versions`, { body: upload('1.6.0', bad), headers: { 'accept-language': 'en' } });
    expect(r.workerd.status).toBe(422);
    expect(r.workerd).toEqual(r.node);
  });
});

describe('the workbench on workerd', () => {
  it('signs a staff member in and shows their projects', async () => {
    const staff = (await (await onWorkerd('/v1/keys', { json: { name: '王芳', role: 'staff' } })).json()) as { secret: string };
    const signIn = await w.fetch('/sign-in', { method: 'POST', redirect: 'manual', headers: { origin: w.origin, 'x-forwarded-host': new URL(w.origin).host, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ key: staff.secret, next: '/' }).toString() });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/projects');
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const page = await w.fetch('/projects', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /src="(\/assets\/app\.js\?v=[0-9a-f]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await w.fetch(script!)).status).toBe(200);
  });
});

describe('the Cron Trigger on workerd', () => {
  it('runs the reminder job: a signed webhook for the overdue annual report, once', async () => {
    const project = await onWorkerd('/v1/projects', { json: { name: '国家示范平台', data: { project: projectBlock('national', '国家示范平台'), milestones: { start: '2024-09-01', completion: '2025-08-17' } } } });
    expect(project.status).toBe(201);
    const receiver = await onWorkerd('/v1/webhooks', { json: { url: rx.url } });
    expect(receiver.status).toBe(201);
    rx.secrets.push(((await receiver.json()) as { secret: string }).secret);

    await w.scheduled(new Date('2025-12-01T01:00:00Z'));
    expect(rx.got.length).toBeGreaterThan(0);
    expect(rx.got.every((r) => r.verified)).toBe(true);
    expect(rx.got.map((r) => `${r.body.data.obligation.id} ${r.body.data.stage.offsetDays}`)).toContain('annual-report:2024 -1');
    const sent = rx.got.length;
    await w.scheduled(new Date('2025-12-01T01:01:00Z'));
    expect(rx.got.length).toBe(sent);
  });
});

describe('the retention on workerd’s Cron Trigger', () => {
  it('thins a draft’s history in D1 once it is older than DRAFT_HISTORY_KEEP_DAYS (90), keeping the last of its day', async () => {
    const project = await onWorkerd('/v1/projects', { json: { name: '留存示范平台', data: { project: projectBlock('national', '留存示范平台') } } });
    expect(project.status).toBe(201);
    const base = `/v1/projects/${((await project.json()) as { id: string }).id}/drafts`;
    const created = await onWorkerd(base, { json: { filing: 'acceptance-extension' } });
    expect(created.status).toBe(201);
    let draft = (await created.json()) as { id: string; revision: number };
    for (const title of ['一', '二', '三']) {
      const saved = await onWorkerd(`${base}/${draft.id}`, { method: 'PUT', json: { baseRevision: draft.revision, data: { note: title } } });
      expect(saved.status).toBe(200);
      draft = (await saved.json()) as typeof draft;
    }
    const history = async () => ((await (await onWorkerd(`${base}/${draft.id}/revisions`)).json()) as { revisions: Array<{ revision: number }> }).revisions.map((r) => r.revision);
    expect(await history()).toEqual([4, 3, 2, 1]);
    await w.scheduled(new Date(Date.now() + 89 * 86_400_000));
    expect(await history()).toEqual([4, 3, 2, 1]);
    await w.scheduled(new Date(Date.now() + 100 * 86_400_000));
    expect(await history()).toEqual([4]);
  });
});

describe('the embedded fonts on workerd', () => {
  const manifest = JSON.parse(readFileSync('.fonts/slices/manifest.json', 'utf8')) as { faces: Array<{ slices: unknown[] }> };

  it('reads the slices’ manifest through the ASSETS binding (readiness says what it can read)', async () => {
    const ready = (await (await onWorkerd('/ready', { key: null })).json()) as { checks: { browser: { ok: boolean; detail: string } } };
    const slices = manifest.faces.reduce((n, f) => n + f.slices.length, 0);
    expect(ready.checks.browser.ok).toBe(true);
    expect(ready.checks.browser.detail).toMatch(new RegExp(`(^|; )embedded fonts: ${manifest.faces.length} faces, ${slices} slices$`));
    // The slices are the Worker's to read, not served on its address.
    expect((await onWorkerd('/manifest.json', { key: null })).status).toBe(404);
  });

  it('inlines the slices a filing needs, read through the binding, byte for byte as Node inlines them', { timeout: 180_000 }, async () => {
    const fonts = await startWorkerd({}, configWithoutRateLimiter(), { script: 'test/workers/fixtures/font-embed-worker.ts' });
    try {
      const sample = readFileSync('samples/acceptance-extension/national-data-sharing-platform.json', 'utf8');
      const html = await (await onNode('/v1/filings/acceptance-extension/render?format=html&locale=zh-CN&version=1.1.0', { body: sample, headers: { 'content-type': 'application/json' } })).text();
      const res = await fonts.fetch('/', { method: 'POST', body: html });
      expect(res.status).toBe(200);
      const onW = await res.text();
      const slices = res.headers.get('x-slices')!.split(' ');
      expect(slices).toContain('fandolfang-regular/119.woff2');
      expect(slices.length).toBeGreaterThan(10);
      // Every inlined face is WOFF2 ("wOF2", base64 d09GMg).
      const faces = [...onW.matchAll(/url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => m[1]!);
      expect(faces).toHaveLength(slices.length);
      expect(faces.every((b64) => b64.startsWith('d09GMg'))).toBe(true);
      expect(onW).toBe((await embedFonts(html, fileSliceSource())).html);
    } finally {
      await fonts.close();
    }
  });
});
