// The retention job on SQLite with a clock the test moves, through the scheduled job both runtimes run and the config
// variables that set it (DRAFT_HISTORY_KEEP_DAYS, DRAFT_HISTORY_KEEP_LATEST, RETENTION_MAX_ROWS_PER_RUN,
// RETENTION_INTERVAL_MINUTES, REMINDER_RUNS_KEEP_DAYS, AUDIT_LOG_KEEP_DAYS): what is kept, what is thinned, that a
// second run changes nothing, that a run deletes no more than its bound and the next ones finish the work.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { GenerationRecord } from '../src/core/ports.ts';
import { deadlineServices, nodeJobRuntime } from '../src/runtime/node/reminder-cron.ts';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { scheduledJobDeps } from '../src/runtime/scheduled-job-deps.ts';
import { sqlFeedStore, sqlReceiverStore } from '../src/storage/sql-receiver-store.ts';
import { sqlReminderStore } from '../src/storage/sql-reminder-store.ts';
import { sqlRetentionStore } from '../src/storage/sql-retention-store.ts';
import { sqlWorkbenchStore } from '../src/storage/sql-workbench-store.ts';
import { runScheduledJob } from '../src/usecases/scheduled-job.ts';
import { tempDir } from './support/documents.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T04:00:00Z');
const at = (daysAgo: number, time: string) => new Date(Date.parse(`${new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10)}T${time}Z`));

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function setup(env: Record<string, string> = {}) {
  const store = new SqliteStore(join(tempDir('retention'), 'db.sqlite'));
  stores.push(store);
  const sql = store.sql;
  const config = loadConfig({ PORT: '1', DRAFT_HISTORY_KEEP_DAYS: '90', DRAFT_HISTORY_KEEP_LATEST: '3', ...env });
  const deadlines = deadlineServices(config, { reminders: sqlReminderStore(sql), receivers: sqlReceiverStore(sql), feeds: sqlFeedStore(sql) });
  const logged: Array<Record<string, unknown>> = [];
  const jobs = scheduledJobDeps(config, deadlines, sqlRetentionStore(sql), nodeJobRuntime(deadlines, (e) => logged.push(e)));
  const workbench = sqlWorkbenchStore(sql);
  const run = (when: Date) => runScheduledJob(jobs, when).then((r) => r.retention);
  return { store, workbench, run, logged };
}

type Setup = ReturnType<typeof setup>;

/** A draft created at `first`, then saved at each later instant; the revision number of each save, in order. */
async function draft(s: Setup, id: string, first: Date, saves: Date[]): Promise<number[]> {
  const iso = first.toISOString();
  if (!(await s.workbench.getProject('p'))) await s.workbench.insertProject({ id: 'p', org: 'default', title: 'p', data: { project: {} } as never, revision: 1, createdAt: iso, updatedAt: iso, updatedBy: null });
  await s.workbench.insertDraft({ id, projectId: 'p', filingId: 'acceptance-extension', title: id, data: { n: 0 }, revision: 1, status: 'open', createdAt: iso, updatedAt: iso, updatedBy: null });
  const revisions = [1];
  for (const [i, when] of saves.entries()) {
    const r = await s.workbench.saveDraft(id, revisions.at(-1)!, { data: { n: i + 1 }, kind: 'save', at: when.toISOString(), by: null });
    if (!r.ok) throw new Error('save refused');
    revisions.push(r.draft.revision);
  }
  return revisions;
}

const kept = async (s: Setup, id: string) => (await s.workbench.listRevisions(id)).map((r) => (r.kind === 'conflict' ? `conflict@${r.basedOn}` : r.revision)).reverse();

