// The annual report's investment: the year's plan issued, received and spent, and the 概算 executed so far.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { annualInvestment } from './annual-investment.ts';

const F = 'performance-evaluation';
const annual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform');

describe('annual investment', () => {
  it('totals the plan lines exactly and gives the received and execution rates', () => {
    const blocks = build(F, annualInvestment, 'investment_plan_execution', annual);
    expect(paragraphs(blocks)[0]).toBe('2025年度共下达项目投资计划10,000.00万元，实际到位资金10,000.00万元，到位率100%；实际支出7,741.06万元，预算执行率77.41%。');
    expect(tableOf(blocks).total).toEqual(['', '合计', '10,000.00', '10,000.00', '7,741.06', '100%', '77.41%']);
    expect(tableOf(blocks).rows[0]![1]).toBe('中央预算内投资（2025年第一批）\n发改投资〔2025〕214号');
  });

  it('gives the 概算 executed and what remains of it', () => {
    expect(paragraphs(build(F, annualInvestment, 'budget_execution', annual))[0]).toContain('累计完成投资11,986.42万元，概算执行率64.3%，尚余6,653.58万元');
  });
});
