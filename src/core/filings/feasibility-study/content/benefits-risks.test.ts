// 效益与评价指标分析 and 项目风险与风险管理: targets and evaluation indicators with their values, risks by level.
import { describe, expect, it } from 'vitest';
import { build, column, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { benefitsRisks } from './benefits-risks.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');

describe('benefits and risks', () => {
  it('tables the approved targets and, under a heading, the evaluation indicators', () => {
    const blocks = build(F, benefitsRisks, 'ben_indicators', national);
    expect(column(tableOf(blocks), '目标值').slice(3, 5)).toEqual(['1', '26,480']);
    expect(column(tableOf(blocks), '指标类型').slice(3, 5)).toEqual(['产出时效', '产出成本']);
    expect(blocks.some((b) => b.kind === 'h')).toBe(national.evaluationIndicators.length > 0);
  });

  it('writes numeric values with separators', () => {
    const big = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => (r.project.performanceTargets[0].targetValue = 12500));
    expect(column(tableOf(build(F, benefitsRisks, 'ben_indicators', big)), '目标值')[0]).toBe('12,500');
  });

  it('tables the risks with their level, or a dash', () => {
    const t = tableOf(build(F, benefitsRisks, 'risks', national));
    expect(t.rows.length).toBe(national.risks.length);
    const unrated = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform', (r) => delete r.risks[0].level);
    expect(column(tableOf(build(F, benefitsRisks, 'risks', unrated)), '等级')[0]).toBe('—');
  });
});
