// Every route and error path through app.request, against real templates, SQLite and Chromium; every response is
// checked against /openapi.json so the document cannot drift from the behaviour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../runtime/node/compose.ts';
import { createApiKey } from '../usecases/keys.ts';
import { createApp } from './app.ts';
import { AppError } from '../core/errors.ts';
import { FILING_IDS } from '../core/filings/index.ts';
import type { Role } from '../core/ports.ts';
import { createOpenApiChecker, fetchOpenApi } from '../../test/support/openapi-check.ts';
import { docxParts, pdfText } from '../../test/support/documents.ts';
import { samplesOf } from '../../test/support/samples.ts';

let node: NodeApp;
const keys = {} as Record<Role, string>;
const drift: string[] = [];
let checkAgainstOpenApi: ReturnType<typeof createOpenApiChecker>;
const sample = () => structuredClone(samplesOf('acceptance-extension').find((x) => x.name === 'national-data-sharing-platform')!.input) as Record<string, unknown>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'filing-http-'));
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), RATE_LIMIT_PER_MINUTE: '10000', MAX_BODY_BYTES: String(256 * 1024) });
  for (const role of ['renderer', 'staff', 'maintainer', 'admin'] as const) keys[role] = (await createApiKey(node.store, { name: role, role, now: new Date().toISOString() })).secret;
  checkAgainstOpenApi = createOpenApiChecker(await fetchOpenApi(node.app));
});
afterAll(async () => {
  await node.close();
});

interface CallOpts {
  key?: Role | string | null;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
}

async function call(method: string, path: string, o: CallOpts = {}): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  const key = o.key === undefined ? 'admin' : o.key;
  if (key) headers.authorization = `Bearer ${key in keys ? keys[key as Role] : key}`;
  let body: BodyInit | undefined = o.raw;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await node.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  drift.push(...(await checkAgainstOpenApi(method, path, res)));
  return res;
}

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { code: string; status: number; detail: string; errors?: Array<{ path: string; code: string; message: string }>; [k: string]: unknown };
}

describe('service endpoints', () => {
  it('answers liveness, readiness, the OpenAPI document and the docs page', async () => {
    expect((await call('GET', '/health', { key: null })).status).toBe(200);
    const ready = await call('GET', '/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: { database: { ok: boolean } } }).checks.database.ok).toBe(true);
    const doc = (await (await call('GET', '/openapi.json', { key: null })).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/v1/filings/{id}/render', '/v1/packages', '/v1/generations', '/v1/keys/{id}', '/ready']) expect(doc.paths).toHaveProperty([p]);
    const docs = await call('GET', '/docs', { key: null });
    const html = await docs.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await node.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await node.app.request('/docs/assets/../../package.json')).status).toBe(404);
  });

  it('sets secure headers and a request id on every response', async () => {
    const res = await call('GET', '/health', { key: null });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await call('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await problem(res)).code).toBe('not_found');
    drift.pop(); // an unknown route is, by definition, not in the document
  });
});

describe('authentication and roles', () => {
  it('requires a key, refuses malformed headers, wrong and revoked keys', async () => {
    const none = await call('GET', '/v1/filings', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await problem(none)).code).toBe('unauthorized');
    const malformed = await node.app.request('/v1/filings', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(malformed.status).toBe(400);
    expect((await problem(malformed)).code).toBe('auth_header_malformed');
    expect((await call('GET', '/v1/filings', { key: 'fsk_000000000000_' + 'A'.repeat(43) })).status).toBe(401);
    expect((await call('GET', '/v1/filings', { key: keys.admin.slice(0, -1) + (keys.admin.endsWith('A') ? 'B' : 'A') })).status).toBe(401);

    const created = (await (await call('POST', '/v1/keys', { body: { name: 'temporary', role: 'renderer' } })).json()) as { id: string; secret: string };
    expect((await call('GET', '/v1/filings', { key: created.secret })).status).toBe(200);
    expect((await call('DELETE', `/v1/keys/${created.id}`)).status).toBe(204);
    expect((await call('GET', '/v1/filings', { key: created.secret })).status).toBe(401);
    expect((await call('DELETE', `/v1/keys/${created.id}`)).status).toBe(404);
  });

  it('keeps key management and the audit log to admins', async () => {
    for (const role of ['renderer', 'staff', 'maintainer'] as const) {
      const res = await call('POST', '/v1/keys', { key: role, body: { name: 'x', role: 'admin' } });
      expect(res.status).toBe(403);
      expect((await problem(res)).code).toBe('forbidden');
      expect((await call('GET', '/v1/generations', { key: role })).status).toBe(403);
    }
    const list = (await (await call('GET', '/v1/keys')).json()) as { keys: Array<Record<string, unknown>> };
    expect(list.keys.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(list)).not.toMatch(/fsk_|secret/i);
    const bad = await call('POST', '/v1/keys', { body: { name: '', role: 'root' } });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).errors!.map((e) => e.path).sort()).toEqual(['/name', '/role']);
  });
});

