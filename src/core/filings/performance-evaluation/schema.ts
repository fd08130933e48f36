// Input of the 绩效评价报告: a discriminated union on `kind`, the annual in-construction report (57号 Art. 20–21;
// district measure Art. 14) or the 12–24-month post-acceptance self-evaluation (57号 Art. 27; district measure Art. 20).
import { z } from 'zod';
import { DocNumber, INDICATOR_TYPES, IsoDate, LIMITS, LongText, Paragraphs, Percent, Person, ProjectBlock, ShortText, Wan } from '../schema-parts.ts';

const E = (key: string) => ({ error: `@${key}` });
const list = <T extends z.ZodType>(item: T, max: number, min = 0) =>
  min > 0 ? z.array(item).min(min, E('list_empty')).max(max, E('list_too_long')) : z.array(item).max(max, E('list_too_long'));

/** A target or actual value: a number (with the unit given beside it) or a short text such as `≥99.9` or `已完成` (or `{zh, en}`). */
const IndicatorValue = z.union([z.number().finite(), ShortText]);

/** Points of a scoring table (0–100, at most two decimals). */
const Points = z.number().finite().min(0).max(100);

const Count = z.number().int().min(0).max(1e12);

/** The approval the project is built under (初步设计方案和投资概算批复, or the 建设方案批复 locally). */
const Approval = z.strictObject({
  docNo: DocNumber,
  date: IsoDate,
  plannedStart: IsoDate,
  plannedCompletion: IsoDate,
});

const Shared = {
  project: ProjectBlock,
  approval: Approval,
  /** Number of the report itself, if the unit gives it one (goes on the cover). */
  docNo: DocNumber.optional(),
  /** Units the report is sent to (57号 Art. 20 / 27; district measure Art. 14 / 20). */
  recipients: list(ShortText, 20, 1),
  contact: Person.optional(),
};

// ——— Annual in-construction report (建设期年度绩效报告) ———

const INDICATOR_STATUSES = ['met', 'on-track', 'behind', 'not-met'] as const;

const Milestone = z.strictObject({
  name: ShortText,
  planned: IsoDate,
  /** Date actually reached; absent while not yet reached. */
  actual: IsoDate.optional(),
  note: ShortText.optional(),
});

const Contract = z.strictObject({
  name: ShortText,
  supplier: ShortText,
  signDate: IsoDate.optional(),
  /** 万元 */
  amount: Wan,
  /** 万元, paid to date */
  paid: Wan,
});

/** One line of the year's investment plan: a funding channel or a batch of the plan (下达 → 到位 → 支出). */
const PlanLine = z.strictObject({
  channel: ShortText,
  docNo: DocNumber.optional(),
  /** 下达的年度投资计划 (万元) */
  issued: Wan,
  /** 实际到位资金 (万元) */
  received: Wan,
  /** 实际支出 (万元) */
  spent: Wan,
});

/** 57号 Art. 20: systems in trial operation must report its effects and problems (K3), so both are required then. */
const TrialOperation = z.discriminatedUnion('inOperation', [
  z.strictObject({
    inOperation: z.literal(true),
    startDate: IsoDate,
    systems: list(ShortText, 50, 1),
    effects: Paragraphs,
    problems: Paragraphs,
  }),
  z.strictObject({ inOperation: z.literal(false) }),
]);

const Opinion = z.strictObject({ unit: ShortText, opinion: Paragraphs, date: IsoDate.optional() });

const AnnualIndicator = z.strictObject({
  indicator: ShortText,
  type: z.enum(INDICATOR_TYPES).optional(),
  unit: ShortText.optional(),
  target: IndicatorValue,
  /** Value reached by the report date; absent when not yet measurable (then a reason is expected, K9). */
  actual: IndicatorValue.optional(),
  status: z.enum(INDICATOR_STATUSES),
  deviationReason: LongText.optional(),
});

const Problem = z.strictObject({ problem: LongText, measure: LongText });

