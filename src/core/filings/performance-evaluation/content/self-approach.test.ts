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

  it('holds the level-1 weights against the 10号 defaults of the evaluation mode, or gives the reason for departing', () => {
    const paras = (i: typeof selfEval) => paragraphs(build(F, selfApproach, 'se_approach', i)).join('');
    // 决策 12, 过程 18, 产出 40, 效益 30: the department and finance framework, outputs and benefits 70 ≥ 60.
    expect(paras(selfEval)).toContain('产出和效益指标权重合计70分，不低于60分');
    const unit = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability', (r) => {
      const row = (level1: string, weight: number) => ({ aspect: 'output', level1, level2: level1, level3: level1, weight, target: 1, actual: 1, score: weight });
      r.indicatorTree = [row('预算执行率', 10), row('产出指标', 60), row('效益指标', 30)];
    });
    // Without a satisfaction indicator its 10 points go to the outputs (the usual reading of 10号).
    expect(paras(unit)).toContain('一级指标权重按财预〔2020〕10号单位自评的默认设置确定：预算执行率10分、产出60分、效益30分。');
    const why = sample(F, PerformanceEvaluationInput, 'national-self-evaluation-traceability', (r) => {
      r.indicatorTree[7].weight = 0;
      r.indicatorTree[7].score = 0;
      r.indicatorTree[8].weight = 0;
      r.indicatorTree[8].score = 0;
      r.indicatorTree[0].weight = 22;
      r.weightsRationale = ['项目运行初期，适当提高决策和过程指标权重。'];
    });
    expect(paras(why)).toContain('一级指标权重未采用财预〔2020〕10号的默认设置，理由如下。项目运行初期，适当提高决策和过程指标权重。');
  });
});
