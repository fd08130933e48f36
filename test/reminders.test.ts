// The reminder job as it will run: a fake clock drives it every morning across a year of two projects (春节 and 国庆
// included) against a loopback receiver that verifies each signature with the standardwebhooks library; a receiver
// that fails for a while loses nothing; dead letters are visible and replayable with their id; two processes on one
// database never both run.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReminders } from '../src/usecases/reminders.ts';
import { harness, mornings, projectBlock, startReceiver, type Harness, type Receiver } from './support/reminder-harness.ts';

let h: Harness;
let rx: Receiver;
const clock = () => new Date();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  rx = await startReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await rx.close();
  await h?.close();
});

const stageKey = (r: { body: { data: { project: { id: string }; obligation: { id: string; due: string }; stage: { offsetDays: number } } } }) => `${r.body.data.project.id} ${r.body.data.obligation.id} ${r.body.data.stage.offsetDays}@${r.body.data.obligation.due}`;

async function finalOf(h: Harness, projectId: string, input: unknown, at: string): Promise<void> {
  const id = `draft-${at}`;
  await h.workbench.insertDraft({ id, projectId, filingId: 'performance-evaluation', title: 'annual', data: {}, revision: 1, status: 'open', createdAt: at, updatedAt: at, updatedBy: null });
  await h.workbench.insertFinal({ id: `final-${at}`, draftId: id, projectId, filingId: 'performance-evaluation', revision: 1, locale: 'zh-CN', input, inputSha256: 'x', templateVersion: '1', documents: [], generatedAt: at, keyId: null });
}

describe('reminders across a year', () => {
  it('every stage of every obligation is delivered once, signed, on its day; milestones and finals entered during the year count', async () => {
    vi.setSystemTime(new Date('2025-11-30T00:00:00Z'));
    h = harness(clock);
    await h.addProject('A', 'city', { project: projectBlock('national', '国家示范平台'), milestones: { start: '2024-09-01', completion: '2025-08-17' } });
    await h.addProject('B', 'district', { project: projectBlock('district', '区数据平台'), milestones: { start: '2025-06-01', preliminaryAcceptance: '2026-02-10' } });
    await h.addReceiver(rx.url, rx.secrets);
    const sentOn = new Map<string, string>();
    for (const { day, at } of mornings('2025-12-01', '2026-12-31')) {
      if (day === '2025-12-28') await finalOf(h, 'B', { kind: 'annual', year: 2025, reportDate: '2025-12-28' }, `${day}T03:00:00.000Z`);
      if (day === '2026-09-28') await h.setMilestones('B', { start: '2025-06-01', preliminaryAcceptance: '2026-02-10', contractSignings: [{ name: '平台建设合同', date: '2026-09-28' }] });
      if (day === '2026-10-09') await h.setMilestones('B', { start: '2025-06-01', preliminaryAcceptance: '2026-02-10', contractSignings: [{ name: '平台建设合同', date: '2026-09-28', filed: '2026-10-09' }] });
      vi.setSystemTime(at);
      const before = rx.got.length;
      const report = await runReminders(h.deps, at);
      expect(report.ran).toBe(true);
      for (const r of rx.got.slice(before)) sentOn.set(stageKey(r), day);
    }
    expect(rx.got.every((r) => r.verified)).toBe(true);
    expect(new Set(rx.got.map((r) => r.id)).size).toBe(rx.got.length);
    expect(new Set(rx.got.map(stageKey)).size).toBe(rx.got.length);
    const contract = rx.got.find((r) => r.body.data.obligation.id.startsWith('contract-filing:'))!.body.data.obligation.id;
    const expected: Record<string, string> = {
      'A annual-report:2024 -1@2024-12-31': '2025-12-01',
      // 6 months from 2025-08-17 is 2026-02-17, inside 春节 (15–23 February): the period ends on 24 February.
      ...Object.fromEntries(['acceptance', 'acceptance-extension'].flatMap((o) => [[`A ${o} 30@2026-02-24`, '2026-01-25'], [`A ${o} 7@2026-02-24`, '2026-02-17'], [`A ${o} 1@2026-02-24`, '2026-02-23'], [`A ${o} 0@2026-02-24`, '2026-02-24'], [`A ${o} -1@2026-02-24`, '2026-02-25']])),
      // Met by the report generated on 28 December: no later stage.
      'B annual-report:2025 30@2025-12-31': '2025-12-01',
      'B annual-report:2025 7@2025-12-31': '2025-12-24',
      'B annual-report:2026 30@2026-12-31': '2026-12-01',
      'B annual-report:2026 7@2026-12-31': '2026-12-24',
      'B annual-report:2026 1@2026-12-31': '2026-12-30',
      'B annual-report:2026 0@2026-12-31': '2026-12-31',
      // 10 working days from 10 February across 春节 and its two 调休 Saturdays: 2 March.
      'B catalogue-registration 30@2026-03-02': '2026-01-31',
      'B catalogue-registration 7@2026-03-02': '2026-02-23',
      'B catalogue-registration 1@2026-03-02': '2026-03-01',
      'B catalogue-registration 0@2026-03-02': '2026-03-02',
      'B catalogue-registration -1@2026-03-02': '2026-03-03',
      // Signed 28 September: 5 working days across 国庆 end on the 调休 Saturday 10 October; entered that day, filed on the 9th.
      [`B ${contract} 30@2026-10-10`]: '2026-09-28',
      [`B ${contract} 7@2026-10-10`]: '2026-10-03',
    };
    expect(Object.fromEntries(sentOn)).toEqual(expected);
    // The webhook-timestamp is the clock's, and the payload says how far off the due date is.
    const first = rx.got[0]!;
    expect(first.timestamp).toBe(Date.parse('2025-12-01T01:00:00Z') / 1000);
    expect(first.body.type).toBe('deadline.reminder');
  }, 120_000);
});

