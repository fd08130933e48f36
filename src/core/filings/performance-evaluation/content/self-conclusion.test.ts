// The self-evaluation's conclusion: scores by level-1 indicator, the grade, problems, recipients and the scoring table.
import { describe, expect, it } from 'vitest';
import { build, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { selfConclusion } from './self-conclusion.ts';

const F = 'performance-evaluation';
const selfEval = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability');

describe('self-evaluation conclusion', () => {
  it('scores each level-1 indicator and the whole', () => {
    const blocks = build(F, selfConclusion, 'se_conclusion', selfEval);
    expect(paragraphs(blocks)[0]).toBe('经综合评价，国家农产品质量安全追溯管理信息平台（二期）绩效自评价得分为89.29分，评价等级为“良”。各一级指标得分情况如下表。');
    expect(tableOf(blocks).rows[1]).toEqual(['2', '过程', '18', '17.36', '96.44%']);
    expect(tableOf(blocks).total).toEqual(['', '合计', '100', '89.29', '89.29%']);
  });

  it('names a level-1 and level-2 indicator only on their first row in the scoring table', () => {
    const t = tableOf(build(F, selfConclusion, 'se_scoring_table', selfEval));
    expect(t.rows[0]![1]).toBe('决策');
    expect(t.rows[1]![1]).toBe('');
    expect(t.total!.at(-1)).toBe('良');
  });

  it('names the third-party evaluator when the approving department commissions one', () => {
    expect(paragraphs(build(F, selfConclusion, 'se_submission', selfEval))[1]).toBe('国家发展和改革委员会拟委托中国国际工程咨询有限公司在本自评价基础上开展事后评价。');
  });
});
