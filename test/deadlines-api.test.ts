// Deadlines through the HTTP API as applications and calendar programs use them: a project's obligations (status by
// DEADLINE_DUE_SOON_DAYS, other organisations kept out), its calendar feed parsed by ical.js (dates right in any time
// zone, an alarm per REMINDER_OFFSETS_DAYS, rotation ends the old URL, links under PUBLIC_URL), receivers refused by
// the URL policy, and a secret rotation during which both secrets verify (standardwebhooks) until
// WEBHOOK_SECRET_OVERLAP_HOURS runs out; dead letters listed and replayed through the API.
import ICAL from 'ical.js';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeNodeApp, type NodeApp } from '../src/runtime/node/compose.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { runReminders } from '../src/usecases/reminders.ts';
import { tempDir } from './support/documents.ts';
import { startReceiver, type Receiver } from './support/reminder-harness.ts';
import { samplesOf } from './support/samples.ts';

const PUBLIC = 'https://filings.example.gov.cn';
let node: NodeApp;
let rx: Receiver;
const keys: Record<'admin' | 'staff' | 'otherStaff', string> = { admin: '', staff: '', otherStaff: '' };
let projectId = '';

const at = (iso: string) => vi.setSystemTime(new Date(iso));
async function call(who: keyof typeof keys | null, method: string, path: string, body?: unknown, lang = 'zh-CN'): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': lang, ...(who ? { Authorization: `Bearer ${keys[who]}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) };
  return node.app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

beforeAll(async () => {
  const dir = tempDir('deadlines-api');
  node = await composeNodeApp({
    ...process.env,
    DATABASE_PATH: join(dir, 'db.sqlite'),
    TEMPLATE_STORE_DIR: join(dir, 'templates'),
    RATE_LIMIT_PER_MINUTE: '100000',
    PUBLIC_URL: `${PUBLIC}/`,
    REMINDER_OFFSETS_DAYS: '14,1,0,-2',
    DEADLINE_DUE_SOON_DAYS: '3',
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    WEBHOOK_SECRET_OVERLAP_HOURS: '2',
    WEBHOOK_MAX_ATTEMPTS: '1',
  });
  const now = new Date().toISOString();
  keys.admin = (await createApiKey(node.store, { name: 'admin', role: 'admin', now })).secret;
  keys.staff = (await createApiKey(node.store, { name: 'staff', role: 'staff', org: 'city', now })).secret;
  keys.otherStaff = (await createApiKey(node.store, { name: 'other', role: 'staff', org: 'elsewhere', now })).secret;
  const project = (samplesOf('acceptance-extension').find((s) => s.name === 'national-data-sharing-platform')!.input as { project: unknown }).project;
  const res = await call('staff', 'POST', '/v1/projects', { name: '数据共享平台', data: { project, milestones: { completion: '2025-08-17' } } });
  expect(res.status).toBe(201);
  projectId = ((await res.json()) as { id: string }).id;
}, 120_000);
afterAll(() => node?.close());
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  rx = await startReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await rx.close();
});

interface Ob {
  id: string;
  due: string;
  nominalDue: string;
  status: string;
  daysLeft: number;
  basis: string[];
  prepare?: { filingId: string };
}

describe('obligations', () => {
  it('lists a project’s obligations with status by DEADLINE_DUE_SOON_DAYS; another organisation gets 404', async () => {
    const list = async () => ((await (await call('staff', 'GET', `/v1/projects/${projectId}/obligations`)).json()) as { obligations: Ob[] }).obligations;
    at('2026-02-20T02:00:00Z');
    const acceptance = (await list()).find((o) => o.id === 'acceptance')!;
    // 6 months from 17 August end on 17 February, inside 春节: the period runs to 24 February.
    expect(acceptance).toMatchObject({ due: '2026-02-24', nominalDue: '2026-02-17', daysLeft: 4, status: 'upcoming', prepare: { filingId: 'acceptance-report' } });
    expect(acceptance.basis.join()).toMatch(/57号/);
    at('2026-02-21T02:00:00Z');
    expect((await list()).find((o) => o.id === 'acceptance')).toMatchObject({ daysLeft: 3, status: 'due-soon' });
    const other = await call('otherStaff', 'GET', `/v1/projects/${projectId}/obligations`);
    expect(other.status).toBe(404);
    expect(((await call('otherStaff', 'GET', '/v1/obligations').then((r) => r.json())) as { projects: unknown[] }).projects).toEqual([]);
  });
});