function baseDeps() {
  return {
    render: node.services,
    store: node.store,
    samples: { list: () => [], get: () => undefined },
    now: () => new Date(),
    log: () => {},
    readiness: { browser: async () => ({ ok: true }), queue: () => ({ active: 0, queued: 0, limit: 1 }) },
    lifecycle: { draining: false, inFlight: 0 },
  };
}

describe('filings and samples', () => {
  it('lists the filings with titles, active template version and sections', async () => {
    const body = (await (await call('GET', '/v1/filings', { key: 'renderer' })).json()) as { filings: Array<{ id: string; activeTemplateVersion: string | null; sections: unknown[] }> };
    expect(body.filings.map((f) => f.id).sort()).toEqual([...FILING_IDS].sort());
    for (const f of body.filings) {
      expect(f.activeTemplateVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(f.sections.length).toBeGreaterThan(0);
    }
  });

  it('describes one filing: JSON Schema, sections with citations and conditions, versions', async () => {
    const body = (await (await call('GET', '/v1/filings/acceptance-extension')).json()) as {
      inputSchema: { properties: Record<string, unknown>; required: string[] };
      sections: Array<{ id: string; citations: Array<{ 'zh-CN': string }>; condition: unknown; profiles: string[] }>;
      templateVersions: Array<{ version: string }>;
    };
    expect(body.inputSchema.properties).toHaveProperty('project');
    expect(body.inputSchema.required).toContain('reasons');
    const freeze = body.sections.find((s) => s.id === 'funding_freeze')!;
    expect(freeze.profiles).toEqual(['district']);
    expect(body.sections.find((s) => s.id === 'attachments')!.condition).toMatchObject({ id: 'has_attachments' });
    expect(body.sections.find((s) => s.id === 'reasons')!.citations[0]!['zh-CN']).toContain('国办发〔2019〕57号');
    expect(body.templateVersions.map((v) => v.version)).toContain('1.0.0');
  });

  it('answers an unknown filing with 404 listing the valid ids, in the caller’s language', async () => {
    const zh = await problem(await call('GET', '/v1/filings/proposal'));
    expect(zh.status).toBe(404);
    expect(zh.valid).toEqual([...FILING_IDS]);
    expect(zh.detail).toContain('未知的文书类型');
    const en = await problem(await call('GET', '/v1/filings/proposal', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } }));
    expect(en.detail).toMatch(/^Unknown filing/);
  });

  it('serves the samples so an integrator starts from a working body', async () => {
    const list = (await (await call('GET', '/v1/filings/acceptance-extension/samples')).json()) as { samples: Array<{ name: string; href: string }> };
    expect(list.samples.map((s) => s.name)).toContain('national-data-sharing-platform');
    expect(list.samples.every((s) => !s.name.startsWith('invalid'))).toBe(true);
    const one = await call('GET', list.samples[0]!.href);
    expect(((await one.json()) as { project: unknown }).project).toBeTruthy();
    expect((await problem(await call('GET', '/v1/filings/acceptance-extension/samples/..%2Fsecret'))).code).toBe('sample_unknown');
  });
});

