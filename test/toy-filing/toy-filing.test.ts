// A sixth filing added the way docs/adding-a-filing.md says, defined here and never put in FILINGS: its schema
// validates, its rules and the general ones check it, its view is built, and the template builders give a DOCX and
// an HTML template that render it with every section marker in place.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildView, FILINGS, filingById } from '../../src/core/filings/index.ts';
import { checkFiling, RULES } from '../../src/core/compliance/index.ts';
import { validate } from '../../src/core/validation.ts';
import { isAppError } from '../../src/core/errors.ts';
import { buildDocxTemplate } from '../../src/templates/build/docx-template.ts';
import { buildHtmlTemplate } from '../../src/templates/build/html-template.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from '../../src/templates/manifest.ts';
import { compileDocx, renderDocx } from '../../src/render/docx/render-docx.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { assertOutput, collectStrings } from '../../src/render/verify-output.ts';
import type { DocLocale } from '../../src/core/format/format.ts';
import { quarterlyProgress } from './index.ts';

/** A valid input: the project block of a real sample, and the toy's own fields. */
function input(change?: (raw: Record<string, unknown>) => void): Record<string, unknown> {
  const { project } = JSON.parse(readFileSync('samples/acceptance-extension/national-data-sharing-platform.json', 'utf8')) as { project: unknown };
  const raw: Record<string, unknown> = {
    project,
    quarter: '2026-Q1',
    reportDate: '2026-04-08',
    percentComplete: 62.5,
    summary: [{ zh: '本季度完成共享交换子系统联调。', en: 'The exchange subsystem was integrated this quarter.' }],
    milestones: [
      { name: { zh: '完成联调', en: 'Integration done' }, due: '2026-03-31', done: true },
      { name: '完成试运行', due: '2026-06-30', done: false },
    ],
    risks: ['密评排期紧张'],
  };
  change?.(raw);
  return raw;
}

const parse = (raw: unknown) => validate(quarterlyProgress.schema, raw);

function render(locale: DocLocale, raw = input()) {
  const valid = parse(raw);
  const view = buildView(quarterlyProgress, valid, { locale, templateVersion: '1.0.0', inputSha256: 'a'.repeat(64) });
  const docx = renderDocx(compileDocx(buildDocxTemplate(quarterlyProgress, { version: '1.0.0', title: '季度进展简报' })), view, {
    title: view.doc.title,
    subject: view.doc.filingName,
    keywords: 'quarterly-progress',
    language: view.doc.lang,
    date: view.doc.date,
    custom: { FilingId: quarterlyProgress.id },
  });
  const html = renderHtml(Handlebars.compile(buildHtmlTemplate(quarterlyProgress), HANDLEBARS_COMPILE_OPTIONS), view);
  return { valid, view, docx, html };
}

describe('a toy sixth filing', () => {
  it('is not in the service\'s list, and its rules are not among the service\'s', () => {
    expect(FILINGS.map((f) => f.id)).not.toContain('quarterly-progress');
    expect(filingById('quarterly-progress')).toBeUndefined();
    expect(RULES.map((r) => r.id)).not.toContain('T1');
  });

  it('validates its input, every problem with its JSON Pointer', () => {
    expect(() => parse(input())).not.toThrow();
    try {
      parse(input((r) => ((r.quarter = '2026-Q5'), (r.percentComplete = 120))));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('input_invalid');
      expect(isAppError(e) ? e.issues?.map((i) => i.path) : []).toEqual(['/quarter', '/percentComplete']);
    }
  });

  it('is checked against its own rule and the general ones', () => {
    expect(checkFiling(quarterlyProgress, parse(input()))).toEqual([]);
    const early = checkFiling(quarterlyProgress, parse(input((r) => (r.reportDate = '2026-03-20'))));
    expect(early.map((f) => [f.ruleId, f.severity, f.path])).toEqual([['T1', 'warning', '/reportDate']]);
    expect(early[0]!.message['zh-CN']).toBe('季度进展简报应在季度结束（2026年3月31日）后报送，本简报日期为2026年3月20日。');
    const unbalanced = checkFiling(quarterlyProgress, parse(input((r) => ((r.project as { totalInvestment: number }).totalInvestment = 1))));
    expect(unbalanced.map((f) => f.ruleId)).toContain('G3');
  });

  it('builds its view with its own headings, and the sections its input requires', () => {
    const { view } = render('zh-CN');
    expect(view.order).toEqual(['summary', 'progress', 'milestones', 'risks']);
    expect(view.doc.filingName).toBe('季度进展简报');
    expect(view.s_progress && view.s_progress.heading).toBe('二、建设进展');
    expect(view.s_milestones && view.s_milestones.heading).toBe('（一）里程碑完成情况');
    const noRisks = render('zh-CN', input((r) => (r.risks = []))).view;
    expect(noRisks.order).not.toContain('risks');
    expect(noRisks.s_risks).toBe(false);
  });

  it.each(['zh-CN', 'en', 'bilingual'] as const)('renders a real DOCX and HTML through the template builders (%s)', (locale) => {
    const { valid, view, docx, html } = render(locale);
    for (const out of [
      { format: 'docx' as const, markers: docx.markers, text: docx.text },
      { format: 'html' as const, markers: html.markers, text: html.text },
    ]) {
      expect(out.markers).toEqual(view.order);
      assertOutput({ ...out, required: view.order, inputStrings: () => collectStrings(valid) });
    }
    const zip = new PizZip(docx.bytes);
    expect(zip.file('word/document.xml')).not.toBeNull();
    const lead = locale === 'en' ? 'As of 8 April 2026 the construction is 62.5% complete; 1 of 2 milestones are done.' : '截至2026年4月8日，项目建设内容累计完成62.5%，1个里程碑已完成（共2个）。';
    expect(docx.text).toContain(lead);
    expect(html.text).toContain(lead);
    expect(html.html).toContain('<section data-section="milestones"');
  });

  it('renders its district-only section under the district profile', () => {
    const raw = input((r) => ((r.project as { jurisdiction: { profile: string } }).jurisdiction.profile = 'district'));
    const { view, docx } = render('zh-CN', raw);
    expect(view.order.at(-1)).toBe('district_note');
    expect(docx.text).toContain('本简报同时抄送区财政部门。');
  });
});
