// The jurisdiction profiles hold numbers and semantics: national 57号 and the district measure read apart where the
// measures differ, and every cited document resolves.
import { describe, expect, it } from 'vitest';
import { citeMeasure, PROFILE_IDS, profileData, profilesWhere } from './profiles.ts';
import { formatCitation } from './documents.ts';
import { FILINGS } from '../filings/registry.ts';
import { RULES } from '../compliance/index.ts';

describe('jurisdiction profiles', () => {
  it('carry their own numbers', () => {
    expect(PROFILE_IDS).toEqual(['national', 'district']);
    expect(profileData('national').acceptance.windowMonths).toBe(6);
    expect(profileData('district').acceptance.windowMonths).toBe(3);
    expect(profileData('district').catalogue.registrationWorkingDays).toBe(10);
    expect(profileData('district').contractFiling?.workingDays).toBe(5);
    expect(profileData('national').selfEvaluation.windowMonths).toEqual([12, 24]);
    expect(profileData('national').adjustments.selfManaged?.limitPercent).toBe(15);
  });

  it('say what the deadline measures, whether self-managed changes exist and where the report is filed', () => {
    expect(profileData('national').acceptance.deadlineAct).toBe('application');
    expect(profileData('district').acceptance.deadlineAct).toBe('organised');
    expect(profileData('district').adjustments.selfManaged).toBeNull();
    expect(profileData('national').acceptance.reportFiling).toEqual({ body: 'approving-department' });
    expect(profileData('district').acceptance.reportFiling).toEqual({ body: 'office', office: { zh: '综合管理办公室', en: 'Integrated Management Office' } });
    expect(profilesWhere((p) => p.annualReport.toFinance)).toEqual(['district']);
    expect(profilesWhere((p) => p.selfEvaluation.toFinance)).toEqual(['national']);
  });

  it('cite their own measure', () => {
    const d = profileData('district');
    expect(formatCitation(citeMeasure(d, d.acceptance.article), 'zh-CN')).toBe('区级政务信息化项目建设管理办法（参照国办发〔2019〕57号制定的地方办法）第十九条');
    const n = profileData('national');
    expect(formatCitation(citeMeasure(n, n.acceptance.reportFilingArticle), 'en')).toBe(
      'Measures for the Administration of National Government Informatization Projects (Guobanfa [2019] No. 57), Art. 25 ¶3',
    );
  });

  it('refuse an unknown profile', () => {
    expect(() => profileData('province')).toThrow(/unknown jurisdiction profile/);
  });

  it('leave no citation of a section or rule unresolved', () => {
    for (const f of FILINGS) for (const s of f.sections) for (const c of s.citations) expect(() => formatCitation(c, 'zh-CN'), `${f.id}/${s.id}`).not.toThrow();
    for (const r of RULES) for (const c of r.citations) expect(() => formatCitation(c, 'en'), r.id).not.toThrow();
  });
});
