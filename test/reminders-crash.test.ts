// The service killed with SIGKILL while a webhook is on the wire, then started again on the same database: the reminder
// is delivered after the restart with the webhook-id of the attempt that was cut off, nothing is planned twice, and no
// other id reaches the receiver. The real entry point (node-cron, the lease, the Node sender) runs as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, it } from 'vitest';
import { harness, projectBlock, startReceiver, type Receiver } from './support/reminder-harness.ts';
import { SERVICE_ARGS } from './support/service-command.ts';

const children: ChildProcess[] = [];
let rx: Receiver | undefined;

afterEach(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rx?.close();
});

function startService(dir: string): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, SERVICE_ARGS, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.2',
      DATABASE_PATH: join(dir, 'db.sqlite'),
      // No PDFs are needed here, so no browser is left behind by the kill.
      CHROMIUM_PATH: join(dir, 'no-chromium'),
      REMINDER_CRON: '*/2 * * * * *',
      REMINDER_LEASE_SECONDS: '5',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  children.push(child);
  return { child, output: () => out };
}

async function until(what: string, ok: () => boolean, output: () => string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('kill -9 mid-delivery, then restart: the reminder arrives once more with the same webhook-id, and nothing else', { timeout: 180_000 }, async () => {
  rx = await startReceiver();
  const setup = harness(() => new Date());
  // A contract signed long ago and never filed (the district measure's 5 working days): its overdue stage is due whatever today is.
  await setup.addProject('P', 'city', { project: projectBlock('district', '区数据平台'), milestones: { contractSignings: [{ name: '平台建设合同', date: '2025-08-02' }] } });
  await setup.addReceiver(rx.url, rx.secrets);
  await setup.close();

  const firstService = startService(setup.dir);
  let first: typeof firstService | undefined = firstService;
  const killed: string[] = [];
  rx.answer = async (n, r) => {
    if (n > 0 || !first) return 200;
    // The first request is on the wire: the service dies before it hears the answer.
    killed.push(r.id);
    const child = first.child;
    first = undefined;
    const gone = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await gone;
    return 200;
  };
  await until('the first attempt and the kill', () => killed.length === 1 && firstService.child.signalCode === 'SIGKILL', firstService.output);

  const second = startService(setup.dir);
  // The claim of the killed attempt runs out (timeout + slack), the lease too; then the new process sends it again.
  await until('the delivery after the restart', () => rx!.got.length >= 2, second.output);
  // A few more runs of the job: nothing further arrives.
  await new Promise((r) => setTimeout(r, 6000));
  second.child.kill('SIGTERM');
  await new Promise((ok) => second.child.once('exit', ok));

  expect(rx.got.every((r) => r.verified)).toBe(true);
  expect(rx.got.map((r) => r.id)).toEqual([killed[0], killed[0]]);
  expect(rx.got[1]!.body.data.obligation.id).toMatch(/^contract-filing:/);
  expect(rx.got[1]!.body).toEqual(rx.got[0]!.body);
  // One reminder written, one delivery, delivered after two attempts (the cut-off one counted as never finished).
  const db = new DatabaseSync(join(setup.dir, 'db.sqlite'), { readOnly: true });
  try {
    expect(db.prepare('SELECT count(*) AS n FROM reminders').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT id, status, attempts FROM webhook_deliveries').all()).toEqual([{ id: killed[0], status: 'delivered', attempts: 1 }]);
  } finally {
    db.close();
  }
});
