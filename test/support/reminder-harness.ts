// The reminder job against a real SQLite file and a webhook receiver on loopback that checks every request with the
// standardwebhooks library (the specification's own implementation, not ours): what it accepted, in order.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config.ts';
import type { ProjectRecord } from '../../src/core/ports.ts';
import { deadlineServices, reminderDeps } from '../../src/runtime/node/reminder-cron.ts';
import { nodeSqlDatabase } from '../../src/runtime/node/node-sql-database.ts';
import { SqliteStore } from '../../src/runtime/node/sqlite-store.ts';
import { sqlFeedStore, sqlReceiverStore } from '../../src/storage/sql-receiver-store.ts';
import { sqlReminderStore } from '../../src/storage/sql-reminder-store.ts';
import { sqlWorkbenchStore } from '../../src/storage/sql-workbench-store.ts';
import { registerReceiver } from '../../src/usecases/webhook-receivers.ts';
import { tempDir } from './documents.ts';

export interface Received {
  id: string;
  timestamp: number;
  body: { type: string; data: { project: { id: string }; obligation: { id: string; due: string }; stage: { offsetDays: number } } };
  /** Signed with the secret the receiver was given; checked by standardwebhooks. */
  verified: boolean;
  answered: number;
  /** The request as it came, for checks with other secrets. */
  raw: { body: string; headers: Record<string, string> };
}

export interface Receiver {
  url: string;
  got: Received[];
  /** What to answer the n-th request (0-based); 200 unless set. */
  answer: (n: number, r: Received) => number | Promise<number>;
  secrets: string[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const state: Receiver = { url: '', got: [], answer: () => 200, secrets: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified = state.secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const r: Received = { id: headers['webhook-id']!, timestamp: Number(headers['webhook-timestamp']), body: JSON.parse(body) as Received['body'], verified, answered: 0, raw: { body, headers } };
      void Promise.resolve(state.answer(state.got.length, r)).then((status) => {
        r.answered = status;
        state.got.push(r);
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  state.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return state;
}

export interface Harness {
  dir: string;
  store: SqliteStore;
  deps: ReturnType<typeof reminderDeps>;
  services: ReturnType<typeof deadlineServices>;
  workbench: ReturnType<typeof sqlWorkbenchStore>;
  addProject(id: string, org: string, data: ProjectRecord['data']): Promise<void>;
  setMilestones(id: string, milestones: unknown): Promise<void>;
  addReceiver(url: string, secretsOut: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Time is whatever the clock says; every config variable may be overridden. */
export function harness(clock: () => Date, env: Record<string, string> = {}, dir = tempDir('reminders')): Harness {
  const config = loadConfig({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32', PORT: '1', DATABASE_PATH: join(dir, 'db.sqlite'), ...env });
  const store = new SqliteStore(config.DATABASE_PATH);
  const sql = nodeSqlDatabase(store.db);
  const services = deadlineServices(config, { reminders: sqlReminderStore(sql), receivers: sqlReceiverStore(sql), feeds: sqlFeedStore(sql) });
  const deps = reminderDeps(config, services, () => {}, clock);
  const workbench = sqlWorkbenchStore(sql);
  return {
    dir,
    store,
    deps,
    services,
    workbench,
    async addProject(id, org, data) {
      const at = clock().toISOString();
      await workbench.insertProject({ id, org, title: id, data, revision: 1, createdAt: at, updatedAt: at, updatedBy: null });
    },
    async setMilestones(id, milestones) {
      const p = (await workbench.getProject(id))!;
      await workbench.updateProject(id, p.revision, { data: { ...p.data, milestones }, title: p.title, at: clock().toISOString(), by: null });
    },
    async addReceiver(url, secretsOut) {
      const r = await registerReceiver({ receivers: services.receivers, reminders: services.reminders, policy: services.policy, now: clock, rotationOverlapMs: config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000 }, 'test', { url });
      secretsOut.push(r.secret);
      return r.receiver.id;
    },
    close: () => store.close(),
  };
}

export const projectBlock = (profile: 'national' | 'district', name: string) => ({ name, approvingDepartment: '市政务服务和数据管理局', financeDepartment: '市财政局', jurisdiction: { profile, name: profile === 'national' ? '国家' : '示范区', regionCode: '110000' } });

/** Each day at 09:00 China time (01:00 UTC), from `from` to `to` inclusive. */
export function* mornings(from: string, to: string): Generator<{ day: string; at: Date }> {
  for (let t = Date.parse(`${from}T01:00:00Z`); t <= Date.parse(`${to}T01:00:00Z`); t += 86_400_000) yield { day: new Date(t).toISOString().slice(0, 10), at: new Date(t) };
}
