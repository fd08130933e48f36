// Template maintenance end to end through the app: upload with lint, preview, publish by date, rollback, diff,
// immutability, concurrent publishes and uploads, and role checks.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../../runtime/node/compose.ts';
import { createApiKey } from '../../usecases/keys.ts';
import type { Role } from '../../core/ports.ts';
import { createOpenApiChecker, fetchOpenApi } from '../../../test/support/openapi-check.ts';

const FILING = 'acceptance-extension';
let node: NodeApp;
const keys = {} as Record<Role, string>;
const drift: string[] = [];
let checkAgainstOpenApi: ReturnType<typeof createOpenApiChecker>;
const gitDocx = () => new Uint8Array(readFileSync(`templates/${FILING}/1.0.0/${FILING}.docx`));
const gitHtml = () => readFileSync(`templates/${FILING}/1.0.0/${FILING}.hbs`, 'utf8');
const sample = () => JSON.parse(readFileSync(`samples/${FILING}/national-data-sharing-platform.json`, 'utf8')) as { application: { date: string } };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'filing-templates-'));
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), RATE_LIMIT_PER_MINUTE: '10000' });
  for (const role of ['renderer', 'staff', 'maintainer', 'admin'] as const) keys[role] = (await createApiKey(node.store, { name: role, role, now: new Date().toISOString() })).secret;
  checkAgainstOpenApi = createOpenApiChecker(await fetchOpenApi(node.app));
});
afterAll(() => node.close());

