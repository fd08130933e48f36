// The admin key from the environment (ADMIN_API_KEY) through the real SQLite store: it renders, packages and is
// audited under its own key row; revoking it holds across restarts until the variable is set to a new value.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterEach, describe, expect, it } from 'vitest';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { samplesOf } from './support/samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'filing-admin-key-'));
const env = (key?: string) => ({ ...process.env, DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), ADMIN_API_KEY: key });
const body = JSON.stringify(samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input);
const FIRST = 'first-admin-key-from-the-environment-0001';
const SECOND = 'second-admin-key-from-the-environment-002';
let node: NodeApp | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

const as = (key: string, init: RequestInit = {}) => ({ ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });

describe('ADMIN_API_KEY', () => {
  it('renders and packages, and every render is audited under the key’s own row', async () => {
    node = await composeNodeApp(env(FIRST));
    const res = await node.app.request('/v1/filings/acceptance-extension/render?format=docx', as(FIRST, { method: 'POST', body }));
    expect(res.status).toBe(200);
    expect(new PizZip(new Uint8Array(await res.arrayBuffer())).file('word/document.xml')!.asText()).toContain('国家政务数据共享交换平台');
    const pkg = await node.app.request('/v1/packages', as(FIRST, { method: 'POST', body: JSON.stringify({ documents: [{ filing: 'acceptance-extension', format: 'html', data: JSON.parse(body) }] }) }));
    expect(pkg.status).toBe(200);

    const keys = (await (await node.app.request('/v1/keys', as(FIRST))).json()) as { keys: Array<{ id: string; name: string; role: string; revokedAt: string | null }> };
    const row = keys.keys.find((k) => k.name === 'ADMIN_API_KEY')!;
    expect(row).toMatchObject({ role: 'admin', revokedAt: null });
    expect(row.id).toMatch(/^env-[0-9a-f]{12}$/);
    expect(JSON.stringify(keys)).not.toContain(FIRST);
    const log = (await (await node.app.request('/v1/generations?limit=2', as(FIRST))).json()) as { items: Array<{ keyId: string; outcome: string; format: string }> };
    expect(log.items).toEqual([expect.objectContaining({ keyId: row.id, outcome: 'ok', format: 'html' }), expect.objectContaining({ keyId: row.id, outcome: 'ok', format: 'docx' })]);
  });

  it('stays revoked after a restart with the same value; a new value replaces the old key; unset, none is left', async () => {
    node = await composeNodeApp(env(FIRST));
    const id = ((await (await node.app.request('/v1/keys', as(FIRST))).json()) as { keys: Array<{ id: string; name: string }> }).keys.find((k) => k.name === 'ADMIN_API_KEY')!.id;
    expect((await node.app.request(`/v1/keys/${id}`, as(FIRST, { method: 'DELETE' }))).status).toBe(204);
    expect((await node.app.request('/v1/keys', as(FIRST))).status).toBe(401);
    await node.close();

    node = await composeNodeApp(env(FIRST));
    expect((await node.app.request('/v1/keys', as(FIRST))).status).toBe(401);
    await node.close();

    node = await composeNodeApp(env(SECOND));
    expect((await node.app.request('/v1/filings/acceptance-extension/render?format=html', as(SECOND, { method: 'POST', body }))).status).toBe(200);
    const rows = ((await (await node.app.request('/v1/keys', as(SECOND))).json()) as { keys: Array<{ name: string; revokedAt: string | null }> }).keys.filter((k) => k.name === 'ADMIN_API_KEY');
    expect(rows.map((k) => k.revokedAt === null).sort()).toEqual([false, true]);
    await node.close();

    node = await composeNodeApp(env(undefined));
    expect((await node.app.request('/v1/keys', as(SECOND))).status).toBe(401);
    expect((await node.store.listKeys()).filter((k) => k.name === 'ADMIN_API_KEY').every((k) => k.revokedAt !== null)).toBe(true);
  });
});
