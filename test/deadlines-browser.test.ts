// The deadline board in a real browser: a staff member sees each project's open obligations as the API lists them
// (overdue first, due date, basis, status), in zh-CN and en, and "prepare" opens a draft of the filing that fulfils one
// with what the milestones say filled in. Checked with axe-core and photographed like the rest of the workbench.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chinaDate } from '../src/usecases/reminders.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { createProject } from '../src/usecases/projects.ts';
import { addDays } from '../src/core/format/dates.ts';
import { samplesOf } from './support/samples.ts';
import { click, look, newPage, startWorkbench, type Running } from './support/browser.ts';

let r: Running;
let staffKey = '';
const today = chinaDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

interface ApiObligation {
  id: string;
  status: string;
  due: string;
  title: string;
  basis: string[];
  prepare?: { filingId: string; data: Record<string, unknown> };
}

beforeAll(async () => {
  r = await startWorkbench();
  const now = new Date().toISOString();
  const key = await createApiKey(r.node.store, { name: '李明', role: 'staff', org: 'park', now });
  staffKey = key.secret;
  const actor = { keyId: key.record.id, role: 'staff' as const, org: 'park' };
  const w = { store: r.node.workbench, now: () => new Date() };
  const district = (samplesOf('acceptance-extension').find((s) => s.name === 'district-smart-park-platform')!.input as { project: Record<string, unknown> }).project;
  // Dates relative to today, so the board has something overdue, something due soon and something later whatever the day.
  await createProject(w, actor, {
    name: district.name as string,
    data: { project: district, milestones: { approval: { date: daysAgo(400), docNo: '示范区发改〔2025〕12号' }, start: daysAgo(300), contractSignings: [{ name: '平台建设合同', date: daysAgo(60) }], completion: daysAgo(70) } },
  });
  await createProject(w, actor, { name: district.name as string, data: { project: district, milestones: {} } });
}, 120_000);
afterAll(() => r?.close(), 60_000);

it('shows each project’s open obligations as the API lists them, and prepares the filing that fulfils one', { timeout: 180_000 }, async () => {
  const page = await newPage(r);
  await page.goto(`${r.base}/sign-in`);
  await page.type('#key', staffKey);
  await click(page, 'form[action="/sign-in"] button[type=submit]');
  await click(page, 'a[href="/deadlines"]');
  expect(await page.$eval('a[aria-current="page"]', (a) => a.getAttribute('href'))).toBe('/deadlines');
  await look(page, '30-deadlines');

  const api = (await page.evaluate(async () => (await fetch('/v1/obligations', { headers: { 'Accept-Language': 'zh-CN' } })).json())) as { projects: Array<{ project: { id: string; title: string }; obligations: ApiObligation[] }> };
  expect(api.projects).toHaveLength(2);
  const withDates = api.projects.find((p) => p.obligations.length > 0)!;
  const without = api.projects.find((p) => p.obligations.length === 0)!;
  expect(withDates.obligations.length).toBeGreaterThan(1);
  // The project with something overdue comes first; each row is an open obligation of the API, in its order.
  expect(await page.$$eval('main section[aria-labelledby]', (s) => s.map((x) => x.getAttribute('aria-labelledby')))).toEqual([`p-${withDates.project.id}`, `p-${without.project.id}`]);
  expect(await page.$eval(`section[aria-labelledby="p-${without.project.id}"]`, (s) => s.textContent)).toContain('没有待履行的义务');
  const rows = await page.$$eval(`section[aria-labelledby="p-${withDates.project.id}"] tbody tr`, (trs) =>
    trs.map((tr) => ({ id: tr.getAttribute('data-obligation'), cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''), button: tr.querySelector('button')?.textContent ?? null })),
  );
  expect(rows.map((x) => x.id)).toEqual(withDates.obligations.map((o) => o.id));
  for (const [i, o] of withDates.obligations.entries()) {
    const cells = rows[i]!.cells;
    expect(cells[0]).toContain(o.title);
    expect(cells[1]).toContain(o.due);
    expect(cells[2]).toContain({ overdue: '已逾期', 'due-soon': '即将到期', upcoming: '未到期' }[o.status]);
    for (const b of o.basis) expect(cells[3]).toContain(b);
    expect(rows[i]!.button !== null).toBe(o.prepare !== undefined);
  }
  expect(withDates.obligations.map((o) => o.status)).toContain('overdue');
  expect(withDates.obligations.find((o) => o.id.startsWith('contract-filing:'))).toMatchObject({ status: 'overdue' });

  await click(page, 'a.lang');
  expect(await page.$eval('h1', (e) => e.textContent)).toBe('Deadlines');
  expect(await page.$eval(`tr[data-obligation^="contract-filing:"]`, (e) => e.textContent)).toMatch(/Overdue/);
  await look(page, '31-deadlines-en');
  await click(page, 'a.lang');

  // "Prepare" opens a new draft of the filing, with the milestones already in it.
  const target = withDates.obligations.find((o) => o.prepare)!;
  await click(page, `tr[data-obligation="${target.id}"] button[type=submit]`);
  const [, projectId, draftId] = /\/projects\/([^/]+)\/drafts\/([^/?#]+)$/.exec(page.url())!;
  expect(projectId).toBe(withDates.project.id);
  const draft = (await page.evaluate(async (u) => (await fetch(u)).json(), `/v1/projects/${projectId}/drafts/${draftId}`)) as { filing: string; data: Record<string, unknown> };
  expect(draft.filing).toBe(target.prepare!.filingId);
  expect(draft.data).toMatchObject(target.prepare!.data);
  expect(Object.keys(target.prepare!.data).length).toBeGreaterThan(0);
  await look(page, '32-prepared-draft');
  await page.close();
  expect(r.problems).toEqual([]);
});
