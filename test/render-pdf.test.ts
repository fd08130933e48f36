// Every valid sample in every locale as PDF through the real Chromium: text extracts in order, fonts are embedded
// TrueType CJK subsets (not Type 3), and the metadata names the filing, template version and input hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { canonicalJson, sha256Hex } from '../src/core/canonical.ts';
import { validSamples } from './support/samples.ts';
import { LOCALES, expectationsFor } from './support/expectations.ts';
import { missingInOrder, pdfFonts, pdfInfo, pdfText } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
  await services.pdf.warm();
});
afterAll(() => services.close());

const CJK_FONT = /UMing|UKai|ZenHei|WenKai/;

describe.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s', (_, sample) => {
  it.each(LOCALES)('prints a complete PDF with embedded fonts in %s', async (locale) => {
    const exp = expectationsFor(sample.filingId, sample.input, locale);
    const r = await renderFiling(services, { filingId: sample.filingId, format: 'pdf', locale, input: sample.input });
    expect(Buffer.from(r.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const text = pdfText(r.bytes);
    for (const [, titles] of Object.entries(exp.titles)) expect(missingInOrder(text, titles!)).toBeNull();
    expect(text.replace(/\s+/g, '')).toContain(exp.projectName.replace(/\s+/g, ''));
    expect(exp.totalInvestment.some((t) => text.includes(t))).toBe(true);

    const fonts = pdfFonts(r.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    expect(fonts.some((f) => f.type === 'Type 3')).toBe(false);
    if (locale !== 'en') expect(fonts.some((f) => CJK_FONT.test(f.name) && f.type === 'CID TrueType' && f.subset)).toBe(true);

    const info = pdfInfo(r.bytes);
    expect(info.FilingId).toBe(sample.filingId);
    expect(info.TemplateVersion).toBe(r.templateVersion);
    expect(info.InputSHA256).toBe(await sha256Hex(canonicalJson(exp.input)));
    expect(Number(info.Pages)).toBeGreaterThan(0);
  });
});