describe('calendar feeds', () => {
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

  it('a project feed at a secret URL parses with ical.js: each open obligation on its due date, in any time zone, with an alarm per offset', async () => {
    at('2026-02-20T02:00:00Z');
    const issued = (await (await call('staff', 'POST', `/v1/projects/${projectId}/calendar-feed`)).json()) as { url: string; path: string };
    expect(issued.url).toBe(`${PUBLIC}${issued.path}`);
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const res = await call(null, 'GET', issued.path);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
        const acceptance = events(await res.text()).find((e) => e.uid.startsWith(`${projectId}.acceptance@`))!;
        expect(acceptance.startDate.isDate, tz).toBe(true);
        expect(acceptance.startDate.toString(), tz).toBe('2026-02-24');
        expect(acceptance.summary).toContain('验收');
        // One alarm per offset that is not after the due date: 14, 1 and 0 days before.
        const triggers = acceptance.component.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
        expect(triggers.sort((a, b) => a - b)).toEqual([-14 * 86400, -86400, 0]);
        expect(acceptance.component.getFirstPropertyValue('url')).toBe(`${PUBLIC}/deadlines`);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // A new URL ends the old one; an organisation's feed holds its projects; a revoked feed is gone.
    const again = (await (await call('staff', 'POST', `/v1/projects/${projectId}/calendar-feed`)).json()) as { path: string };
    expect((await call(null, 'GET', issued.path)).status).toBe(404);
    expect((await call(null, 'GET', again.path)).status).toBe(200);
    const org = (await (await call('staff', 'POST', '/v1/calendar-feed')).json()) as { path: string; target: string };
    expect(org.target).toBe('city');
    const orgEvents = events(await (await call(null, 'GET', `${org.path}?lang=en`)).text());
    expect(orgEvents.map((e) => e.uid)).toContain(`${projectId}.acceptance@filing-service`);
    expect(orgEvents.find((e) => e.uid.startsWith(`${projectId}.acceptance@`))!.summary).toMatch(/acceptance/i);
    expect((await call('staff', 'DELETE', '/v1/calendar-feed')).status).toBe(204);
    expect((await call(null, 'GET', org.path)).status).toBe(404);
  });
});

describe('webhook receivers', () => {
  it('refuses receivers that point at the service, metadata, link-local, loopback or private addresses not allowed, naming /url', async () => {
    const refused = {
      'https://169.254.169.254/latest': 'address_refused',
      'https://[fe80::1]/hook': 'address_refused',
      'https://10.0.0.5/hook': 'address_refused',
      'https://localhost/hook': 'address_refused',
      'http://hooks.example.com/x': 'scheme_refused',
      [`${PUBLIC}/v1/hook`]: 'self_refused',
      'http://127.0.0.1:8787/v1/hook': 'self_refused',
      'https://user:pw@hooks.example.com/x': 'credentials_refused',
    };
    for (const [url, code] of Object.entries(refused)) {
      for (const lang of ['zh-CN', 'en']) {
        const res = await call('admin', 'POST', '/v1/webhooks', { url }, lang);
        expect(res.status, url).toBe(422);
        const body = (await res.json()) as { code: string; detail: string; errors: Array<{ path: string; code: string; message: string }> };
        expect(body.code).toBe('webhook_url_refused');
        expect(body.errors).toEqual([expect.objectContaining({ path: '/url', code })]);
        if (lang === 'zh-CN') expect(body.errors[0]!.message, url).toMatch(/[\u4e00-\u9fff]/);
        else expect(body.errors[0]!.message, url).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect((await call('staff', 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/x' })).status).toBe(403);
    expect((await call('admin', 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/x' })).status).toBe(201);
  });

  it('rotation: both secrets verify until WEBHOOK_SECRET_OVERLAP_HOURS ends, then only the new one; a dead letter is listed and replayed with its id', async () => {
    at('2026-02-24T01:00:00Z');
    for (const r of ((await (await call('admin', 'GET', '/v1/webhooks')).json()) as { receivers: Array<{ id: string }> }).receivers) await call('admin', 'DELETE', `/v1/webhooks/${r.id}`);
    const created = (await (await call('admin', 'POST', '/v1/webhooks', { url: rx.url, org: 'city' })).json()) as { receiver: { id: string }; secret: string };
    const old = created.secret;
    const rotated = (await (await call('admin', 'POST', `/v1/webhooks/${created.receiver.id}/rotate-secret`)).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(old);
    rx.secrets.push(rotated.secret);
    const verifies = (secret: string, i: number) => {
      const r = rx.got[i]!.raw;
      try {
        new Webhook(secret).verify(r.body, r.headers);
        return true;
      } catch {
        return false;
      }
    };
    rx.answer = () => 500;
    const run = await runReminders(node.reminders, new Date());
    expect(run).toMatchObject({ ran: true, delivery: { dead: run.written } });
    expect(run.written).toBeGreaterThan(0);
    const first = rx.got[0]!;
    expect(first.body.data).toMatchObject({ project: { id: projectId }, stage: { offsetDays: 0 } });
    expect((first.body.data as unknown as { links: { obligations: string } }).links.obligations).toBe(`${PUBLIC}/v1/projects/${projectId}/obligations`);
    expect(rx.got[0]!.raw.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect([verifies(old, 0), verifies(rotated.secret, 0)]).toEqual([true, true]);

    const dead = ((await (await call('admin', 'GET', '/v1/webhook-deliveries?status=dead')).json()) as { deliveries: Array<{ id: string; lastStatus: number }> }).deliveries;
    expect(dead.map((d) => d.id)).toContain(first.id);
    // Three hours later the old secret no longer signs; the replay carries the same webhook-id.
    at('2026-02-24T04:00:00Z');
    rx.answer = () => 200;
    expect((await call('admin', 'POST', `/v1/webhook-deliveries/${first.id}/replay`)).status).toBe(202);
    await runReminders(node.reminders, new Date());
    const replayed = rx.got.length - 1;
    expect(rx.got[replayed]).toMatchObject({ id: first.id, answered: 200 });
    expect(rx.got[replayed]!.raw.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect([verifies(old, replayed), verifies(rotated.secret, replayed)]).toEqual([false, true]);
    expect((await call('admin', 'POST', `/v1/webhook-deliveries/${first.id}/replay`)).status).toBe(409);
  });
});
