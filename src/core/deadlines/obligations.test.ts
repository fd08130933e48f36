// Obligations from milestones on the official calendar: periods across 春节 and 国庆, working days with 调休, the
// filings that meet them, their status on a given day, and a year the calendar does not cover.
import { describe, expect, it } from 'vitest';
import { computeObligations, type GeneratedFiling, type Obligation } from './obligations.ts';

const project = (profile: string) => ({ name: '示范平台', approvingDepartment: '市发展改革委', financeDepartment: '市财政局', jurisdiction: { profile, name: 'x', regionCode: '110000' } });
const byId = (list: Obligation[], id: string) => {
  const o = list.find((x) => x.id === id);
  if (!o) throw new Error(`no obligation ${id} in ${list.map((x) => x.id).join(', ')}`);
  return o;
};
const run = (profile: string, milestones: unknown, today: string, generated: GeneratedFiling[] = []) => computeObligations({ project: project(profile), milestones, generated, today, dueSoonDays: 30 }).obligations;

describe('obligations', () => {
  it('national: the acceptance application runs 6 months from completion and past 春节 to the next working day', () => {
    const list = run('national', { completion: '2025-08-17' }, '2026-01-10');
    const a = byId(list, 'acceptance');
    expect(a).toMatchObject({ kind: 'acceptance', nominalDue: '2026-02-17', due: '2026-02-24', status: 'upcoming', daysLeft: 45 });
    expect(a.basis).toEqual([{ doc: 'gbf-2019-57', article: { zh: '第二十五条', en: 'Art. 25' } }]);
    expect(a.notes[0]!.zh).toContain('第二百零三条');
    expect(a.prepare).toEqual({ filingId: 'acceptance-report', data: { construction: { completionDate: '2025-08-17' } } });
    const x = byId(list, 'acceptance-extension');
    expect(x.due).toBe('2026-02-24');
    expect(x.prepare).toEqual({ filingId: 'acceptance-extension', data: { application: { addressee: '市发展改革委' }, completionDate: '2025-08-17' } });
    expect(run('national', { completion: '2025-08-17' }, '2026-02-01').find((o) => o.id === 'acceptance')!.status).toBe('due-soon');
    expect(run('national', { completion: '2025-08-17' }, '2026-02-25').find((o) => o.id === 'acceptance')).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('an application in time fulfils the acceptance and the extension is no longer owed', () => {
    const list = run('national', { completion: '2025-08-17', acceptanceApplication: '2026-02-24' }, '2026-03-10');
    expect(byId(list, 'acceptance')).toMatchObject({ status: 'fulfilled', fulfilled: { by: 'milestone', milestone: 'acceptanceApplication', date: '2026-02-24', late: false } });
    expect(list.some((o) => o.id === 'acceptance-extension')).toBe(false);
  });

  it('a generated 延期验收申请 fulfils the extension and moves the acceptance to the date it asks for', () => {
    const ext: GeneratedFiling = { filingId: 'acceptance-extension', draftId: 'd1', finalId: 'f1', generatedAt: '2026-02-10T02:00:00Z', input: { application: { date: '2026-02-10' }, requestedDate: '2026-06-30' } };
    const list = run('national', { completion: '2025-08-17' }, '2026-03-01', [ext]);
    expect(byId(list, 'acceptance-extension')).toMatchObject({ status: 'fulfilled', fulfilled: { by: 'filing', finalId: 'f1', date: '2026-02-10', late: false } });
    expect(byId(list, 'acceptance')).toMatchObject({ due: '2026-06-30', status: 'upcoming' });
  });

  it('district: contracts filed within 5 working days, across 国庆 and the 调休 Saturday', () => {
    const list = run('district', { contractSignings: [{ name: '平台建设合同', date: '2026-09-28' }, { name: '监理合同', date: '2026-09-28', filed: '2026-09-30' }] }, '2026-09-29');
    const open = list.find((o) => o.title.zh.includes('平台建设合同'));
    const filed = list.find((o) => o.title.zh.includes('监理合同'));
    expect(open).toMatchObject({ due: '2026-10-10', status: 'due-soon', basis: [{ doc: 'district-measure', article: { zh: '第十三条' } }] });
    expect(open!.id).toMatch(/^contract-filing:2026-09-28:[0-9a-f]{8}$/);
    expect(filed).toMatchObject({ status: 'fulfilled', fulfilled: { date: '2026-09-30', late: false } });
    expect(open!.id).not.toBe(filed!.id);
    // National projects have no such deadline.
    expect(run('national', { contractSignings: [{ name: '平台建设合同', date: '2026-09-28' }] }, '2026-09-29')).toEqual([]);
  });

  it('district: acceptance organised within 3 months; catalogue registered within 10 working days of the preliminary acceptance (春节)', () => {
    const list = run('district', { completion: '2025-11-20', preliminaryAcceptance: '2026-02-10' }, '2026-02-12');
    expect(byId(list, 'acceptance')).toMatchObject({ title: { zh: '组织竣工验收' }, nominalDue: '2026-02-20', due: '2026-02-24' });
    expect(byId(list, 'catalogue-registration')).toMatchObject({ due: '2026-03-02', status: 'due-soon' });
  });

  it('an annual report for each year-end during construction, met by the generated report of that year', () => {
    const annual2025: GeneratedFiling = { filingId: 'performance-evaluation', draftId: 'd', finalId: 'f', generatedAt: '2025-12-20T00:00:00Z', input: { kind: 'annual', year: 2025, reportDate: '2025-12-19' } };
    const list = run('district', { approval: { date: '2025-06-18', docNo: '发改〔2025〕1号' }, start: '2025-08-15' }, '2026-12-05', [annual2025]);
    expect(byId(list, 'annual-report:2025')).toMatchObject({ status: 'fulfilled', fulfilled: { date: '2025-12-19' } });
    const y2026 = byId(list, 'annual-report:2026');
    expect(y2026).toMatchObject({ due: '2026-12-31', status: 'due-soon', basis: [{ article: { zh: '第十四条' } }] });
    expect(y2026.prepare).toEqual({ filingId: 'performance-evaluation', data: { kind: 'annual', year: 2026, approval: { docNo: '发改〔2025〕1号', date: '2025-06-18' }, recipients: ['市发展改革委', '市财政局'] } });
    // Completed in 2026: no report for 2026.
    expect(run('district', { start: '2025-08-15', completion: '2026-06-30' }, '2026-12-05').filter((o) => o.kind === 'annual-report').map((o) => o.id)).toEqual(['annual-report:2025']);
  });

  it('the self-evaluation window opens 12 months after 验收投产; a year the calendar lacks gives a warning', () => {
    const list = run('national', { acceptance: '2025-12-20', entryIntoOperation: '2026-01-05' }, '2026-03-01');
    const s = byId(list, 'self-evaluation');
    expect(s).toMatchObject({ opensOn: '2027-01-05', nominalDue: '2028-01-05', from: { milestone: 'entryIntoOperation' } });
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'calendar_year_unknown', years: [2028] })]);
    expect(s.warnings[0]!.message.zh).toContain('2028');
    expect(s.prepare!.data).toMatchObject({ kind: 'self-evaluation', acceptanceDate: '2025-12-20', operationStartDate: '2026-01-05', recipients: ['市发展改革委', '市财政局'] });
  });

  it('nothing is derived without a profile, and malformed milestones are skipped, not guessed', () => {
    expect(computeObligations({ project: { name: 'x' }, milestones: { completion: '2025-08-17' }, generated: [], today: '2026-01-01', dueSoonDays: 30 })).toMatchObject({ profile: null, obligations: [], missing: [expect.objectContaining({ en: expect.stringContaining('jurisdiction') })] });
    expect(run('national', { completion: '2025-02-30', start: 'soon', contractSignings: 'x' }, '2026-01-01')).toEqual([]);
  });
});
