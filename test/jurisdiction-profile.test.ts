// A third jurisdiction added the way docs/adding-a-jurisdiction.md says — one more entry in the profile data, nothing
// else — is accepted by the schemas, read by the sections, the content and the rules, cited in its own findings and
// rendered into a complete DOCX. The province and its measure are made up.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { JurisdictionProfileData } from '../src/core/regulations/profiles.ts';

vi.mock('../src/core/regulations/profile-data.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/core/regulations/profile-data.ts')>();
  const art = (zh: string, en: string) => ({ zh, en });
  const province: JurisdictionProfileData = {
    name: { zh: '省级（示例省办法）', en: 'Provincial (example province measure)' },
    applies: { zh: '适用示例省政务信息化项目管理办法', en: 'under the example province measure' },
    scope: 'local',
    measure: { id: 'measure:example-province', zh: '《示例省政务信息化项目管理办法》', en: 'Example Province Measures for Government Informatization Projects' },
    acceptance: {
      windowMonths: 4,
      deadlineAct: 'application',
      article: art('第二十二条', 'Art. 22'),
      reportFiling: { body: 'office', office: { zh: '省大数据局', en: 'Provincial Big Data Bureau' } },
      reportFilingArticle: art('第二十二条第三款', 'Art. 22 ¶3'),
      fundsWithheldUntilAccepted: null,
      failedSecurityArticle: art('第二十五条第（三）项', 'Art. 25(3)'),
    },
    adjustments: { selfManaged: { limitPercent: 10, reasons: ['central-deployment', 'scheme-optimisation', 'business-need'] }, article: art('第二十条', 'Art. 20') },
    catalogue: { registrationWorkingDays: 15, registrationArticle: art('第二十四条', 'Art. 24'), attributesBeforeApplication: null },
    contractFiling: null,
    annualReport: { toFinance: true, article: art('第十七条', 'Art. 17') },
    selfEvaluation: { windowMonths: [12, 24], toFinance: true, article: art('第二十六条', 'Art. 26') },
    cryptoPlanReview: { fromLevel: 3, article: art('第二十七条', 'Art. 27') },
    approvalStage: { operationProjectAttachments: null, noSeparateBuild: null },
  };
  return { PROFILE_DATA: { ...actual.PROFILE_DATA, province } };
});

const { PROFILE_IDS } = await import('../src/core/regulations/profiles.ts');
const { checkFiling, RULES, severityOf } = await import('../src/core/compliance/index.ts');
const { buildView, filingById, resolveSections } = await import('../src/core/filings/index.ts');
const { validate } = await import('../src/core/validation.ts');
const { buildDocxTemplate } = await import('../src/templates/build/docx-template.ts');
const { compileDocx, renderDocx } = await import('../src/render/docx/render-docx.ts');
const { assertOutput, collectStrings } = await import('../src/render/verify-output.ts');

type Raw = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A sample moved to the province. */
function provincial(filing: string, name: string, change?: (r: Raw) => void): Raw {
  const raw = JSON.parse(readFileSync(`samples/${filing}/${name}.json`, 'utf8')) as Raw;
  raw.project.jurisdiction = { profile: 'province', name: '示例省', regionCode: '330000' };
  raw.project.approvingDepartment = { zh: '示例省发展和改革委员会', en: 'Example Province Development and Reform Commission' };
  change?.(raw);
  return raw;
}

const AR = filingById('acceptance-report')!;
const report = (change?: (r: Raw) => void) =>
  validate(
    AR.schema,
    provincial('acceptance-report', 'national-disaster-warning-platform', (r) => {
      r.acceptance.reportFiling = { recipient: '示例省大数据局' };
      change?.(r);
    }),
  );
const findings = (input: unknown, rule: string) => checkFiling(AR, input).filter((f) => f.ruleId === rule);