describe('thinning the draft history', () => {
  it('keeps everything recent, and of the older revisions the last of each day in China, those a final or a refused save refer to, and the latest N', async () => {
    const s = setup();
    // Revisions 1–4 on one day; 5 late on a day in China and 6 after midnight there (the same UTC date);
    // 7–8 on a day a refused save was based on 7; 9–10 on a day a final was made of 9; 11–12; 13–16 ten days ago.
    const times = [at(200, '02:00:00'), at(200, '03:00:00'), at(200, '03:30:00'), at(180, '15:00:00'), at(180, '15:30:00'), at(180, '16:30:00')];
    const rev = await draft(s, 'a', at(200, '01:00:00'), times);
    expect(rev).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Revision 5 (15:00Z) and 6 (15:30Z) are 23:00 and 23:30 in China, 7 (16:30Z) is 00:30 of the next day there.
    const more = async (base: number, when: Date, n: number) => s.workbench.saveDraft('a', base, { data: { n }, kind: 'save', at: when.toISOString(), by: null });
    await more(7, at(150, '02:00:00'), 8);
    await more(8, at(150, '03:00:00'), 9);
    const refused = await more(8, at(150, '03:10:00'), 99);
    expect(refused.ok).toBe(false);
    await more(9, at(120, '02:00:00'), 10);
    await more(10, at(120, '03:00:00'), 11);
    await s.workbench.insertFinal({ id: 'f1', draftId: 'a', projectId: 'p', filingId: 'acceptance-extension', revision: 10, locale: 'zh-CN', input: {}, inputSha256: 'x', templateVersion: '1.0.0', documents: [], generatedAt: at(120, '02:30:00').toISOString(), keyId: null });
    await s.workbench.setDraftStatus('a', 'open', at(120, '02:31:00').toISOString());
    await more(11, at(100, '02:00:00'), 12);
    await more(12, at(100, '03:00:00'), 13);
    for (let n = 14; n <= 17; n++) await more(n - 1, at(10, `0${n - 12}:00:00`), n);
    expect(await kept(s, 'a')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 'conflict@8', 10, 11, 12, 13, 14, 15, 16, 17]);

    const report = await s.run(new Date(NOW));
    expect(report).toEqual({ ran: true, drafts: 1, revisionsDeleted: 5, reminderRunsDeleted: 0, auditRecordsDeleted: 0, more: false });
    // Gone: 1–3 (4 was the day's last), 5 (6 was the day's last in China), 12 (13 was the day's last). Kept though not
    // their day's last: 8 (the refused save was based on it) and 10 (a final was made of it); the refused save itself.
    expect(await kept(s, 'a')).toEqual([4, 6, 7, 8, 9, 'conflict@8', 10, 11, 13, 14, 15, 16, 17]);
    expect(s.logged).toContainEqual(expect.objectContaining({ msg: 'retention run', revisionsDeleted: 5 }));
  });

  it('keeps the latest N of a draft however old, and a second run deletes nothing', async () => {
    const s = setup({ RETENTION_INTERVAL_MINUTES: '60' });
    await draft(s, 'b', at(300, '01:00:00'), [1, 2, 3, 4, 5].map((h) => at(300, `0${h + 1}:00:00`)));
    expect((await s.run(new Date(NOW))).revisionsDeleted).toBe(3);
    expect(await kept(s, 'b')).toEqual([4, 5, 6]);
    // Within the interval the job does not run at all; after it, it finds nothing to do.
    expect((await s.run(new Date(NOW + 30 * 60_000))).ran).toBe(false);
    expect(await s.run(new Date(NOW + 61 * 60_000))).toMatchObject({ ran: true, drafts: 0, revisionsDeleted: 0 });
    expect(await kept(s, 'b')).toEqual([4, 5, 6]);
  });

  it('thins revisions as they cross the period, and not before', async () => {
    const s = setup();
    await draft(s, 'c', at(80, '01:00:00'), [at(80, '02:00:00'), at(80, '03:00:00'), at(80, '04:00:00'), at(1, '01:00:00'), at(1, '02:00:00'), at(1, '03:00:00')]);
    expect((await s.run(new Date(NOW))).revisionsDeleted).toBe(0);
    // Eleven days on, day 80 is past the 90 days: its last (4) stays, and 1–3 go; day 1's are the latest three.
    expect((await s.run(new Date(NOW + 11 * DAY))).revisionsDeleted).toBe(3);
    expect(await kept(s, 'c')).toEqual([4, 5, 6, 7]);
  });

  it('deletes no more than RETENTION_MAX_ROWS_PER_RUN a run; the next runs finish the work', async () => {
    const s = setup({ RETENTION_MAX_ROWS_PER_RUN: '4', RETENTION_INTERVAL_MINUTES: '1' });
    for (const id of ['d1', 'd2', 'd3']) await draft(s, id, at(400, '01:00:00'), [2, 3, 4, 5, 6].map((h) => at(400, `0${h}:00:00`)));
    const reports = [];
    for (let i = 0; i < 4; i++) reports.push(await s.run(new Date(NOW + i * 120_000)));
    expect(reports.map((r) => [r.revisionsDeleted, r.more])).toEqual([[4, true], [4, true], [1, false], [0, false]]);
    for (const id of ['d1', 'd2', 'd3']) expect(await kept(s, id)).toEqual([4, 5, 6]);
  });
});

describe('other records that only grow', () => {
  const generation = (id: string, when: Date): GenerationRecord => ({ id, at: when.toISOString(), keyId: null, filingId: 'acceptance-extension', format: 'docx', locale: 'zh-CN', templateVersion: '1.0.0', inputSha256: null, outputSha256: null, bytes: 1, ms: 1, outcome: 'ok', findings: [], draft: false, blockedRequests: [], cacheHit: false });
  const count = (s: Setup, table: string) => (s.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('prunes reminder runs after REMINDER_RUNS_KEEP_DAYS, and keeps the audit log unless AUDIT_LOG_KEEP_DAYS is set', async () => {
    const s = setup({ REMINDER_RUNS_KEEP_DAYS: '30', RETENTION_INTERVAL_MINUTES: '1' });
    const record = s.store.db.prepare("INSERT INTO reminder_runs (id, holder, ran_at, today, reminders) VALUES (?, 'h', ?, '', 0)");
    for (const d of [100, 40, 31, 29, 1]) record.run(`r${d}`, at(d, '04:00:00').toISOString());
    for (const d of [400, 40, 1]) await s.store.recordGeneration(generation(`g${d}`, at(d, '04:00:00')));
    expect(count(s, 'reminder_runs')).toBe(5);
    const report = await s.run(new Date(NOW));
    // Runs 100, 40 and 31 days ago go; the one of this run, 29 and 1 stay. Every audit record stays.
    expect(report).toMatchObject({ reminderRunsDeleted: 3, auditRecordsDeleted: 0 });
    expect((s.store.db.prepare('SELECT id FROM reminder_runs ORDER BY ran_at').all() as Array<{ id: string }>).map((r) => r.id).slice(0, 2)).toEqual(['r29', 'r1']);
    expect(count(s, 'reminder_runs')).toBe(3);
    expect(count(s, 'generations')).toBe(3);

    const audited = setup({ AUDIT_LOG_KEEP_DAYS: '365' });
    for (const d of [400, 366, 40, 1]) await audited.store.recordGeneration(generation(`g${d}`, at(d, '04:00:00')));
    expect((await audited.run(new Date(NOW))).auditRecordsDeleted).toBe(2);
    expect((audited.store.db.prepare('SELECT id FROM generations ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(['g40', 'g1']);
  });
});
