// The workbench in a real browser (Debian's Chromium): a staff member signs in, enters a project once, fills a form
// for every filing from an empty draft (typing, adding rows, pasting rows from a spreadsheet, fixing an input error
// and a compliance finding), previews, downloads DOCX and PDF and reads them, generates a final; a maintainer's pages;
// and a tab lost mid-edit leaves the draft intact. Every page is checked with axe-core and photographed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILINGS, filingById } from '../src/core/filings/index.ts';
import { splitInput } from '../src/core/workbench/project.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { createProject } from '../src/usecases/projects.ts';
import { createDraft } from '../src/usecases/drafts.ts';
import { docxParts, pdfDiagonalTextByPage, pdfText, tempDir } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';
import { click, download, fillForm, killRenderers, look, newPage, pasteRows, revision, saved, startWorkbench, type Running } from './support/browser.ts';

const SAMPLES: Record<string, string> = {
  'project-proposal': 'national-enterprise-credit-sharing',
  'feasibility-study': 'national-enterprise-credit-platform',
  'acceptance-report': 'national-disaster-warning-platform',
  'performance-evaluation': 'national-annual-emergency-platform',
  'acceptance-extension': 'national-data-sharing-platform',
};
const sample = (filing: string) => structuredClone(samplesOf(filing).find((s) => s.name === SAMPLES[filing])!.input) as Record<string, unknown>;
const PROJECT = sample('project-proposal').project as Record<string, unknown> & { name: { zh: string } | string; investmentBreakdown: Array<{ item: unknown; amount: number }> };
const projectName = typeof PROJECT.name === 'string' ? PROJECT.name : PROJECT.name.zh;
const squash = (s: string) => s.replace(/\s+/g, '');

let r: Running;
let staffKey: string;
let maintainerKey: string;
let projectUrl = '';
const drafts: Record<string, { url: string; revision: number; findings: Array<{ ruleId: string; severity: string }> }> = {};

