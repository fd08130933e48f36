// Every valid sample in every locale as HTML: section markers in order, content, no external resources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { extractHtmlMarkers, extractHtmlText } from '../src/render/html/render-html.ts';
import { validSamples } from './support/samples.ts';
import { LOCALES, expectationsFor } from './support/expectations.ts';
import { missingInOrder } from './support/documents.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

let services: NodeRenderServices;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => services.close());

describe.each(validSamples().map((s) => [`${s.filingId}/${s.name}`, s] as const))('%s', (_, sample) => {
  it.each(LOCALES)('renders complete, self-contained HTML in %s', async (locale) => {
    const exp = expectationsFor(sample.filingId, sample.input, locale);
    const r = await renderFiling(services, { filingId: sample.filingId, format: 'html', locale, input: sample.input });
    const html = new TextDecoder().decode(r.bytes);
    expect(extractHtmlMarkers(html)).toEqual(exp.sectionIds);
    const text = extractHtmlText(html);
    for (const [, titles] of Object.entries(exp.titles)) expect(missingInOrder(text, titles!)).toBeNull();
    expect(text).toContain(exp.projectName);
    expect(exp.totalInvestment.some((t) => text.includes(t))).toBe(true);
    expect(html).toContain(`<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`);
    expect(html).toContain(`<meta name="filing-id" content="${sample.filingId}">`);
    // Nothing for a browser to fetch: no URLs in src/href/url().
    expect(html).not.toMatch(/\b(src|href)\s*=|url\(|@import/i);
    expect(html).not.toMatch(/\{\{|\bundefined\b|\[object Object\]/);
  });
});
