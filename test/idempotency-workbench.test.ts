// Idempotency-Key on the workbench's creating POSTs: a retried project or draft creation returns the first answer and
// creates nothing more; the same key with another body is 422.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { tempDir } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';

let node: NodeApp;
let staff = '';
const project = (samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input as { project: unknown }).project;

function post(path: string, body: unknown, key: string): Promise<Response> {
  return Promise.resolve(
    node.app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${staff}`, 'Content-Type': 'application/json', 'Accept-Language': 'en', 'Idempotency-Key': key }, body: JSON.stringify(body) }),
  );
}
async function list(path: string): Promise<unknown[]> {
  const res = await node.app.request(path, { headers: { Authorization: `Bearer ${staff}` } });
  const body = (await res.json()) as Record<string, unknown[]>;
  return Object.values(body)[0]!;
}

beforeAll(async () => {
  const dir = tempDir('idempotency-workbench');
  node = await composeNodeApp({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'templates') });
  staff = (await createApiKey(node.store, { name: 'staff', role: 'staff', org: 'city', now: new Date().toISOString() })).secret;
}, 120_000);
afterAll(() => node?.close());

describe('Idempotency-Key on the workbench', () => {
  it('creates a project once for a retried POST /v1/projects, and refuses the key with another body', async () => {
    const key = crypto.randomUUID();
    const body = { name: '数据共享平台', data: { project } };
    const first = await post('/v1/projects', body, key);
    expect(first.status).toBe(201);
    const again = await post('/v1/projects', body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const id = ((await first.json()) as { id: string }).id;
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect(await list('/v1/projects')).toHaveLength(1);

    const other = await post('/v1/projects', { ...body, name: '另一个项目' }, key);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(await list('/v1/projects')).toHaveLength(1);
  });

  it('creates a draft once for a retried POST of a draft', async () => {
    const created = await post('/v1/projects', { name: '草稿项目', data: { project } }, crypto.randomUUID());
    const projectId = ((await created.json()) as { id: string }).id;
    const key = crypto.randomUUID();
    const body = { filing: 'acceptance-extension' };
    const first = await post(`/v1/projects/${projectId}/drafts`, body, key);
    expect(first.status).toBe(201);
    const again = await post(`/v1/projects/${projectId}/drafts`, body, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await list(`/v1/projects/${projectId}/drafts`)).toHaveLength(1);
  });
});
