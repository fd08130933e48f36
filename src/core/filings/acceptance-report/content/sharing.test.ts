// 信息资源共享情况: the registered resources, the system catalogue, and the district's 10-working-day registration.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample } from '../../../../../test/support/chapter.ts';
import { AcceptanceReportInput } from '../schema.ts';
import { sharing } from './sharing.ts';

const F = 'acceptance-report';
const district = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform');

describe('sharing', () => {
  it('names the catalogue entry of the system and the O&M funds it carries', () => {
    expect(paragraphs(build(F, sharing, 'system_catalogue', district))[0]).toBe('系统已纳入政务信息系统目录，目录编码LCGX-XT-2025-014，纳入日期2025年8月8日；年度运行维护经费29.50万元据此安排。');
    const unlisted = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => (r.sharing.systemCatalogue = { listed: false }));
    expect(paragraphs(build(F, sharing, 'system_catalogue', unlisted))).toEqual(['系统尚未纳入政务信息系统目录。']);
  });

  it('counts the working days from preliminary acceptance to registration against the limit', () => {
    expect(paragraphs(build(F, sharing, 'catalogue_registration', district))[0]).toContain('用时8个工作日，在10个工作日的期限内');
    const late = sample(F, AcceptanceReportInput, 'district-enterprise-service-platform', (r) => (r.sharing.registeredDate = '2025-08-12'));
    expect(paragraphs(build(F, sharing, 'catalogue_registration', late))[0]).toContain('用时15个工作日，超过10个工作日的期限');
  });
});
