// Every DOCX (all samples, all locales) opens in LibreOffice as a recipient's office suite would: one headless
// conversion run, and each converted PDF carries the project name.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { validSamples } from './support/samples.ts';
import { LOCALES, expectationsFor } from './support/expectations.ts';
import { libreOfficeToPdf, pdfText, readBytes } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services.close());

it('opens every rendered DOCX in LibreOffice', { timeout: 900_000 }, async () => {
  const files: Record<string, Uint8Array> = {};
  const names: Record<string, string> = {};
  for (const s of validSamples()) {
    for (const locale of LOCALES) {
      const key = `${s.filingId}--${s.name}--${locale}`;
      const r = await renderFiling(services, { filingId: s.filingId, format: 'docx', locale, input: s.input });
      files[key] = r.bytes;
      names[key] = expectationsFor(s.filingId, s.input, locale).projectName;
    }
  }
  const converted = libreOfficeToPdf(files);
  expect(Object.keys(converted).sort()).toEqual(Object.keys(files).sort());
  for (const [key, path] of Object.entries(converted)) {
    const text = pdfText(readBytes(path)).replace(/\s+/g, '');
    expect(text, key).toContain(names[key]!.replace(/\s+/g, ''));
  }
});
