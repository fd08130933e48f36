// The annual report's trial operation, indicators and opinions.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { annualOperation } from './annual-operation.ts';

const F = 'performance-evaluation';
const annual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform');

describe('annual operation', () => {
  it('names the systems in trial operation and numbers their problems', () => {
    expect(paragraphs(build(F, annualOperation, 'trial_operation_effects', annual))[0]).toBe('监测预警子系统已于2025年7月15日投入试运行。');
    expect(paragraphs(build(F, annualOperation, 'trial_operation_problems', annual))[1]).toMatch(/^2\. 移动端预警信息接收功能/);
  });

  it('counts indicators met, on track and behind, with a dash for no actual value', () => {
    const blocks = build(F, annualOperation, 'indicator_completion', annual);
    expect(paragraphs(blocks)[0]).toBe('纳入本年度监控的绩效指标共5项，其中已完成3项，按计划推进1项，滞后或未完成1项。');
    expect(column(tableOf(blocks), '完成情况').slice(0, 2)).toEqual(['按计划推进', '已完成']);
    const noActual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform', (r) => delete r.indicators[0].actual);
    expect(column(tableOf(build(F, annualOperation, 'indicator_completion', noActual)), '实际值')[0]).toBe('—');
  });

  it('leads each opinion with its unit and date', () => {
    const s = annual.kind === 'annual' ? annual.supervisorOpinion : undefined;
    const [lead] = paragraphs(build(F, annualOperation, 'supervisor_opinion', annual));
    expect(lead).toMatch(new RegExp(`^${typeof s?.unit === 'string' ? s.unit : s?.unit.zh}`));
    expect(lead).toMatch(/：$/);
  });
});
