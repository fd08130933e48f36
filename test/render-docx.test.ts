// Every valid sample in every locale as DOCX: sections in order, content present, metadata, reproducible bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { canonicalJson, sha256Hex } from '../src/core/canonical.ts';
import { readCustomProperties } from '../src/render/docx/docx-package.ts';
import { extractDocxMarkers } from '../src/render/docx/render-docx.ts';
import { validSamples } from './support/samples.ts';
import { LOCALES, expectationsFor } from './support/expectations.ts';
import { docxParts, missingInOrder } from './support/documents.ts';
import { rmbUppercaseWan } from '../src/core/format/format.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services.close());

describe.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s', (_, sample) => {
  it.each(LOCALES)('renders a complete DOCX in %s', async (locale) => {
    const exp = expectationsFor(sample.filingId, sample.input, locale);
    const r = await renderFiling(services, { filingId: sample.filingId, format: 'docx', locale, input: sample.input });
    const { documentXml, text, zip } = docxParts(r.bytes);

    expect(extractDocxMarkers(documentXml)).toEqual(exp.sectionIds);
    for (const [, titles] of Object.entries(exp.titles)) expect(missingInOrder(text, titles!)).toBeNull();
    expect(text).toContain(exp.projectName);
    expect(exp.totalInvestment.some((t) => text.includes(t))).toBe(true);
    // The stated total carries its uppercase RMB in Chinese.
    if (locale !== 'en') expect(text).toContain(`（大写：${rmbUppercaseWan((exp.input as { project: { totalInvestment: number } }).project.totalInvestment)}）`);
    expect(text).not.toMatch(/\{[#/^@-]?[A-Za-z_][\w.]*\}|\bundefined\b|\[object Object\]|\bNaN\b/);

    const props = readCustomProperties(zip);
    expect(props.FilingId).toBe(sample.filingId);
    expect(props.TemplateVersion).toBe(r.templateVersion);
    expect(props.InputSHA256).toBe(await sha256Hex(canonicalJson(exp.input)));
    expect(zip.file('docProps/core.xml')!.asText()).toContain('<dc:title>');

    // The official look travels with the file: GB/T 9704 margins and the official font families.
    const styles = zip.file('word/styles.xml')!.asText();
    for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312']) expect(styles).toContain(font);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);

    const again = await renderFiling(services, { filingId: sample.filingId, format: 'docx', locale, input: sample.input });
    expect(Buffer.from(again.bytes).equals(Buffer.from(r.bytes))).toBe(true);
  });
});
