// 项目概况: the facts, the approvals and which account of the application the input earns (in time, extended, late).
import { describe, expect, it } from 'vitest';
import { build, column, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { overview } from './overview.ts';

const F = 'acceptance-report';
const national = sample(F, AcceptanceReportInput, 'national-disaster-warning-platform');
const extended = sample(F, AcceptanceReportInput, 'national-classified-reserve-system');

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
});
