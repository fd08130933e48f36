// The annual report's targets and progress: milestones judged against the report date, contracts and their payment.
import { describe, expect, it } from 'vitest';
import { build, column, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { annualProgress } from './annual-progress.ts';

const F = 'performance-evaluation';
const annual = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform');

describe('annual progress', () => {
  it('counts milestones reached on time, late, overdue and pending', () => {
    expect(paragraphs(build(F, annualProgress, 'progress_milestones', annual))[0]).toBe(
      '本项目共设里程碑节点6个，截至报告日已完成3个，其中按期完成2个、延期完成1个；已逾期未完成0个，尚未到期3个。',
    );
    const overdue = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform', (r) => (r.milestones[5].planned = '2025-11-30'));
    expect(paragraphs(build(F, annualProgress, 'progress_milestones', overdue))[0]).toContain('已逾期未完成1个，尚未到期2个');
  });

  it('tables the contracts with their payment rate and totals', () => {
    const t = tableOf(build(F, annualProgress, 'progress_contracts', annual));
    expect(t.rows).toHaveLength(annual.kind === 'annual' ? annual.contracts.length : 0);
    expect(t.total![1]).toBe('合计');
    expect(column(t, '支付比例').every((x) => /%$/.test(x))).toBe(true);
  });

  it('shows no payment rate for a contract of no amount', () => {
    const zero = sample(F, PerformanceEvaluationInput, 'national-annual-emergency-platform', (r) => {
      r.contracts[0].amount = 0;
      r.contracts[0].paid = 0;
    });
    expect(column(tableOf(build(F, annualProgress, 'progress_contracts', zero)), '支付比例')[0]).toBe('—');
  });

  it('is empty for a self-evaluation (these sections are never required there)', () => {
    const selfEval = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability');
    expect(build(F, annualProgress, 'progress_milestones', selfEval)).toEqual([]);
  });
});
