// The body of the extension request: approval facts, progress, reasons, remaining work, the new date, the funding freeze.
import { describe, expect, it } from 'vitest';
import { build, column, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { AcceptanceExtensionInput } from '../schema.ts';
import { request } from './request.ts';

const F = 'acceptance-extension';
const national = sample(F, AcceptanceExtensionInput, 'national-data-sharing-platform');

describe('request body', () => {
  it('states the approval and the original deadline: completion plus the national 6 months', () => {
    const t = tableOf(build(F, request, 'approval', national));
    expect(fact(t, '批复文件')).toBe('发改高技〔2023〕1187号（2023年8月21日）');
    expect(fact(t, '总投资')).toBe('12,860.50万元（大写：人民币壹亿贰仟捌佰陆拾万伍仟元整）');
    expect(fact(t, '原定验收期限')).toBe('2026年11月30日（建设完成后6个月内申请验收）');
    const en = tableOf(build(F, request, 'approval', national, 'en'));
    expect(en.rows.map((r) => r[1])).toContain('30 November 2026 (acceptance applied for within 6 months of completion)');
    const district = sample(F, AcceptanceExtensionInput, 'district-smart-park-platform');
    expect(fact(tableOf(build(F, request, 'approval', district)), '原定验收期限')).toBe('2026年8月31日（建设完成后3个月内组织完成竣工验收）');
    const bi = tableOf(build(F, request, 'approval', district, 'bilingual'));
    expect(bi.rows.map((r) => r[1])).toContain('2026年8月31日（31 August 2026）（建设完成后3个月内组织完成竣工验收 / acceptance organised and completed within 3 months of completion）');
  });

  it('reports progress, and the payment share only when given', () => {
    expect(paragraphs(build(F, request, 'progress', national)).slice(0, 2)).toEqual(['截至目前，项目建设内容已完成92.5%，投资完成88.6%。', '合同资金支付比例为81.2%。']);
    const without = sample(F, AcceptanceExtensionInput, 'national-data-sharing-platform', (r) => delete r.progress.paymentPercent);
    expect(paragraphs(build(F, request, 'progress', without)).join()).not.toContain('支付比例');
  });

  it('numbers the reasons', () => {
    const reasons = paragraphs(build(F, request, 'reasons', national));
    expect(reasons).toHaveLength(2);
    expect(reasons[1]).toMatch(/^2\. 商用密码应用安全性评估机构/);
  });

  it('tables the remaining work, the implementing body owning tasks without an owner', () => {
    const t = tableOf(build(F, request, 'remaining_work', national));
    expect(column(t, '完成时间')).toEqual(['2027年1月31日', '2027年2月28日', '2027年3月31日', '2027年4月15日']);
    // The first task names no owner: the implementing body (国家政务数据共享服务中心平台建设部) owns it.
    expect(column(t, '责任单位').slice(0, 2)).toEqual(['国家政务数据共享服务中心平台建设部', '平台建设部、信息安全处']);
  });

  it('asks for the requested date', () => {
    expect(paragraphs(build(F, request, 'requested_date', national))[0]).toContain('申请将项目验收申请期限延期至2027年4月30日');
    const district = sample(F, AcceptanceExtensionInput, 'district-smart-park-platform');
    expect(paragraphs(build(F, request, 'requested_date', district))[0]).toContain('申请将项目竣工验收期限延期至2026年11月15日');
  });
});