export const AnnualReport = z.strictObject({
  kind: z.literal('annual'),
  ...Shared,
  /** The construction year reported on. */
  year: z.number().int().min(2000).max(2100),
  reportDate: IsoDate,
  /** 年度绩效目标: what the year was to achieve. */
  annualTargets: Paragraphs,
  progress: z.strictObject({ percentComplete: Percent, summary: Paragraphs }),
  milestones: list(Milestone, LIMITS.listItems, 1),
  contracts: list(Contract, LIMITS.listItems).default([]),
  investment: z.strictObject({
    plan: list(PlanLine, 50, 1),
    /** 自开工累计完成投资 (万元), against the approved 概算 (project.totalInvestment). */
    cumulativeSpent: Wan,
    notes: Paragraphs.optional(),
  }),
  trialOperation: TrialOperation,
  userUnitOpinions: list(Opinion, 50, 1),
  supervisorOpinion: Opinion,
  indicators: list(AnnualIndicator, LIMITS.listItems, 1),
  problems: list(Problem, 50, 1),
  /** 57号 Art. 21: a serious delay must be reported promptly. Present = flagged. */
  seriousDelay: z
    .strictObject({
      description: Paragraphs,
      reportedOn: IsoDate.optional(),
      measures: Paragraphs,
    })
    .optional(),
  /** 57号 Art. 21: a major investment loss must be reported promptly. Present = flagged. */
  investmentLoss: z
    .strictObject({
      /** 万元 */
      amount: Wan,
      description: Paragraphs,
      reportedOn: IsoDate.optional(),
      measures: Paragraphs,
    })
    .optional(),
  nextYearPlan: z.strictObject({
    goals: Paragraphs,
    tasks: list(z.strictObject({ task: ShortText, owner: ShortText.optional(), due: IsoDate.optional() }), LIMITS.listItems, 1),
    /** 下一年度拟申请投资 (万元) */
    investment: Wan.optional(),
  }),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

// ——— Post-acceptance self-evaluation (项目自评价报告) ———

/** Indicator frameworks: 财政部 common indicators (财预〔2020〕10号), Sichuan DB51/T 3060-2023, or the unit's own. */
const FRAMEWORKS = ['mof-2020-10', 'db51-3060-2023', 'custom'] as const;
/** The report chapter an indicator is discussed in. */
const ASPECTS = ['decision-management', 'output', 'outcome', 'sharing', 'satisfaction', 'operation-security'] as const;
/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号). */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
const ASSESSMENT_KINDS = ['mlps', 'classified', 'crypto', 'risk'] as const;

const TreeIndicator = z.strictObject({
  aspect: z.enum(ASPECTS),
  level1: ShortText,
  level2: ShortText,
  level3: ShortText,
  weight: Points,
  unit: ShortText.optional(),
  target: IndicatorValue,
  actual: IndicatorValue,
  score: Points,
  evidence: ShortText.optional(),
  /** Why points were deducted. */
  deductionReason: ShortText.optional(),
});

export const SelfEvaluation = z.strictObject({
  kind: z.literal('self-evaluation'),
  ...Shared,
  completionDate: IsoDate.optional(),
  acceptanceDate: IsoDate,
  operationStartDate: IsoDate,
  evaluationDate: IsoDate,
  /** 竣工决算 / actual completed investment (万元), against the approved 概算. */
  actualInvestment: Wan,
  framework: z.enum(FRAMEWORKS),
  /** Name of the framework when `custom`. */
  frameworkName: ShortText.optional(),
  approach: z.strictObject({
    basis: list(ShortText, 30, 1),
    methods: Paragraphs,
    dataSources: list(ShortText, 30, 1),
    team: ShortText.optional(),
  }),
  indicatorTree: list(TreeIndicator, LIMITS.listItems, 1),
  /**
   * Why the level-1 weights depart from the 财预〔2020〕10号 defaults of the evaluation mode, when they do (10号 lets a
   * unit adjust them "in special cases"; K10 warns when they depart without a reason).
   */
  weightsRationale: Paragraphs.optional(),
  /** Narrative of each evaluation chapter. */
  assessment: z.strictObject({
    decisionManagement: Paragraphs,
    outputs: Paragraphs,
    outcomes: Paragraphs,
    sharing: Paragraphs.optional(),
    operationSecurity: Paragraphs,
  }),
  satisfactionSurvey: z.strictObject({
    method: ShortText,
    respondents: ShortText,
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    sampleSize: Count.min(1),
    validResponses: Count.optional(),
    rate: Percent,
    findings: Paragraphs.optional(),
  }),
  sharingStats: z.strictObject({
    asOf: IsoDate,
    resourcesCatalogued: Count,
    resourcesShared: Count,
    calls: Count,
    consumerDepartments: Count.optional(),
    dataVolume: ShortText.optional(),
  }),
  /** 运维经费 budget and spending per year since entry into operation. */
  oAndMSpend: list(z.strictObject({ year: z.number().int().min(2000).max(2100), budget: Wan, spent: Wan }), 10, 1),
  securityAssessments: list(
    z.strictObject({ kind: z.enum(ASSESSMENT_KINDS), date: IsoDate, agency: ShortText.optional(), conclusion: ShortText }),
    20,
  ).default([]),
  totalScore: Points,
  grade: z.enum(GRADES),
  conclusion: Paragraphs,
  problems: list(z.strictObject({ problem: LongText, recommendation: LongText }), 50, 1),
  lessons: Paragraphs.optional(),
  /** 57号 Art. 27: the approving department may commission a third-party post-evaluation. */
  thirdPartyPostEvaluation: z.strictObject({ organisation: ShortText, commissionedBy: ShortText.optional(), note: LongText.optional() }).optional(),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;

export const PerformanceEvaluationInput = z.discriminatedUnion('kind', [AnnualReport, SelfEvaluation]);
export type PerformanceEvaluationInput = z.infer<typeof PerformanceEvaluationInput>;
