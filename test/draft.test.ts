// A draft is never a clean-looking filing: in the PDF every page carries 草稿 DRAFT and the findings close it;
// the draft DOCX still opens in LibreOffice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { samplesOf } from './support/samples.ts';
import { libreOfficeToPdf, pdfDiagonalTextByPage, pdfText, readBytes } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services.close());

function broken(): unknown {
  const s = structuredClone(samplesOf('feasibility-study').find((x) => x.name.startsWith('district'))!.input) as { project: { fundingSources: Array<{ amount: number }> } };
  s.project.fundingSources[0]!.amount += 100;
  return s;
}

it('marks every page of a draft PDF and lists the findings at the end', async () => {
  const r = await renderFiling(services, { filingId: 'feasibility-study', format: 'pdf', locale: 'bilingual', input: broken(), draft: true });
  const marks = pdfDiagonalTextByPage(r.bytes);
  expect(marks.length).toBeGreaterThan(5);
  for (const [i, mark] of marks.entries()) for (const ch of '草稿DRAFT') expect(mark, `page ${i + 1}`).toContain(ch);
  const pages = pdfText(r.bytes).split('\f').filter((p) => p.trim());
  const last = pages[pages.length - 1]!.replace(/\s+/g, '');
  expect(last).toContain('G3');
  expect(r.findings.some((f) => f.ruleId === 'G3' && f.severity === 'error')).toBe(true);
});

it('refuses the same input without draft', async () => {
  await expect(renderFiling(services, { filingId: 'feasibility-study', format: 'pdf', locale: 'zh-CN', input: broken() })).rejects.toMatchObject({ code: 'compliance_failed' });
});

it('opens a draft DOCX in LibreOffice with its appendix', { timeout: 300_000 }, async () => {
  const r = await renderFiling(services, { filingId: 'feasibility-study', format: 'docx', locale: 'zh-CN', input: broken(), draft: true });
  const out = libreOfficeToPdf({ draft: r.bytes });
  expect(out.draft).toBeTruthy();
  expect(pdfText(readBytes(out.draft!)).replace(/\s+/g, '')).toContain('附录：合规检查问题（草稿）');
});