describe('delivery that fails', () => {
  async function oneDueToday(env: Record<string, string> = {}): Promise<void> {
    vi.setSystemTime(new Date('2026-02-24T00:30:00Z'));
    h = harness(clock, { WEBHOOK_RETRY_BASE_SECONDS: '60', WEBHOOK_RETRY_MAX_SECONDS: '3600', ...env });
    await h.addProject('A', 'city', { project: projectBlock('national', '国家示范平台'), milestones: { completion: '2025-08-17' } });
  }

  it('a receiver down for a day loses nothing: retried with back-off, then delivered with the same webhook-id', async () => {
    // Hourly at most, a day of failures takes about 30 attempts: the limit is set above that.
    await oneDueToday({ WEBHOOK_MAX_ATTEMPTS: '40' });
    await h.addReceiver(rx.url, rx.secrets);
    const downUntil = Date.parse('2026-02-25T02:00:00Z');
    rx.answer = () => (Date.now() < downUntil ? 503 : 200);
    for (let t = Date.parse('2026-02-24T01:00:00Z'); t <= Date.parse('2026-02-25T06:00:00Z'); t += 60_000) {
      vi.setSystemTime(t);
      await runReminders(h.deps, new Date(t));
    }
    const delivered = rx.got.filter((r) => r.answered === 200);
    const failed = rx.got.filter((r) => r.answered === 503);
    expect(delivered.map(stageKey).sort()).toEqual(['A acceptance 0@2026-02-24', 'A acceptance-extension 0@2026-02-24', 'A acceptance -1@2026-02-24', 'A acceptance-extension -1@2026-02-24'].sort());
    expect(failed.length).toBeGreaterThan(10);
    // Every failed attempt carried the id its delivery finally went through with (the overdue stage, written on the
    // 25th, failed too until the receiver came back).
    expect(new Set(failed.map((r) => r.id))).toEqual(new Set(delivered.map((r) => r.id)));
    expect(new Set(delivered.map((r) => r.id)).size).toBe(4);
    expect(rx.got.every((r) => r.verified)).toBe(true);
    // Back-off: the waits between attempts of one delivery grow (60 s doubling, ±20 %, at most an hour).
    const times = rx.got.filter((r) => r.id === failed[0]!.id).map((r) => r.timestamp);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(48);
    expect(gaps[0]).toBeLessThanOrEqual(120);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3600 * 1.2 + 60);
    expect(gaps[4]!).toBeGreaterThan(gaps[0]!);
    const list = await h.services.reminders.listDeliveries({ limit: 10 });
    expect(list.every((d) => d.status === 'delivered')).toBe(true);
  }, 120_000);

  it('past WEBHOOK_MAX_ATTEMPTS a delivery is dead-lettered, listed, and replayed with its webhook-id; 410 disables the receiver', async () => {
    await oneDueToday({ WEBHOOK_MAX_ATTEMPTS: '3' });
    await h.addReceiver(rx.url, rx.secrets);
    rx.answer = () => 500;
    for (let t = Date.parse('2026-02-24T01:00:00Z'); t <= Date.parse('2026-02-24T03:00:00Z'); t += 60_000) {
      vi.setSystemTime(t);
      await runReminders(h.deps, new Date(t));
    }
    const dead = await h.services.reminders.listDeliveries({ status: 'dead', limit: 10 });
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ attempts: 3, lastStatus: 500, lastError: 'HTTP 500' });
    expect(rx.got).toHaveLength(6);
    rx.answer = () => 200;
    expect(await h.services.reminders.requeueDelivery(dead[0]!.id, Date.now())).toBe(true);
    await runReminders(h.deps, new Date());
    expect(rx.got.at(-1)).toMatchObject({ id: dead[0]!.id, answered: 200 });
    // A receiver that answers 410 Gone is disabled and gets nothing more.
    rx.answer = () => 410;
    await h.services.reminders.requeueDelivery(dead[1]!.id, Date.now());
    await runReminders(h.deps, new Date());
    const receiver = (await h.services.receivers.listReceivers())[0]!;
    expect(receiver).toMatchObject({ status: 'disabled' });
    const count = rx.got.length;
    vi.setSystemTime(Date.parse('2026-02-25T01:00:00Z'));
    await runReminders(h.deps, new Date());
    expect(rx.got).toHaveLength(count);
  }, 60_000);

  it('a redirect is a failure and is not followed', async () => {
    await oneDueToday({ WEBHOOK_MAX_ATTEMPTS: '1' });
    await h.addReceiver(rx.url, rx.secrets);
    rx.answer = () => 302;
    vi.setSystemTime(new Date('2026-02-24T01:00:00Z'));
    await runReminders(h.deps, new Date());
    expect(rx.got).toHaveLength(2);
    expect(await h.services.reminders.listDeliveries({ status: 'dead', limit: 10 })).toEqual([expect.objectContaining({ lastStatus: 302 }), expect.objectContaining({ lastStatus: 302 })]);
  });
});

