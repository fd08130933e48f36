// 总体建设方案: goals by phase, and the cross-department framework with its division of work and data flows.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { FeasibilityStudyInput } from '../schema.ts';
import { overallScheme } from './overall-scheme.ts';

const F = 'feasibility-study';
const national = sample(F, FeasibilityStudyInput, 'national-enterprise-credit-platform');

describe('overall scheme', () => {
  it('names the lead and the co-building departments, joined with 、', () => {
    expect(paragraphs(build(F, overallScheme, 'overall_cross_department', national))[0]).toContain('会同国家税务总局、海关总署、人力资源和社会保障部、国家知识产权局、应急管理部共同开展框架设计');
  });

  it('tables the division of work and the data flows', () => {
    const blocks = build(F, overallScheme, 'overall_cross_department', national);
    expect(tableOf(blocks).rows[0]![1]).toBe('国家市场监督管理总局');
    expect(tableOf(blocks, 1).columns).toHaveLength(5);
  });

  it('is empty for a project of one department', () => {
    const single = sample(F, FeasibilityStudyInput, 'district-city-operations-centre');
    expect(build(F, overallScheme, 'overall_cross_department', single)).toEqual([]);
  });
});