describe('a made-up province added as data', () => {
  it('is a profile the schemas accept', () => {
    expect(PROFILE_IDS).toEqual(['national', 'district', 'province']);
    expect(() => report()).not.toThrow();
  });

  it('applies its own acceptance window: completion 2025-10-31 + 4 months = Saturday 2026-02-28, a 调休 working day', () => {
    expect(findings(report((r) => (r.acceptance.applicationDate = '2026-02-28')), 'A2')).toEqual([]);
    const [late] = findings(report((r) => (r.acceptance.applicationDate = '2026-03-02')), 'A2');
    expect(late!.message['zh-CN']).toContain('晚于建设完成后4个月的期限（2026年2月28日）');
    const cited = late!.citations.map((c) => c['zh-CN']);
    expect(cited).toContain('《示例省政务信息化项目管理办法》第二十二条');
    expect(cited.join()).not.toContain('区级');
  });

  it('lets the unit adjust within its own 10 %: 987.64 of 9,876.40, of which 28.60 are already taken', () => {
    expect(findings(report((r) => (r.changes[0].amount = 959.04)), 'A6')).toEqual([]);
    const [over] = findings(report((r) => (r.changes[0].amount = 959.05)), 'A6');
    expect(over!.message['zh-CN']).toContain('超过10%');
  });

  it('files the report with its own office and says so in the document', () => {
    expect(findings(report(), 'A13')).toEqual([]);
    const [wrong] = findings(report((r) => (r.acceptance.reportFiling.recipient = '示例省发展和改革委员会')), 'A13');
    expect(wrong!.message['zh-CN']).toBe('验收报告应报省大数据局备案：写明的备案单位为“示例省发展和改革委员会”。');
    const view = buildView(AR, report(), { locale: 'zh-CN', templateVersion: '1.0.0', inputSha256: 'a'.repeat(64) });
    const text = JSON.stringify(view);
    expect(text).toContain('按照《示例省政务信息化项目管理办法》第二十二条第三款，验收完成后，本报告及有关材料报示例省大数据局备案。');
    expect(text).toContain('2026年2月28日（建设完成后4个月内申请验收）');
  });

  it('registers the catalogue within its 15 working days, as an error: 2026-01-16 + 15 = 2026-02-06', () => {
    expect(findings(report((r) => (r.sharing.registeredDate = '2026-02-06')), 'A5')).toEqual([]);
    expect(findings(report((r) => (r.sharing.registeredDate = '2026-02-09')), 'A5').map((f) => f.severity)).toEqual(['error']);
    expect(severityOf(RULES.find((r) => r.id === 'A5')!, 'province' as never)).toBe('error');
  });

  it('takes the sections its semantics call for: catalogue registration, no contract filing', () => {
    const ids = resolveSections(AR, report()).map((s) => s.id);
    expect(ids).toContain('catalogue_registration');
    expect(ids).not.toContain('contract_filing');
    expect(RULES.find((r) => r.id === 'A8')!.profiles).toEqual(['district']);
    expect(RULES.find((r) => r.id === 'K5')!.profiles).toEqual(['district', 'province']);
  });

  it('asks for the expert review of a level-3 cryptography plan at the planning stage', () => {
    const PP = filingById('project-proposal')!;
    const raw = provincial('project-proposal', 'national-enterprise-credit-sharing');
    const [p23] = checkFiling(PP, validate(PP.schema, raw)).filter((f) => f.ruleId === 'P23');
    expect(p23).toMatchObject({ severity: 'warning', path: '/phaseScheme/crypto/expertReview' });
    expect(p23!.citations.map((c) => c['zh-CN'])).toEqual(['《示例省政务信息化项目管理办法》第二十七条']);
  });

  it('renders a complete DOCX: every required section, no stray tag', () => {
    const input = report();
    const view = buildView(AR, input, { locale: 'zh-CN', templateVersion: '1.0.0', inputSha256: 'a'.repeat(64) });
    const docx = renderDocx(compileDocx(buildDocxTemplate(AR, { version: '1.0.0', title: '验收报告' })), view, {
      title: view.doc.title,
      subject: view.doc.filingName,
      keywords: AR.id,
      language: view.doc.lang,
      date: view.doc.date,
      custom: { FilingId: AR.id },
    });
    expect(docx.markers).toEqual(view.order);
    assertOutput({ format: 'docx', markers: docx.markers, text: docx.text, required: view.order, inputStrings: () => collectStrings(input) });
    expect(docx.text).toContain('适用示例省政务信息化项目管理办法');
    expect(docx.text).toContain('示例省大数据局备案');
  });
});