describe('validate', () => {
  it('says valid for a good body and lists every error with its path otherwise', async () => {
    expect(await (await call('POST', '/v1/filings/acceptance-extension/validate', { key: 'renderer', body: sample() })).json()).toEqual({ valid: true, errors: [] });
    const bad = sample();
    delete bad.reasons;
    (bad.project as Record<string, unknown>).code = 'X';
    const res = (await (await call('POST', '/v1/filings/acceptance-extension/validate', { body: bad, headers: { 'accept-language': 'en' } })).json()) as { valid: boolean; errors: Array<{ path: string; message: string }> };
    expect(res.valid).toBe(false);
    expect(res.errors.map((e) => e.path).sort()).toEqual(['/project/code', '/reasons']);
    expect(res.errors[0]!.message).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('render', () => {
  it('returns a DOCX with its headers and a Chinese file name', async () => {
    const res = await call('POST', '/v1/filings/acceptance-extension/render?format=docx&locale=zh-CN', { key: 'renderer', body: sample() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="acceptance-extension-[0-9a-f]{12}\.docx"; filename\*=UTF-8''%E5%85%B3%E4%BA%8E/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe('关于国家政务数据共享交换平台（二期）工程延期验收的请示.docx');
    expect(res.headers.get('x-template-version')).toBe('1.0.0');
    expect(res.headers.get('x-input-sha256')).toMatch(/^[0-9a-f]{64}$/);
    const { text } = docxParts(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('国家政务数据共享交换平台（二期）工程');
  });

  it('takes the format from Accept, and PDF comes from the real browser', async () => {
    const res = await call('POST', '/v1/filings/acceptance-extension/render?locale=en', { body: sample(), headers: { accept: 'application/pdf' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(new Uint8Array(await res.arrayBuffer()))).toContain('Request to Extend the Acceptance Deadline');
    const html = await call('POST', '/v1/filings/acceptance-extension/render', { body: sample(), headers: { accept: 'text/html;q=0.9, application/json;q=0.1' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('data-section="reasons"');
  });

  it.each([
    ['an unsupported Accept', { headers: { accept: 'image/png' } }, '', 406, 'not_acceptable'],
    ['an unknown format', {}, '?format=xls', 400, 'format_unknown'],
    ['an unknown locale', {}, '?locale=fr', 400, 'locale_unknown'],
    ['a body that is not JSON', { raw: 'hello', headers: { 'content-type': 'text/plain' } }, '', 415, 'unsupported_media_type'],
    ['malformed JSON', { raw: '{"project":', headers: { 'content-type': 'application/json' } }, '', 400, 'json_invalid'],
    ['prototype poisoning', { raw: '{"project":{},"__proto__":{"isAdmin":true}}', headers: { 'content-type': 'application/json' } }, '', 400, 'json_forbidden_key'],
    ['constructor.prototype', { raw: '{"constructor":{"prototype":{"x":1}}}', headers: { 'content-type': 'application/json' } }, '', 400, 'json_forbidden_key'],
    ['deep nesting', { raw: '['.repeat(5000) + ']'.repeat(5000), headers: { 'content-type': 'application/json' } }, '', 400, 'json_too_deep'],
    ['a huge array', { raw: JSON.stringify({ reasons: Array(10_001).fill(1) }), headers: { 'content-type': 'application/json' } }, '', 422, 'json_limit_exceeded'],
    ['a declared body over the limit', { raw: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } }, '', 413, 'body_too_large'],
    ['an unknown template version', { body: sample() }, '?version=9.9.9', 422, 'template_missing'],
  ] as const)('refuses %s', async (_, opts, query, status, code) => {
    const res = await call('POST', `/v1/filings/acceptance-extension/render${query}`, opts as CallOpts);
    expect(res.status).toBe(status);
    expect((await problem(res)).code).toBe(code);
    expect(({}) as Record<string, unknown>).not.toHaveProperty('isAdmin');
  });

  it('counts bytes while reading when no length is declared (chunked)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (sent++ < 8) ctrl.enqueue(chunk);
        else ctrl.close();
      },
    });
    const res = await node.app.request('/v1/filings/acceptance-extension/render', {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(8);
  });

  it('reports every schema error at once with JSON Pointers, in Chinese by default', async () => {
    const bad = sample();
    (bad.application as Record<string, unknown>).date = '2026-02-30';
    (bad.progress as Record<string, unknown>).percentComplete = 140;
    bad.surprise = true;
    const body = await problem(await call('POST', '/v1/filings/acceptance-extension/render', { body: bad }));
    expect(body.status).toBe(422);
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['/application/date', '/progress/percentComplete', '/surprise']);
    expect(body.errors!.every((e) => /\p{Script=Han}/u.test(e.message))).toBe(true);
  });
});

describe('packages', () => {
  it('renders several filings into one ZIP with a manifest', async () => {
    const s = sample();
    const res = await call('POST', '/v1/packages', {
      body: { documents: [{ filing: 'acceptance-extension', format: 'docx', locale: 'zh-CN', data: s }, { filing: 'acceptance-extension', format: 'html', locale: 'en', data: s }, { filing: 'acceptance-extension', format: 'docx', data: s }] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = new PizZip(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(zip.file('manifest.json')!.asText()) as { documents: Array<{ file: string; sha256: string; templateVersion: string; filing: string }> };
    expect(manifest.documents).toHaveLength(3);
    expect(new Set(manifest.documents.map((d) => d.file)).size).toBe(3);
    for (const d of manifest.documents) {
      expect(zip.file(d.file)).toBeTruthy();
      expect(d.templateVersion).toBe('1.0.0');
    }
  });

  it('renders nothing when any document is invalid, and says where', async () => {
    const bad = sample();
    delete bad.reasons;
    const body = await problem(await call('POST', '/v1/packages', { body: { documents: [{ filing: 'acceptance-extension', format: 'docx', data: sample() }, { filing: 'acceptance-extension', format: 'pdf', data: bad }, { filing: 'nope', format: 'pdf', data: {} }] } }));
    expect(body.code).toBe('package_invalid');
    expect(body.errors!.map((e) => e.path)).toEqual(['/documents/1/data/reasons', '/documents/2/filing']);
    const shape = await problem(await call('POST', '/v1/packages', { body: { documents: [{ filing: 'acceptance-extension', format: 'gif', data: {} }] } }));
    expect(shape.errors!.map((e) => e.path)).toEqual(['/documents/0/format']);
  });
});

describe('audit log', () => {
  it('records every render, newest first, with outcome, hashes and the key, paged', async () => {
    const before = (await (await call('GET', '/v1/generations?limit=500')).json()) as { items: unknown[] };
    await call('POST', '/v1/filings/acceptance-extension/render?format=html', { key: 'staff', body: sample() });
    const bad = sample();
    delete bad.reasons;
    await call('POST', '/v1/filings/acceptance-extension/render?format=docx', { key: 'staff', body: bad });
    const page = (await (await call('GET', '/v1/generations?limit=2')).json()) as { items: Array<Record<string, unknown>>; next: string };
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ format: 'docx', outcome: 'input_invalid', inputSha256: null });
    expect(page.items[1]).toMatchObject({ format: 'html', outcome: 'ok', templateVersion: '1.0.0', locale: 'zh-CN', filingId: 'acceptance-extension' });
    expect(page.items[1]!.outputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.items[0]!.keyId).toBe(keys.staff.split('_')[1]);
    const next = (await (await call('GET', `/v1/generations?limit=500&before=${page.next}`)).json()) as { items: unknown[] };
    expect(next.items.length).toBe(before.items.length);
    expect((await problem(await call('GET', '/v1/generations?limit=0'))).code).toBe('query_invalid');
  });
});

describe('overload, limits and shutdown', () => {
  it('limits each key’s rate with 429 and Retry-After', async () => {
    const app = createApp({ ...baseDeps(), rateLimitPerMinute: 2 });
    const get = () => app.request('/v1/filings', { headers: { authorization: `Bearer ${keys.renderer}` } });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const third = await get();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await problem(third)).code).toBe('rate_limited');
  });

  it.each([
    ['queue_full', 503],
    ['render_timeout', 503],
    ['renderer_crashed', 503],
  ] as const)('maps a printer %s to %d with Retry-After', async (code, status) => {
    const failing = { print: async () => Promise.reject(new AppError({ code, message: { 'zh-CN': '忙', en: 'busy' }, details: { retryAfterSeconds: 2 } })), close: async () => {} };
    const app = createApp({ ...baseDeps(), render: { templates: node.services.templates, pdf: failing } });
    const res = await app.request('/v1/filings/acceptance-extension/render?format=pdf', {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.renderer}`, 'content-type': 'application/json' },
      body: JSON.stringify(sample()),
    });
    drift.push(...(await checkAgainstOpenApi('POST', '/v1/filings/acceptance-extension/render', res)));
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await problem(res)).code).toBe(code);
  });

  it('refuses new work while draining, and readiness says so', async () => {
    const lifecycle = { draining: true, inFlight: 0 };
    const app = createApp({ ...baseDeps(), lifecycle });
    const res = await app.request('/v1/filings', { headers: { authorization: `Bearer ${keys.renderer}` } });
    expect(res.status).toBe(503);
    expect((await problem(res)).code).toBe('shutting_down');
    expect((await app.request('/ready')).status).toBe(503);
    expect((await app.request('/health')).status).toBe(200);
  });
});

describe('compliance', () => {
  const broken = () => {
    const b = sample();
    (b.project as { fundingSources: Array<{ amount: number }> }).fundingSources[0]!.amount -= 10;
    return b;
  };

  it('checks without rendering: findings with rule, severity, path, message and citation', async () => {
    const body = (await (await call('POST', '/v1/filings/acceptance-extension/check', { key: 'renderer', body: broken(), headers: { 'accept-language': 'en' } })).json()) as {
      findings: Array<{ ruleId: string; severity: string; path: string; message: string; citations: string[] }>;
      errors: number;
    };
    expect(body.errors).toBeGreaterThanOrEqual(1);
    const g3 = body.findings.find((f) => f.ruleId === 'G3')!;
    expect(g3).toMatchObject({ severity: 'error', path: '/project/fundingSources' });
    expect(g3.message).toMatch(/funding sources add up/);
    expect((await (await call('POST', '/v1/filings/acceptance-extension/check', { body: sample() })).json()) as { errors: number }).toMatchObject({ errors: 0 });
  });

  it('lists the rules as data, per filing, in the caller’s language', async () => {
    const all = (await (await call('GET', '/v1/rules', { key: 'renderer' })).json()) as { rules: Array<{ id: string; filings: string[]; citations: string[] }> };
    expect(all.rules.find((r) => r.id === 'G3')!.filings).toContain('feasibility-study');
    const some = (await (await call('GET', '/v1/rules?filing=acceptance-extension', { headers: { 'accept-language': 'en' } })).json()) as { rules: Array<{ filings: string[]; message: string }> };
    expect(some.rules.every((r) => r.filings.includes('acceptance-extension'))).toBe(true);
    expect(some.rules[0]!.message).toMatch(/^[A-Z]/);
    expect((await call('GET', '/v1/rules?filing=nope')).status).toBe(404);
  });

  it('refuses to render a non-compliant filing, with the findings, and logs why', async () => {
    const res = await call('POST', '/v1/filings/acceptance-extension/render?format=docx', { key: 'staff', body: broken() });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.code).toBe('compliance_failed');
    expect((p.findings as Array<{ ruleId: string }>).map((f) => f.ruleId)).toContain('G3');
    const log = (await (await call('GET', '/v1/generations?limit=1')).json()) as { items: Array<{ outcome: string; findings: string[] }> };
    expect(log.items[0]).toMatchObject({ outcome: 'compliance_failed' });
    expect(log.items[0]!.findings).toContain('G3:error');
  });

  it('renders a draft when asked: marked on every page, findings in an appendix, recorded as a draft', async () => {
    const res = await call('POST', '/v1/filings/acceptance-extension/render?format=docx&draft=true', { body: broken() });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-draft')).toBe('true');
    expect(res.headers.get('x-compliance-findings')).toContain('G3:error');
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toContain('（草稿）');
    const { documentXml, text, zip } = docxParts(new Uint8Array(await res.arrayBuffer()));
    expect(zip.file('word/headerDraft.xml')!.asText()).toContain('string="草稿 DRAFT"');
    const sects = documentXml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects.every((x) => x.includes('<w:headerReference w:type="default" r:id="rIdDraftHeader"/>'))).toBe(true);
    expect(text).toContain('附录：合规检查问题（草稿）');
    expect(text).toContain('G3');
    const log = (await (await call('GET', '/v1/generations?limit=1')).json()) as { items: Array<{ outcome: string; draft: boolean }> };
    expect(log.items[0]).toMatchObject({ outcome: 'ok', draft: true });
  });

  it('passes warnings through without blocking', async () => {
    const s = sample();
    (s.approval as Record<string, unknown>).docNo = '发改高技〔2023〕01187号';
    const res = await call('POST', '/v1/filings/acceptance-extension/render?format=html', { body: s });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-compliance-findings')).toContain('G7:warning');
    expect(res.headers.get('x-draft')).toBe('false');
    expect(await res.text()).not.toContain('class="draft-mark"');
  });

  it('refuses a whole package when one document has compliance errors', async () => {
    const body = await problem(await call('POST', '/v1/packages', { body: { documents: [{ filing: 'acceptance-extension', format: 'docx', data: sample() }, { filing: 'acceptance-extension', format: 'docx', data: broken() }] } }));
    expect(body.code).toBe('compliance_failed');
    expect((body.findings as Array<{ path: string }>).map((f) => f.path)).toContain('/documents/1/data/project/fundingSources');
  });
});

describe('OpenAPI document', () => {
  it('matched every response the tests above received', () => {
    expect([...new Set(drift)]).toEqual([]);
  });
});
