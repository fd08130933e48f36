// Packages, the audit log, overload and shutdown, and the compliance gate through app.request, against real
// templates, SQLite and Chromium; every response is checked against /openapi.json.
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { createApp } from './app.ts';
import { docxParts } from '../../test/support/documents.ts';
import { httpHarness } from '../../test/support/http-harness.ts';

const { h, call, problem, baseDeps, sample } = httpHarness();

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
    expect(page.items[0]!.keyId).toBe(h.keys.staff.split('_')[1]);
    const next = (await (await call('GET', `/v1/generations?limit=500&before=${page.next}`)).json()) as { items: unknown[] };
    expect(next.items.length).toBe(before.items.length);
    expect((await problem(await call('GET', '/v1/generations?limit=0'))).code).toBe('query_invalid');
  });
});

describe('overload, limits and shutdown', () => {
  it('limits each key’s rate with 429 and Retry-After', async () => {
    const app = createApp({ ...baseDeps(), rateLimitPerMinute: 2 });
    const get = () => app.request('/v1/filings', { headers: { authorization: `Bearer ${h.keys.renderer}` } });
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
    const app = createApp({ ...baseDeps(), render: { templates: h.node.services.templates, pdf: failing } });
    const res = await app.request('/v1/filings/acceptance-extension/render?format=pdf', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.renderer}`, 'content-type': 'application/json' },
      body: JSON.stringify(sample()),
    });
    h.drift.push(...(await h.check('POST', '/v1/filings/acceptance-extension/render', res)));
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await problem(res)).code).toBe(code);
  });

  it('refuses new work while draining, and readiness says so', async () => {
    const lifecycle = { draining: true, inFlight: 0 };
    const app = createApp({ ...baseDeps(), lifecycle });
    const res = await app.request('/v1/filings', { headers: { authorization: `Bearer ${h.keys.renderer}` } });
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
    expect([...new Set(h.drift)]).toEqual([]);
  });
});