describe('one run at a time', () => {
  it('two processes on one database: the lease lets one run; each reminder is written and sent once', async () => {
    vi.setSystemTime(new Date('2026-02-24T01:00:00Z'));
    h = harness(clock);
    await h.addProject('A', 'city', { project: projectBlock('national', '国家示范平台'), milestones: { completion: '2025-08-17' } });
    await h.addReceiver(rx.url, rx.secrets);
    const other = harness(clock, {}, h.dir);
    try {
      rx.answer = async () => {
        // While the first process delivers, the second tries to run.
        const second = await runReminders(other.deps, new Date());
        expect(second.ran).toBe(false);
        return 200;
      };
      const first = await runReminders(h.deps, new Date());
      expect(first).toMatchObject({ ran: true, written: 2, delivery: { delivered: 2 } });
      rx.answer = () => 200;
      expect(await runReminders(other.deps, new Date())).toMatchObject({ ran: true, written: 0, delivery: { attempted: 0 } });
      expect(rx.got).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('a run whose lease ran out writes nothing', async () => {
    vi.setSystemTime(new Date('2026-02-24T01:00:00Z'));
    h = harness(clock);
    await h.addProject('A', 'city', { project: projectBlock('national', '国家示范平台'), milestones: { completion: '2025-08-17' } });
    const now = Date.now();
    expect(await h.services.reminders.acquireLease('reminders', 'me', now, 1000)).toBe(true);
    expect(await h.services.reminders.acquireLease('reminders', 'other', now + 500, 1000)).toBe(false);
    const r = await h.services.reminders.recordRun({ id: 'run', holder: 'me', lease: 'reminders', now: now + 2000, ranAt: new Date(now).toISOString(), today: '2026-02-24' }, [{ id: 'r1', projectId: 'A', org: 'city', obligationId: 'acceptance', stage: '0@2026-02-24', due: '2026-02-24', payload: '{}' }], now);
    expect(r).toBeNull();
    expect(await h.services.reminders.writtenStages()).toEqual(new Set());
  });
});
