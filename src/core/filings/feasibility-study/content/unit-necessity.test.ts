// 项目建设单位概况 and 需求分析和项目建设的必要性: the requirements report behind the chapter, volumes read per language.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { unitNecessity } from './unit-necessity.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');

describe('unit and necessity', () => {
  it('grounds the chapter in the requirements report, with its review when there is one', () => {
    const reviewed = paragraphs(build(F, unitNecessity, 'necessity', national))[0]!;
    expect(reviewed).toBe(
      '本章依据《国家企业信用信息共享与协同监管平台工程需求分析报告》（2024年3月28日）编制，该需求分析报告已经专家组评议，评议意见见《需求分析报告专家评议意见》（2024年4月16日）。',
    );
    const unreviewed = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => delete r.attachments.requirementsReview);
    expect(paragraphs(build(F, unitNecessity, 'necessity', unreviewed))[0]).not.toBe(reviewed);
    const none = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => {
      delete r.attachments.requirementsReport;
      delete r.attachments.requirementsReview;
    });
    expect(build(F, unitNecessity, 'necessity', none)).toEqual([]);
  });

  it('reads large counts in 亿 and 万 in Chinese and in full in English, and storage in TB', () => {
    const zh = tableOf(build(F, unitNecessity, 'req_information_volume', national));
    const en = tableOf(build(F, unitNecessity, 'req_information_volume', national, 'en'));
    expect(fact(zh, '数据记录总量（条）')).toBe('218亿');
    expect(fact(en, 'Records held')).toBe('21,800,000,000');
    expect(fact(zh, '数据存储总量')).toBe('612 TB');
    expect(fact(zh, '五年后预计存储量')).toBe('1,400.1 TB');
  });

  it('states the protection level the system requires', () => {
    expect(paragraphs(build(F, unitNecessity, 'req_security', national))[0]).toContain('第三级');
  });
});
