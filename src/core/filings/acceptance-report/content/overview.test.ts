// 项目概况: the facts, the approvals and which account of the application the input earns (in time, extended, late).
import { describe, expect, it } from 'vitest';
import { build, column, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { overview } from './overview.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
const extended = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');
const district = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform');

describe('overview', () => {
  it('gives the project facts: leader with title, co-builders, the stated total with its 大写, the level', () => {
    const t = tableOf(build(F, overview, 'project_facts', national));
    expect(fact(t, '项目负责人')).toBe('陈志远（院长）');
    expect(fact(t, '共建部门')).toBe('自然资源部；水利部；中国气象局');
    expect(fact(t, '批复概算总投资')).toBe('9,876.40万元（大写：人民币玖仟捌佰柒拾陆万肆仟元整）');
    expect(fact(t, '安全保护等级')).toBe('网络安全等级保护第三级');
  });

  it('tables the approvals with numbers in 〔〕 and a dash where no amount was approved', () => {
    const t = tableOf(build(F, overview, 'approvals', national));
    expect(column(t, '文号')).toEqual(['发改高技〔2022〕1563号', '发改高技〔2023〕412号', '发改办高技〔2024〕693号']);
    expect(column(t, '金额（万元）')).toEqual(['10,120.00', '9,876.40', '—']);
  });

  it('says the application was in time, within the extension, or late', () => {
    expect(paragraphs(build(F, overview, 'acceptance_process', national))[0]).toContain('在建设完成后6个月的规定期限（2026年4月30日）内');
    expect(paragraphs(build(F, overview, 'acceptance_process', extended))[0]).toContain('验收申请期限延至2026年4月30日');
    const late = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.acceptance.applicationDate = '2026-05-06'));
    expect(paragraphs(build(F, overview, 'acceptance_process', late))[0]).toContain('已超过验收申请期限（2026年4月30日）');
  });

  it('writes an extension row per language in a bilingual report, Chinese over English', () => {
    const t = tableOf(build(F, overview, 'acceptance_process', extended, 'bilingual'));
    expect(t.rows[3]![1]).toBe('发改办高技〔2026〕58号（2026年1月20日）；期限延至2026年4月30日\n发改办高技〔2026〕58号 (20 January 2026); deadline extended to 30 April 2026');
  });

  it('gives the deadline with what it limits: the application nationally, the organised acceptance in the district', () => {
    expect(fact(tableOf(build(F, overview, 'acceptance_process', national)), '验收申请期限')).toBe('2026年4月30日（建设完成后6个月内申请验收）');
    expect(fact(tableOf(build(F, overview, 'acceptance_process', district)), '竣工验收组织期限')).toBe('2025年9月30日（建设完成后3个月内组织完成竣工验收）');
    const [lead] = paragraphs(build(F, overview, 'acceptance_process', district));
    expect(lead).toContain('竣工验收于2025年9月12日组织完成，在建设完成后3个月内组织完成竣工验收的规定期限（2025年9月30日）内');
    const late = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => (r.acceptance.meetingDate = '2025-10-13'));
    expect(paragraphs(build(F, overview, 'acceptance_process', late))[0]).toContain('竣工验收于2025年10月13日组织，已超过建设完成后3个月内组织完成竣工验收的期限（2025年9月30日）');
  });

  it('moves a deadline that ends in a holiday to the next working day and says so', () => {
    const i = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => {
      r.construction.completionDate = '2025-04-01';
      r.acceptance.applicationDate = '2025-10-09';
    });
    const blocks = build(F, overview, 'acceptance_process', i);
    expect(fact(tableOf(blocks), '验收申请期限')).toBe('2025年10月9日（建设完成后6个月内申请验收；2025年10月1日为法定节假日或休息日，期限顺延至其后第一个工作日）');
    expect(paragraphs(blocks)[0]).toContain('规定期限（2025年10月9日；2025年10月1日为法定节假日或休息日，期限顺延至其后第一个工作日）内');
  });

  it('states with whom the report is filed (备案), and when once it is', () => {
    expect(paragraphs(build(F, overview, 'acceptance_process', national)).at(-1)).toBe(
      '按照《国家政务信息化项目建设管理办法》（国办发〔2019〕57号）第二十五条第三款，验收完成后，本报告及有关材料报国家发展和改革委员会备案。',
    );
    expect(paragraphs(build(F, overview, 'acceptance_process', district)).at(-1)).toMatch(/第十九条，验收完成后，本报告及有关材料报聊城高新区信息化项目综合管理办公室备案。$/);
    const filed = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => (r.acceptance.reportFiling = { recipient: '国家发展和改革委员会', date: '2026-05-12', docNo: '应急信研[2026]40号' }));
    expect(paragraphs(build(F, overview, 'acceptance_process', filed)).at(-1)).toContain('本报告及有关材料已于2026年5月12日报国家发展和改革委员会备案（应急信研〔2026〕40号）。');
    // Without the new field the report still states the 备案, with the body the measure names.
    const older = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform', (r) => delete r.acceptance.reportFiling);
    expect(paragraphs(build(F, overview, 'acceptance_process', older)).at(-1)).toContain('报国家发展和改革委员会备案');
    expect(paragraphs(build(F, overview, 'acceptance_process', national, 'en')).at(-1)).toBe(
      'Under Measures for the Administration of National Government Informatization Projects (Guobanfa [2019] No. 57), Art. 25 ¶3, once acceptance is complete this report and its materials are filed with the National Development and Reform Commission.',
    );
  });
});