beforeAll(async () => {
  r = await startWorkbench();
  const now = new Date().toISOString();
  staffKey = (await createApiKey(r.node.store, { name: '王芳', role: 'staff', org: 'city-data', now })).secret;
  maintainerKey = (await createApiKey(r.node.store, { name: '模板维护', role: 'maintainer', now })).secret;
}, 120_000);
afterAll(() => r?.close(), 60_000);

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${r.base}/`);
  await look(page, '01-sign-in');
  await page.type('#key', key);
  await click(page, 'form[action="/sign-in"] button[type=submit]');
}

/** Signs the browser in (once: the session cookie serves every later page). */
async function ensureSignedIn(page: Page): Promise<void> {
  await page.goto(`${r.base}/sign-in`);
  if (!(await page.$('#key'))) return;
  await page.type('#key', staffKey);
  await click(page, 'form[action="/sign-in"] button[type=submit]');
}

async function fillProject(page: Page): Promise<void> {
  // Typed as a person types: the code, the unit's credit code; the rest as a browser holds it after typing.
  const { investmentBreakdown, ...rest } = PROJECT;
  await fillForm(page, { project: { ...rest, code: undefined, constructionUnit: { name: (PROJECT.constructionUnit as { name: unknown }).name } } });
  await page.type('[name="t:/project/code"]', PROJECT.code as string);
  await page.type('[name="t:/project/constructionUnit/creditCode"]', (PROJECT.constructionUnit as { creditCode: string }).creditCode);
  // The investment breakdown pasted from a spreadsheet: two columns, as many rows as it has.
  await page.click('[data-arr="/project/investmentBreakdown"] [data-act=add]');
  const text = (v: unknown) => (typeof v === 'string' ? v : (v as { zh: string }).zh);
  await pasteRows(page, '[name="bz:/project/investmentBreakdown/0/item"]', investmentBreakdown.map((x) => [text(x.item), x.amount.toLocaleString('en-US')]));
  const pasted = await page.$$eval('[data-arr="/project/investmentBreakdown"] [data-rows] > [data-row]', (rows) =>
    rows.map((row) => [row.querySelector<HTMLInputElement>('[name$="/item"][name^="bz:"]')!.value, row.querySelector<HTMLInputElement>('[name$="/amount"]')!.value]),
  );
  expect(pasted).toEqual(investmentBreakdown.map((x) => [text(x.item), x.amount.toLocaleString('en-US')]));
  // The English sides of the items, typed afterwards.
  await fillForm(page, { project: { investmentBreakdown } });
  await fillForm(page, { milestones: { approval: { date: '2025-06-18', docNo: '发改高技〔2025〕118号' }, contractSignings: [{ name: '平台建设合同', date: '2025-08-02' }], start: '2025-08-15' } });
}

describe('a staff member in the browser', () => {
  it('enters a project once and fills every filing from an empty draft', { timeout: 600_000 }, async () => {
    const page = await newPage(r);
    await signIn(page, staffKey);
    expect(page.url()).toBe(`${r.base}/projects`);
    await look(page, '02-projects');
    await page.type('#project-name', projectName);
    await click(page, 'form[action="/projects"] button[type=submit]');
    projectUrl = page.url();
    await look(page, '03-project-empty');

    await fillProject(page);
    await saved(page, 1);
    const rows = await page.$$eval('[data-arr="/project/investmentBreakdown"] [data-rows] > [data-row]', (x) => x.length);
    expect(rows).toBe(PROJECT.investmentBreakdown.length);
    expect(await page.$eval('#error-summary', (e) => (e as HTMLElement).hidden)).toBe(true);
    await look(page, '04-project-filled');
    const stored = await r.node.store.db.prepare('SELECT data FROM projects').get() as { data: string };
    expect(JSON.parse(stored.data).project).toEqual(PROJECT);

    for (const def of FILINGS) drafts[def.id] = await fillFiling(page, def.id);
    await page.close();
  });
});

async function fillFiling(page: Page, filing: string): Promise<{ url: string; revision: number; findings: Array<{ ruleId: string; severity: string }> }> {
  await page.goto(projectUrl);
  await page.select('#new-start', `${filing}|`);
  await click(page, 'form[action$="/drafts"] button[type=submit]');
  const draftUrl = page.url();
  await look(page, `05-${filing}-empty`);
  const { data } = splitInput(sample(filing));
  await fillForm(page, data);
  const rev = await saved(page, 1);
  expect(await page.$eval('#error-summary', (e) => (e as HTMLElement).hidden), `${filing}: no input errors`).toBe(true);
  const api = await page.$eval('form[data-autosave]', (f) => (f as HTMLFormElement).dataset.api!);
  const draft = (await page.evaluate(async (u) => (await fetch(u, { headers: { 'Accept-Language': 'zh-CN' } })).json(), api)) as { data: unknown; valid: boolean; findings: Array<{ ruleId: string; severity: string }> };
  const def = filingById(filing)!;
  expect(draft.valid).toBe(true);
  expect(def.schema.parse({ project: PROJECT, ...(draft.data as object) })).toEqual(def.schema.parse({ ...sample(filing), project: PROJECT }));
  await page.waitForFunction(() => !(document.querySelector('#findings-state') as HTMLElement | null)?.textContent?.includes('输入无误后'));
  await look(page, `06-${filing}-filled`);
  return { url: draftUrl, revision: rev, findings: draft.findings };
}

async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(selector, text);
}

const fieldError = (page: Page, pointer: string) =>
  page.$eval(`[data-ptr="${pointer}"] > .error-message`, (e) => ((e as HTMLElement).hidden ? '' : (e.textContent ?? '')));

describe('checks as a person types', () => {
  it('shows an input error at its field and in the summary, and clears it when fixed', { timeout: 120_000 }, async () => {
    const page = await newPage(r);
    await page.goto(drafts['acceptance-extension']!.url);
    const good = (sample('acceptance-extension') as { requestedDate: string }).requestedDate;
    await retype(page, '[name="t:/requestedDate"]', '2027-02-30');
    const rev = await saved(page, await revision(page) - 1);
    expect(await fieldError(page, '/requestedDate')).toMatch(/日期/);
    expect(await page.$eval('[name="t:/requestedDate"]', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    const link = await page.$eval('#error-summary', (e) => ({ hidden: (e as HTMLElement).hidden, href: e.querySelector('a')?.getAttribute('href'), text: e.textContent }));
    expect(link.hidden).toBe(false);
    expect(link.href).toBe('#f:/requestedDate');
    expect(link.text).toMatch(/申请的验收期限/);
    await look(page, '07-input-error');
    await page.click('#error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f:/requestedDate');
    await retype(page, '[name="t:/requestedDate"]', good);
    await saved(page, rev);
    expect(await fieldError(page, '/requestedDate')).toBe('');
    expect(await page.$eval('#error-summary', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval('[name="t:/requestedDate"]', (e) => e.getAttribute('aria-invalid'))).toBeNull();
    await page.close();
  });

  it('shows a compliance finding with rule and citation, marks downloads as drafts, and clears it when fixed', { timeout: 180_000 }, async () => {
    const page = await newPage(r);
    await page.goto(drafts['acceptance-report']!.url);
    const finding = await page.$eval('#findings-list', (l) => Array.from(l.querySelectorAll('li')).map((li) => ({ ptr: li.getAttribute('data-ptr'), text: li.textContent ?? '' })));
    const a7 = finding.find((f) => f.text.includes('A7'))!;
    expect(a7.ptr).toBe('/investment/savingsReturn/amount');
    expect(a7.text).toMatch(/57号|国办发/);
    await look(page, '08-finding');
    const pdf = await download(page, r, '.downloads button[value=pdf]', 'pdf');
    const marks = pdfDiagonalTextByPage(pdf);
    for (const ch of '草稿DRAFT') expect(marks[0]).toContain(ch);
    const byItem = (sample('acceptance-report') as { investment: { byItem: Array<{ actual: number }> } }).investment.byItem;
    const savings = (Math.round((PROJECT.totalInvestment as number) * 100) - byItem.reduce((a, x) => a + Math.round(x.actual * 100), 0)) / 100;
    await retype(page, '[name="n:/investment/savingsReturn/amount"]', savings.toFixed(2));
    await saved(page, await revision(page) - 1);
    await page.waitForFunction(() => !document.getElementById('findings-list')?.textContent?.includes('A7'));
    await look(page, '09-finding-fixed');
    await page.close();
  });
});

describe('documents', () => {
  it('previews beside the form in a sandboxed frame, and downloads DOCX and PDF whose text it reads', { timeout: 180_000 }, async () => {
    const page = await newPage(r);
    await page.goto(drafts['acceptance-extension']!.url);
    const frame = await page.$eval('#preview', (f) => ({ sandbox: f.getAttribute('sandbox'), src: f.getAttribute('src') }));
    expect(frame.sandbox).toBe('');
    const preview = await page.evaluate(async (src) => {
      const res = await fetch(src!);
      return { csp: res.headers.get('content-security-policy'), html: await res.text() };
    }, frame.src);
    expect(preview.csp).toMatch(/sandbox/);
    expect(preview.csp).not.toMatch(/script-src/);
    expect(squash(preview.html)).toContain(squash(projectName));
    await page.waitForFunction(() => (document.getElementById('preview') as HTMLIFrameElement).contentWindow !== null);
    await look(page, '10-preview');
    const docx = docxParts(await download(page, r, '.downloads button[value=docx]', 'docx'));
    expect(squash(docx.text)).toContain(squash(projectName));
    expect(docx.text).toContain('延期');
    expect(docx.text).not.toContain('草稿');
    const pdf = pdfText(await download(page, r, '.downloads button[value=pdf]', 'pdf'));
    expect(squash(pdf)).toContain(squash(projectName));
    await page.close();
  });

  it('generates a final that keeps its input and template version; a later change of the project shows in the package check', { timeout: 180_000 }, async () => {
    const page = await newPage(r);
    await page.goto(drafts['acceptance-extension']!.url);
    await click(page, '#final-button');
    expect(await page.$eval('.notice.ok', (e) => e.textContent)).toMatch(/定稿/);
    const audit = (await r.node.store.listGenerations({ limit: 50 })).items.filter((g) => g.filingId === 'acceptance-extension' && !g.draft && g.outcome === 'ok');
    expect(audit.map((g) => g.format).sort()).toEqual(expect.arrayContaining(['docx', 'pdf']));
    const final = r.node.store.db.prepare('SELECT input, template_version FROM draft_finals').get() as { input: string; template_version: string };
    expect(JSON.parse(final.input).project).toEqual(PROJECT);
    expect(final.template_version).toMatch(/^\d+\.\d+\.\d+$/);
    await look(page, '11-final');

    await page.goto(projectUrl);
    await page.click('[name="bz:/project/name"]');
    await page.keyboard.press('End');
    await page.type('[name="bz:/project/name"]', '（二期）');
    await saved(page, await revision(page) - 1);
    await page.reload();
    const differences = await page.$eval('#differences', (e) => e.textContent ?? '');
    expect(differences).toContain('/project/name');
    expect(differences).toContain(`${projectName}（二期）`);
    await page.$eval('#consistency-h', (e) => e.scrollIntoView());
    await look(page, '12-consistency');
    // The final still holds the name it was generated with.
    const exported = await page.evaluate(async (u) => (await fetch(`${u}/export`)).json(), drafts['acceptance-extension']!.url);
    expect(JSON.stringify((exported as { project: { name: unknown } }).project.name)).toBe(JSON.stringify(PROJECT.name));
    await page.close();
  });

  it('speaks English when asked', { timeout: 60_000 }, async () => {
    const page = await newPage(r);
    await page.goto(drafts['performance-evaluation']!.url);
    await click(page, 'a.lang');
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await page.$eval('h1', (e) => e.textContent)).toMatch(/Performance Evaluation Report/);
    await look(page, '13-draft-en');
    await click(page, 'a.lang');
    await page.close();
  });
});

/** A draft of its own, made through the use cases, so these tests stand alone. */
async function ownDraft(filing: string): Promise<string> {
  const w = { store: r.node.workbench, now: () => new Date() };
  const key = (await r.node.store.listKeys()).find((k) => k.role === 'staff')!;
  const actor = { keyId: key.id, role: key.role, org: key.org };
  const project = await createProject(w, actor, { name: projectName, data: { project: PROJECT, milestones: {} } });
  const draft = await createDraft(w, actor, project.id, { filing, from: { sample: SAMPLES[filing]! } }, r.node.samples);
  return `${r.base}/projects/${project.id}/drafts/${draft.id}`;
}

describe('two people on one draft', () => {
  it('refuses the second of two stale saves with a clear message and keeps both versions', { timeout: 120_000 }, async () => {
    const url = await ownDraft('performance-evaluation');
    const a = await newPage(r);
    await ensureSignedIn(a);
    const b = await newPage(r);
    await a.goto(url);
    await b.goto(url);
    const rev = await revision(a);
    await a.bringToFront();
    await a.type('[name="t:/docNo"]', '应急信研〔2026〕1号');
    await saved(a, rev);
    await b.bringToFront();
    await b.type('[name="t:/docNo"]', '应急信研〔2026〕2号');
    await b.waitForSelector('#conflict:not([hidden])', { timeout: 30_000 });
    expect(await b.$eval('#conflict', (e) => e.textContent)).toMatch(/已被他人|changed/);
    await look(b, '15-conflict');
    await b.goto(`${url}/history`);
    const kinds = await b.$$eval('tbody tr', (rows) => rows.map((row) => row.className));
    expect(kinds).toContain('conflict');
    await look(b, '16-history');
    await a.close();
    await b.close();
  });
});


describe('a template maintainer in the browser', () => {
  it('uploads a version, sees every lint problem, previews a sample, compares, publishes and retires', { timeout: 300_000 }, async () => {
    const context = await r.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1440, height: 1000 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'zh-CN' });
    await page.goto(`${r.base}/sign-in`);
    await page.type('#key', maintainerKey);
    await click(page, 'form[action="/sign-in"] button[type=submit]');
    expect(page.url()).toBe(`${r.base}/maintain`);
    await look(page, '17-maintain');
    await click(page, 'a[href="/maintain/acceptance-extension"]');
    await look(page, '18-maintain-filing');
    const dir = tempDir('upload');
    const broken = join(dir, 'broken.hbs');
    writeFileSync(broken, '<html><body>{{#each sections}}<section>{{title}}</section>{{/each}}{{{unknownHelper project}}}</body></html>');
    await page.type('#up-version', '1.0.9');
    await page.type('#up-from', '2027-01-01');
    await page.type('#up-basis', '国办发〔2019〕57号');
    await ((await page.$('#up-html')) as ElementHandle<HTMLInputElement>).uploadFile(broken);
    await click(page, 'form[action$="/upload"] button[type=submit]');
    const lint = await page.$$eval('table.lint tbody tr', (rows) => rows.map((row) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    expect(lint.length).toBeGreaterThan(0);
    expect(lint.every((row) => row.length === 4 && row[3]!.length > 0)).toBe(true);
    expect(lint.some((row) => row[1]!.length > 0)).toBe(true);
    await look(page, '19-lint');

    const current = '1.0.0';
    const good = join(dir, 'good.hbs');
    writeFileSync(good, readFileSync(`templates/acceptance-extension/${current}/acceptance-extension.hbs`));
    await page.type('#up-version', '1.0.9');
    await page.type('#up-from', '2027-01-01');
    await page.type('#up-basis', '国办发〔2019〕57号');
    await ((await page.$('#up-html')) as ElementHandle<HTMLInputElement>).uploadFile(good);
    await click(page, 'form[action$="/upload"] button[type=submit]');
    expect(await page.$eval('.notice.ok', (e) => e.textContent)).toContain('1.0.9');
    await click(page, 'a[href^="/maintain/acceptance-extension/diff"]');
    await look(page, '20-diff');
    await page.goBack();
    await click(page, 'form[action="/maintain/acceptance-extension/1.0.9/preview"] button');
    const sampleSrc = await page.$eval('iframe.sample-preview', (f) => f.getAttribute('src'));
    expect(sampleSrc).toContain('format=html');
    await look(page, '21-sample-preview');
    await page.goto(`${r.base}/maintain/acceptance-extension`);
    await click(page, 'form[action="/maintain/acceptance-extension/1.0.9/publish"] button');
    expect(r.node.services.templates.versions('acceptance-extension').find((v) => v.version === '1.0.9')?.status).toBe('published');
    await click(page, 'form[action="/maintain/acceptance-extension/1.0.9/retire"] button');
    expect(r.node.services.templates.versions('acceptance-extension').find((v) => v.version === '1.0.9')?.status).toBe('retired');
    await look(page, '22-maintain-after');
    await context.close();
  });
});

describe('a tab lost in the middle of an edit', () => {
  it('leaves nothing lost: what was typed is restored when the draft opens again', { timeout: 120_000 }, async () => {
    const url = await ownDraft('performance-evaluation');
    const page = await newPage(r);
    await ensureSignedIn(page);
    await page.goto(url);
    const before = await revision(page);
    await page.click('[name="lz:/annualTargets"]');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    const typed = '新增：年内完成全部区县接入。';
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed);
    // What was typed is in this browser within moments of the keystroke, before the save a pause in typing sends.
    await page.waitForFunction((t) => Object.values(localStorage).some((v) => v.includes(t)), {}, typed);
    // The tab dies before its save went out: its renderer is killed, so no unload handler runs.
    await killRenderers(r);
    await page.close().catch(() => undefined);
    const api = `/v1/projects/${url.split('/projects/')[1]!.split('/')[0]}/drafts/${url.split('/drafts/')[1]}`;

    const again = await newPage(r);
    await again.bringToFront();
    await again.goto(url);
    // The page sends what the browser kept, then shows the draft again.
    await again.waitForFunction((id) => localStorage.getItem(`wb:draft:${id}`) === null, { timeout: 30_000 }, url.split('/drafts/')[1]);
    await again.waitForNetworkIdle({ idleTime: 700 });
    await again.waitForFunction((t) => (document.querySelector('[name="lz:/annualTargets"]') as HTMLTextAreaElement | null)?.value.includes(t), { timeout: 30_000 }, typed);
    const draft = (await again.evaluate(async (u) => (await fetch(u)).json(), api)) as { revision: number; data: { annualTargets: unknown[] } };
    expect(draft.revision).toBeGreaterThan(before);
    expect(JSON.stringify(draft.data.annualTargets)).toContain(typed);
    await look(again, '14-restored');
    await again.close();
  });

  it('ran without a script error or a Content-Security-Policy violation on any page', () => {
    // A refused stale save answers 409, which the browser logs as a failed request: that one is expected.
    expect(r.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
