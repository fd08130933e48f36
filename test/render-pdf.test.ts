// Every valid sample in every locale as PDF through the real Chromium, in the typeset template version (1.1.0): text
// extracts in order, fonts are embedded TrueType subsets (never Type 3) of the type roles' faces, the metadata names
// the filing, template version, input hash, unit and fonts in the document's language, and the layout lint finds
// nothing (fonts per role, text block, seal page, 目录 pages, outline, split tokens, blank pages). One render per
// sample and locale serves all of it; one is rendered twice to show the bytes do not change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { canonicalJson, sha256Hex } from '../src/core/canonical.ts';
import { lintPdfLayout } from '../src/runtime/node/layout-lint.ts';
import { validSamples } from './support/samples.ts';
import { LOCALES, expectationsFor } from './support/expectations.ts';
import { missingInOrder, pdfFonts, pdfInfo, pdfText, tempDir } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
  await services.pdf.warm();
});
afterAll(() => services.close());

const VERSION = '1.1.0';
const STAND_INS = /Fandol(Fang|Hei|Kai|Song|SongBold)/;

describe.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s', (_, sample) => {
  it.each(LOCALES)('prints a complete, lint-clean PDF in %s', async (locale) => {
    const exp = expectationsFor(sample.filingId, sample.input, locale);
    const r = await renderFiling(services, { filingId: sample.filingId, format: 'pdf', locale, input: sample.input, version: VERSION });
    expect(Buffer.from(r.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const text = pdfText(r.bytes);
    for (const [, titles] of Object.entries(exp.titles)) expect(missingInOrder(text, titles!)).toBeNull();
    expect(text.replace(/\s+/g, '')).toContain(exp.projectName.replace(/\s+/g, ''));
    expect(exp.totalInvestment.some((t) => text.includes(t))).toBe(true);

    const fonts = pdfFonts(r.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.unicode && f.type !== 'Type 3')).toBe(true);
    if (locale !== 'en') expect(fonts.some((f) => /FandolFang/.test(f.name) && f.type === 'CID TrueType' && f.subset)).toBe(true);
    expect(fonts.every((f) => STAND_INS.test(f.name) || /LiberationSerif/.test(f.name))).toBe(true);

    const info = pdfInfo(r.bytes);
    expect(info.FilingId).toBe(sample.filingId);
    expect(info.TemplateVersion).toBe(VERSION);
    expect(info.InputSHA256).toBe(await sha256Hex(canonicalJson(exp.input)));
    expect(info.Fonts).toContain('body=FandolFang (stand-in)');
    expect(info.Producer).not.toMatch(/Chrom(e|ium)\/|Skia/);
    expect(info.Author?.length).toBeGreaterThan(0);
    if (locale === 'zh-CN') expect(info.Subject).toMatch(/[\u4e00-\u9fff]/);
    if (locale === 'en') expect(info.Subject).not.toMatch(/[\u4e00-\u9fff]/);
    expect(r.findings.filter((f) => f.ruleId === 'GLYPH' || f.ruleId === 'FONT')).toEqual([]);

    const path = join(tempDir('layout'), 'doc.pdf');
    writeFileSync(path, r.bytes);
    expect(await lintPdfLayout(path)).toEqual([]);
  });
});

it('prints the same bytes for the same input and template version', async () => {
  const s = validSamples().find((x) => x.filingId === 'acceptance-extension')!;
  const once = await renderFiling(services, { filingId: s.filingId, format: 'pdf', locale: 'bilingual', input: s.input, version: VERSION });
  const again = await renderFiling(services, { filingId: s.filingId, format: 'pdf', locale: 'bilingual', input: s.input, version: VERSION });
  expect(Buffer.from(again.bytes).equals(Buffer.from(once.bytes))).toBe(true);
  // One Info dictionary, rewritten in place: no trace of the browser's own (its clock time, its user agent).
  const raw = Buffer.from(once.bytes).toString('latin1');
  expect(raw.match(/\/Producer/g)).toHaveLength(1);
  expect(raw).not.toMatch(/HeadlessChrome|Skia\/PDF/);
});

it('reports a character no font can draw, and shows a visible mark in its place', async () => {
  const s = validSamples().find((x) => x.filingId === 'acceptance-extension')!;
  const input = structuredClone(s.input) as { reasons: unknown[] };
  // U+1FAE8 (an emoji of Unicode 15): no installed font has it.
  input.reasons = [...input.reasons, '原因补充\u{1FAE8}说明'];
  const r = await renderFiling(services, { filingId: s.filingId, format: 'pdf', locale: 'zh-CN', input, version: VERSION });
  const glyph = r.findings.find((f) => f.ruleId === 'GLYPH');
  expect(glyph?.path).toBe(`/reasons/${input.reasons.length - 1}`);
  expect(glyph?.message.en).toContain('U+1FAE8');
  expect(pdfText(r.bytes).replace(/\s+/g, '')).toContain('原因补充〓说明');
});