async function call(method: string, path: string, o: { role?: Role; body?: BodyInit; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${keys[o.role ?? 'maintainer']}` };
  let body = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  }
  const res = await node.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  drift.push(...(await checkAgainstOpenApi(method, path, res)));
  return res;
}

function upload(fields: Record<string, string | string[]>, files: { docx?: Uint8Array; html?: string } = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  if (files.docx) form.append('docx', new File([files.docx as Uint8Array<ArrayBuffer>], 'template.docx'));
  if (files.html !== undefined) form.append('html', new File([files.html], 'template.hbs'));
  return form;
}

function editDocx(edit: (xml: string) => string): Uint8Array {
  const zip = new PizZip(gitDocx());
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

async function renderVersion(date: string): Promise<string | null> {
  const s = sample();
  s.application.date = date;
  const res = await node.app.request(`/v1/filings/${FILING}/render?format=html`, {
    method: 'POST',
    headers: { authorization: `Bearer ${keys.renderer}`, 'content-type': 'application/json' },
    body: JSON.stringify(s),
  });
  return res.headers.get('x-template-version');
}

describe('template versions', () => {
  it('lists the versions kept in git as published', async () => {
    const body = (await (await call('GET', `/v1/templates/${FILING}/versions`)).json()) as { versions: Array<{ version: string; status: string; source: string }> };
    expect(body.versions).toContainEqual(expect.objectContaining({ version: '1.0.0', status: 'published', source: 'git' }));
  });

  it('keeps template maintenance to maintainers and admins', async () => {
    for (const role of ['renderer', 'staff'] as const) {
      expect((await call('GET', `/v1/templates/${FILING}/versions`, { role })).status).toBe(403);
      expect((await call('POST', `/v1/templates/${FILING}/versions`, { role, body: upload({ version: '9.0.0' }) })).status).toBe(403);
    }
    expect((await call('GET', `/v1/templates/${FILING}/versions`, { role: 'admin' })).status).toBe(200);
  });

  it('refuses an upload that fails the lint, listing every problem, and stores nothing', async () => {
    const broken = editDocx((xml) => xml.replace('{#s_reasons}', '{#s_reasons').replace('{heading}', '{headline}'));
    const res = await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.0.1', effectiveFrom: '2026-01-01', regulationBasis: '国办发〔2019〕57号' }, { docx: broken }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; problems: Array<{ code: string; tag?: string }> };
    expect(body.code).toBe('template_lint_failed');
    expect(body.problems.length).toBeGreaterThanOrEqual(2);
    const versions = (await (await call('GET', `/v1/templates/${FILING}/versions`)).json()) as { versions: Array<{ version: string }> };
    expect(versions.versions.map((v) => v.version)).not.toContain('1.0.1');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zip = new PizZip(gitDocx());
    zip.file('word/media/bomb.bin', new Uint8Array(64 * 1024 * 1024), { compression: 'DEFLATE' });
    const bomb = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    // Only the request is timed: deflating 64 MiB in the test itself takes seconds on a loaded machine.
    const t = Date.now();
    const res = await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.0.2', effectiveFrom: '2026-01-01', regulationBasis: 'x' }, { docx: bomb }) });
    expect(res.status).toBe(422);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('refuses an upload missing its fields, with the field paths', async () => {
    const res = await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: 'v2', effectiveFrom: '2026/01/01' }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ path: string }> };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['/docx', '/effectiveFrom', '/regulationBasis', '/version']);
  });

  it('refuses a body that is not multipart/form-data at all with 400 form_invalid', async () => {
    const path = `/v1/templates/${FILING}/versions`;
    const res = await node.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${keys.maintainer}`, 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nnot a part' });
    drift.push(...(await checkAgainstOpenApi('POST', path, res)));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'form_invalid' });
  });

  it('takes a draft, previews it, publishes it on a date, and renders by the filing date', async () => {
    const changed = gitDocx();
    const created = await call('POST', `/v1/templates/${FILING}/versions`, {
      body: upload({ version: '1.5.0', effectiveFrom: '2027-01-01', regulationBasis: ['国办发〔2019〕57号', 'GB/T 9704—2012'] }, { docx: changed }),
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { version: { status: string; sha256: { html: string } }; filledFrom: string };
    expect(draft.version.status).toBe('draft');
    expect(draft.filledFrom).toBe('1.1.0');

    // A draft is never chosen by date.
    expect(await renderVersion('2027-01-05')).toBe('1.1.0');

    const preview = await call('POST', `/v1/templates/${FILING}/versions/1.5.0/preview`, { json: { sample: 'national-data-sharing-platform' } });
    expect(preview.status).toBe(200);
    const zip = new PizZip(new Uint8Array(await preview.arrayBuffer()));
    const manifest = JSON.parse(zip.file('manifest.json')!.asText()) as { documents: Array<{ file: string; draft: boolean; templateVersion: string }> };
    expect(manifest.documents).toHaveLength(9);
    expect(manifest.documents.every((d) => d.draft && d.templateVersion === '1.5.0' && zip.file(d.file))).toBe(true);

    const published = await call('POST', `/v1/templates/${FILING}/versions/1.5.0/publish`, { json: { effectiveFrom: '2027-01-01' } });
    expect(published.status).toBe(200);
    expect(await renderVersion('2026-12-31')).toBe('1.1.0');
    expect(await renderVersion('2027-01-01')).toBe('1.5.0');

    expect((await call('POST', `/v1/templates/${FILING}/versions/1.5.0/publish`, { json: {} })).status).toBe(409);
  });

  it('never changes a published version: the same version cannot be uploaded again', async () => {
    const res = await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.5.0', effectiveFrom: '2027-01-01', regulationBasis: 'x' }, { html: gitHtml() }) });
    expect(res.status).toBe(409);
    expect((await node.app.request(`/v1/templates/${FILING}/versions/1.5.0`, { method: 'PUT', headers: { authorization: `Bearer ${keys.maintainer}` } })).status).toBe(404);
  });

  it('diffs two versions: sections and tags added or removed', async () => {
    const withExtra = editDocx((xml) => xml.replace('{lead}', '{lead}{doc.unit}'));
    expect((await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.6.0', effectiveFrom: '2028-01-01', regulationBasis: 'x' }, { docx: withExtra }) })).status).toBe(201);
    const diff = (await (await call('GET', `/v1/templates/${FILING}/diff?from=1.0.0&to=1.6.0`)).json()) as { sections: Record<string, string[]>; tags: { docx: { added: string[]; removed: string[] } } };
    expect(diff.sections).toEqual({ added: [], removed: [], reordered: [] });
    expect(diff.tags.docx.added).toEqual(['{doc.unit}']);
  });

  it('rolls back by retiring: renders return to the previous version', async () => {
    expect((await call('POST', `/v1/templates/${FILING}/versions/1.5.0/retire`)).status).toBe(200);
    expect(await renderVersion('2027-03-01')).toBe('1.1.0');
    expect((await call('POST', `/v1/templates/${FILING}/versions/1.5.0/retire`)).status).toBe(409);
  });

  it('lets exactly one of many concurrent publishes of a draft through', async () => {
    expect((await call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.7.0', effectiveFrom: '2029-01-01', regulationBasis: 'x' }, { html: gitHtml() }) })).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 8 }, () => call('POST', `/v1/templates/${FILING}/versions/1.7.0/publish`, { json: {} })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('gives one version number to exactly one of many concurrent uploads', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => call('POST', `/v1/templates/${FILING}/versions`, { body: upload({ version: '1.4.0', effectiveFrom: '2030-01-01', regulationBasis: 'x' }, { html: gitHtml() }) })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('matched /openapi.json with every response', () => {
    expect([...new Set(drift)]).toEqual([]);
  });
});
