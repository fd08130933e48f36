// The scoring figures of 财预〔2020〕10号 that the self-evaluation checks read: the default level-1 weights and the grade
// bands. They could not be checked against the official text, so they are kept here as data, marked as the usual reading.
import type { Wording } from './profiles.ts';

/** What a level-1 indicator measures, told from its Chinese name. */
export type Level1Class = 'budget-execution' | 'decision' | 'process' | 'output' | 'benefit' | 'satisfaction';

export const MOF_2020_10 = {
  /** False until the figures below have been compared with the official text. */
  verified: false,
  note: {
    zh: '以下权重和等级为对财预〔2020〕10号的通常理解（单位自评原则上预算执行率10%、产出50%、效益30%、服务对象满意度10%，无满意度指标时其权重并入产出；部门和财政评价采用决策、过程、产出、效益框架，原则上产出和效益权重合计不低于60%；优≥90、良80—90、中60—80、差<60），尚未与官方文本核对。',
    en: 'The weights and grades below are the usual reading of Caiyu [2020] No. 10 (unit self-evaluation: budget execution 10 %, outputs 50 %, benefits 30 %, satisfaction 10 %, the satisfaction weight going to outputs when there is no satisfaction indicator; department and finance evaluations: the decision / process / output / benefit framework with outputs and benefits at 60 % or more; excellent ≥ 90, good 80–90, fair 60–80, poor < 60); they have not been checked against the official text.',
  } satisfies Wording,
  /** Order matters: the first class whose pattern matches a level-1 name is its class. */
  classes: [
    { id: 'budget-execution', pattern: /预算执行/ },
    { id: 'satisfaction', pattern: /满意/ },
    { id: 'decision', pattern: /决策/ },
    { id: 'process', pattern: /过程/ },
    { id: 'output', pattern: /产出/ },
    { id: 'benefit', pattern: /效益|效果/ },
  ] as ReadonlyArray<{ id: Level1Class; pattern: RegExp }>,
  /** 单位自评: the level-1 weights set "in principle". */
  unitSelfEvaluation: {
    weights: { 'budget-execution': 10, output: 50, benefit: 30, satisfaction: 10 } as Readonly<Partial<Record<Level1Class, number>>>,
    /** Without a satisfaction indicator its weight goes to the outputs. */
    withoutSatisfaction: { 'budget-execution': 10, output: 60, benefit: 30 } as Readonly<Partial<Record<Level1Class, number>>>,
  },
  /** 部门评价 / 财政评价 (the common framework): its level-1 indicators and the least share of outputs and benefits. */
  commonFramework: {
    level1: ['decision', 'process', 'output', 'benefit'] as readonly Level1Class[],
    outputAndBenefitAtLeast: 60,
  },
  /** Grade bands on a 100-point total: the lowest score of each grade. */
  grades: { excellent: 90, good: 80, fair: 60, poor: 0 },
} as const;

/** The class of a level-1 indicator by its Chinese name; undefined when none fits. */
export function level1Class(nameZh: string): Level1Class | undefined {
  return MOF_2020_10.classes.find((c) => c.pattern.test(nameZh))?.id;
}
