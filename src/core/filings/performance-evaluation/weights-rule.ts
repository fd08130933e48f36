// K10: a self-evaluation that claims the 财预〔2020〕10号 framework uses its default level-1 weights or says why not. The
// figures are the usual reading of 10号, not checked against the official text (regulations/mof-2020-10.ts): a warning.
import { item } from '../../regulations/documents.ts';
import { MOF_2020_10 } from '../../regulations/mof-2020-10.ts';
import { defineRule, type Rule } from '../../compliance/rule.ts';
import { formatNumber2 } from '../../format/format.ts';
import { weightsCheck } from './figures.ts';
import type { PerformanceEvaluationInput } from './schema.ts';

type PE = PerformanceEvaluationInput;

const NAMES = { 'budget-execution': ['预算执行率', 'budget execution'], decision: ['决策', 'decision'], process: ['过程', 'process'], output: ['产出', 'outputs'], benefit: ['效益', 'benefits'], satisfaction: ['满意度', 'satisfaction'] } as const;

export const WEIGHTS_RULE: Rule<PE> = defineRule<PE>({
  id: 'K10',
  group: 'K',
  severity: 'warning',
  citations: [{ doc: 'cy-2020-10', article: item('单位自评和部门、财政评价的指标权重', 'indicator weights of unit self-evaluation and of department and finance evaluation') }],
  message: {
    zh: '评分表采用财预〔2020〕10号指标体系，一级指标权重（{actual}）{problem}，且未说明调整理由（weightsRationale）。',
    en: 'The scoring table uses the Caiyu [2020] No. 10 framework, but its level-1 weights ({actualEn}) {problemEn}, and no reason is given (weightsRationale).',
  },
  note: MOF_2020_10.note,
  paths: ['/indicatorTree'],
  check: (input) => {
    if (input.kind !== 'self-evaluation' || input.framework !== 'mof-2020-10' || input.weightsRationale) return [];
    const w = weightsCheck(input);
    if (w.conforms) return [];
    const actual = w.actual.map((a) => `${a.name}${formatNumber2(a.weight)}`).join('、');
    const actualEn = w.actual.map((a) => `${a.cls ? NAMES[a.cls][1] : a.name} ${formatNumber2(a.weight)}`).join(', ');
    if ('outputAndBenefitAtLeast' in w.expected) {
      const min = w.expected.outputAndBenefitAtLeast;
      return [{ path: '/indicatorTree', vars: { actual, actualEn, problem: `不符合部门和财政评价框架（决策、过程、产出、效益，产出和效益权重合计不低于${min}）`, problemEn: `do not follow the department and finance evaluation framework (decision, process, outputs, benefits, with outputs and benefits at ${min} or more)` } }];
    }
    const entries = Object.entries(w.expected) as Array<[keyof typeof NAMES, number]>;
    const expected = entries.map(([c, n]) => `${NAMES[c][0]}${n}`).join('、');
    const expectedEn = entries.map(([c, n]) => `${NAMES[c][1]} ${n}`).join(', ');
    return [{ path: '/indicatorTree', vars: { actual, actualEn, problem: `与单位自评的默认权重（${expected}）不一致`, problemEn: `differ from the unit self-evaluation defaults (${expectedEn})` } }];
  },
});
