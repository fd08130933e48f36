// Every route and error path through app.request, against real templates, SQLite and Chromium; every response is
// checked against /openapi.json so the document cannot drift from the behaviour. Packages, the audit log, limits
// and compliance: packages.test.ts beside this file.
import { describe, expect, it } from 'vitest';
import { FILING_IDS } from '../core/filings/index.ts';
import { docxParts, pdfText } from '../../test/support/documents.ts';
import { httpHarness, type CallOpts } from '../../test/support/http-harness.ts';

const { h, call, problem, sample } = httpHarness();

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
    const js = await h.node.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await h.node.app.request('/docs/assets/../../package.json')).status).toBe(404);
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
    h.drift.pop(); // an unknown route is, by definition, not in the document
  });
});

describe('authentication and roles', () => {
  it('requires a key, refuses malformed headers, wrong and revoked keys', async () => {
    const none = await call('GET', '/v1/filings', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await problem(none)).code).toBe('unauthorized');
    const malformed = await h.node.app.request('/v1/filings', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(malformed.status).toBe(400);
    expect((await problem(malformed)).code).toBe('auth_header_malformed');
    expect((await call('GET', '/v1/filings', { key: 'fsk_000000000000_' + 'A'.repeat(43) })).status).toBe(401);
    expect((await call('GET', '/v1/filings', { key: h.keys.admin.slice(0, -1) + (h.keys.admin.endsWith('A') ? 'B' : 'A') })).status).toBe(401);

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
    const res = await h.node.app.request('/v1/filings/acceptance-extension/render', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json' },
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


describe('OpenAPI document', () => {
  it('matched every response the tests above received', () => {
    expect([...new Set(h.drift)]).toEqual([]);
  });
});
