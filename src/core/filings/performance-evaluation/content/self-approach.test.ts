// The self-evaluation's targets and approach: framework, weights by level-1 indicator, sources.
import { describe, expect, it } from 'vitest';
import { build, fact, paragraphs, sample, tableOf } from '../../../../../test/support/chapter.ts';
import { PerformanceEvaluationInput } from '../schema.ts';
import { selfApproach } from './self-approach.ts';

const F = 'performance-evaluation';
const selfEval = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability');

describe('self-evaluation approach', () => {
  it('weights each level-1 indicator by the sum of its rows', () => {
    expect(paragraphs(build(F, selfApproach, 'se_approach', selfEval))[0]).toContain('共设一级指标4个、三级指标17个，总分100分，分值为：决策12分、过程18分、产出40分、效益30分');
    expect(fact(tableOf(build(F, selfApproach, 'se_approach', selfEval)), '分值设置')).toBe('决策12分、过程18分、产出40分、效益30分');
  });

  it('writes the framework per language in a bilingual report, capitalised in English', () => {
    const framework = fact(tableOf(build(F, selfApproach, 'se_approach', selfEval, 'bilingual')), '指标体系\nIndicator framework');
    expect(framework?.split('\n')).toHaveLength(2);
    expect(framework?.split('\n')[1]).toMatch(/^[A-Z]/);
  });
});
