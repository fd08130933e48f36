// The workbench in a real browser (Debian's Chromium): a staff member signs in, enters a project once, fills a form
// for every filing from an empty draft (typing, adding rows, pasting rows from a spreadsheet, fixing an input error
// and a compliance finding), previews, downloads DOCX and PDF and reads them, generates a final; a maintainer's pages;
// and a tab lost mid-edit leaves the draft intact. Every page is checked with axe-core and photographed.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILINGS, filingById } from '../src/core/filings/index.ts';
import { splitInput } from '../src/core/workbench/project.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { docxParts, pdfDiagonalTextByPage, pdfText } from './support/documents.ts';
import { samplesOf } from './support/samples.ts';
import { click, download, fillForm, look, newPage, pasteRows, revision, saved, startWorkbench, type Running } from './support/browser.ts';

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
