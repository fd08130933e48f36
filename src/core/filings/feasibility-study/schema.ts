// Input schema of the 可行性研究报告 (2544号 附件2 skeleton + the 57号 Art. 11 sharing chapter, regulations.md §1.3, §2.2, §2.4).
import { z } from 'zod';
import { CatalogueRegistration, CreditCode, CryptoPlanReview, DocNumber, DocumentRef, IsoDate, LIMITS, LongText, Paragraphs, ProjectBlock, ShortString, ShortText, Wan } from '../schema-parts.ts';

const E = (key: string) => ({ error: `@${key}` });

/** A list with an explicit limit; `min` 1 when the content is mandatory. */
function list<T extends z.ZodType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).max(max, E('list_too_long'));
}
function nonEmpty<T extends z.ZodType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).min(1, E('list_empty')).max(max, E('list_too_long'));
}

const Count = z.number().int().min(0, E('number_too_small')).max(1e12, E('number_too_large'));
const Quantity = z.number(E('number_expected')).finite().min(0, E('number_too_small')).max(1e12, E('number_too_large'));
const Value = z.union([z.number().finite(), ShortString]);

// ── 信息资源目录 (目录指南 core metadata + 2013意见) ──────────────────────────────────────────────

const SHARE_TYPES = ['unconditional', 'conditional', 'not-shared'] as const;
const SHARE_MODES = ['api', 'table-exchange', 'file', 'online-query'] as const;
const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'irregular'] as const;
const RESOURCE_FORMATS = ['database', 'file', 'spreadsheet', 'image', 'stream', 'api'] as const;
/** 信息项数据类型 of 目录指南 (字符型 C, 数值型 N, 货币型 Y, 日期型 D, 日期时间型 T, 逻辑型 L, 备注型 M, 通用型 G, 整型 I, 浮点型 F, 双精度型 B). */
const ITEM_TYPES = ['char', 'numeric', 'currency', 'date', 'datetime', 'logical', 'memo', 'general', 'integer', 'float', 'double'] as const;

/** 分类码: 类 (1 digit: 1 基础 / 2 主题 / 3 部门), 项 (2), 目 (3), 细目 (0–6). */
const CategoryCode = z.string().regex(/^[1-3]\d{5}\d{0,6}$/, E('invalid_format'));
/** 信息资源代码 = 分类码 + "/" + 顺序码. */
const ResourceCode = z.string().regex(/^[1-3]\d{5}\d{0,6}\/\d{3,10}$/, E('invalid_format'));

export const CatalogueEntry = z
  .strictObject({
    category: z.strictObject({ code: CategoryCode, name: ShortText }),
    name: ShortText,
    code: ResourceCode,
    provider: ShortText,
    /** 责任部门: the department answerable for the resource (57号 Art. 11; 2013意见). Optional for earlier callers (P24 warns). */
    responsibleDepartment: ShortText.optional(),
    /** Its registration in the 政务信息资源目录 (P24 warns when it is not stated). */
    registration: CatalogueRegistration.optional(),
    /** 提供方代码: 统一社会信用代码 or the department code of the catalogue system. */
    providerCode: z.string().regex(/^[0-9A-Z]{6,18}$/, E('invalid_format')),
    summary: LongText,
    format: z.strictObject({ type: z.enum(RESOURCE_FORMATS), detail: ShortText.optional() }),
    /** 信息项: the "fields" of 2013意见. */
    items: nonEmpty(z.strictObject({ name: ShortText, dataType: z.enum(ITEM_TYPES) }), 500),
    shareType: z.enum(SHARE_TYPES),
    /** 共享条件: required for 有条件共享. */
    shareCondition: LongText.optional(),
    /** Legal basis for 不予共享 (51号). */
    shareBasis: LongText.optional(),
    shareMode: z.enum(SHARE_MODES),
    openAttr: z.strictObject({ openToPublic: z.boolean(), condition: LongText.optional() }),
    updateCycle: z.enum(UPDATE_CYCLES),
    publishDate: IsoDate,
    relatedCodes: list(ResourceCode, 50).default([]),
    technicalInterface: LongText,
    processingMethod: LongText,
    traceability: LongText,
    source: LongText,
    consumers: list(ShortText, 100).default([]),
    securityLevel: z.enum(['non-classified', 'classified']),
  })
  .superRefine((e, ctx) => {
    if (e.shareType === 'conditional' && !e.shareCondition) ctx.addIssue({ code: 'custom', path: ['shareCondition'], message: '@required' });
    if (e.shareType === 'not-shared' && !e.shareBasis) ctx.addIssue({ code: 'custom', path: ['shareBasis'], message: '@required' });
    if (!e.code.startsWith(e.category.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: '@invalid_value_generic' });
    }
  });
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

// ── 招标方案 (2013意见 item 2) ─────────────────────────────────────────────────────────────────

const TENDER_CATEGORIES = ['survey', 'design', 'construction', 'installation', 'supervision', 'equipment', 'software', 'services', 'materials', 'other'] as const;

export const TenderPackage = z
  .strictObject({
    name: ShortText,
    category: z.enum(TENDER_CATEGORIES),
    content: LongText.optional(),
    amount: Wan,
    /** 招标范围: 全部招标 / 部分招标 / 不采用招标方式. */
    scope: z.enum(['full', 'partial', 'none']),
    /** 招标组织形式: 委托招标 / 自行招标 (absent when not tendered). */
    organisation: z.enum(['entrusted', 'self']).optional(),
    /** 招标方式: 公开招标 / 邀请招标 (absent when not tendered). */
    method: z.enum(['open', 'invited']).optional(),
    /** Reason for partial, self-organised, invited or no tendering (2013意见). */
    reason: LongText.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.scope !== 'none') {
      if (!p.organisation) ctx.addIssue({ code: 'custom', path: ['organisation'], message: '@required' });
      if (!p.method) ctx.addIssue({ code: 'custom', path: ['method'], message: '@required' });
    }
    const needsReason = p.scope !== 'full' || p.organisation === 'self' || p.method === 'invited';
    if (needsReason && !p.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '@required' });
  });
export type TenderPackage = z.infer<typeof TenderPackage>;

// ── The filing ────────────────────────────────────────────────────────────────────────────────

const Phase = z
  .strictObject({ start: IsoDate, end: IsoDate })
  .refine((p) => p.start <= p.end, { path: ['end'], message: '@invalid_value_generic' });

export const FeasibilityStudyInput = z.strictObject({
  project: ProjectBlock,
  report: z.strictObject({
    /** Date of the report (its own date: picks the template version, goes on the cover). */
    date: IsoDate,
    docNo: DocNumber.optional(),
  }),
  /** 可研编制单位. */
  draftingOrg: z.strictObject({ name: ShortText, creditCode: CreditCode.optional(), qualification: ShortText.optional() }),
  /** 编制依据: laws, plans, approvals, standards. */
  basisDocuments: nonEmpty(DocumentRef, 100),
  /** Listed in an approved national plan (57号 Art. 7: may start at the 可研). */
  inNationalPlan: z.boolean().default(false),
  /** Central–local co-built project (2013意见). */
  centralLocal: z.boolean().default(false),
  /** 项目建议书批复, when a proposal stage existed. */
  proposalApproval: z
    .strictObject({ title: ShortText.optional(), docNo: DocNumber, date: IsoDate, approvedInvestment: Wan, approvedBy: ShortText.optional() })
    .optional(),
  changesSinceProposal: list(z.strictObject({ item: ShortText, approved: LongText, proposed: LongText, reason: LongText }), 100).default([]),

  overview: z.strictObject({
    /** 建设目标、规模、内容 in brief. */
    summary: Paragraphs,
    constructionPeriod: Phase,
    benefits: Paragraphs.optional(),
    conclusions: Paragraphs.optional(),
  }),

  unitProfile: z
    .strictObject({ functions: Paragraphs.optional(), implementingBodyDuties: Paragraphs.optional() })
    .prefault({}),

  necessity: z.strictObject({
    background: Paragraphs.optional(),
    currentSystems: list(z.strictObject({ name: ShortText, builtYear: z.number().int().min(1980).max(2100).optional(), description: LongText, disposition: ShortText.optional() })).default([]),
    problems: list(LongText).default([]),
    significance: Paragraphs,
  }),

  requirements: z.strictObject({
    socialProblems: list(z.strictObject({ problem: LongText, indicator: ShortText.optional(), value: ShortText.optional() })).default([]),
    objectives: Paragraphs.optional(),
    businessProcesses: list(z.strictObject({ name: ShortText, description: LongText.optional(), volumePerYear: Quantity, unit: ShortText })).default([]),
    informationVolume: z
      .strictObject({ records: Count, storageGB: Quantity, annualGrowthPercent: z.number().finite().min(0).max(1000), notes: Paragraphs.optional() })
      .optional(),
    functional: nonEmpty(z.strictObject({ name: ShortText, description: LongText })),
    performance: list(z.strictObject({ indicator: ShortText, requirement: ShortText })).default([]),
    /** 等级保护 / 分级保护 requirements (2013意见; 57号 Art. 9). */
    security: Paragraphs,
  }),

  overallScheme: z
    .strictObject({
      principles: Paragraphs.optional(),
      goals: z.strictObject({ overall: Paragraphs, phases: list(z.strictObject({ phase: ShortText, period: ShortText.optional(), goal: LongText }), 20).default([]) }).optional(),
      tasks: Paragraphs.optional(),
      architecture: Paragraphs.optional(),
      /** 跨部门框架方案 (57号 Art. 10): division of work and data flows between the departments. */
      crossDepartmentFramework: z
        .strictObject({
          summary: Paragraphs.optional(),
          division: list(z.strictObject({ department: ShortText, responsibility: LongText }), 50).default([]),
          dataFlows: list(z.strictObject({ from: ShortText, to: ShortText, data: ShortText, interface: ShortText })).default([]),
        })
        .optional(),
    })
    .prefault({}),

  phaseScheme: z.strictObject({
    scope: Paragraphs.optional(),
    constructionContent: nonEmpty(z.strictObject({ subsystem: ShortText, description: LongText })),
    options: list(
      z.strictObject({ name: ShortText, description: LongText, advantages: LongText.optional(), disadvantages: LongText.optional(), estimate: Wan.optional(), selected: z.boolean().default(false) }),
      10,
    ).default([]),
    optionConclusion: Paragraphs.optional(),
    standards: Paragraphs.optional(),
    dataResources: Paragraphs.optional(),
    applicationSupport: Paragraphs.optional(),
    applications: Paragraphs.optional(),
    processingStorage: Paragraphs.optional(),
    terminals: Paragraphs.optional(),
    /** 2013意见: classified systems on 政务内网, non-classified on 政务外网. */
    network: z.strictObject({ type: z.enum(['egov-extranet', 'egov-intranet', 'internet', 'departmental']), description: Paragraphs.optional() }),
    securitySystem: Paragraphs.optional(),
    backup: Paragraphs.optional(),
    operations: Paragraphs.optional(),
    equipment: z
      .strictObject({
        principles: Paragraphs.optional(),
        items: list(
          z.strictObject({
            name: ShortText,
            kind: z.enum(['hardware', 'software', 'cloud', 'service']),
            spec: ShortText.optional(),
            quantity: Quantity,
            unit: ShortText,
            amount: Wan.optional(),
          }),
        ).default([]),
      })
      .prefault({}),
    machineRoom: Paragraphs.optional(),
    /** District measure Art. 8: reliance on the district's shared infrastructure. */
    intensiveConstruction: Paragraphs.optional(),
  }),

  /** 57号 Art. 16: safety and reliability of the software and hardware products. */
  productSafety: z.strictObject({
    statement: Paragraphs,
    products: list(z.strictObject({ product: ShortText, category: ShortText, statement: LongText })).default([]),
  }),
  /** 57号 Art. 9, 15: 密码应用方案. */
  cryptography: z.strictObject({
    summary: Paragraphs,
    measures: list(z.strictObject({ layer: ShortText, measure: LongText }), 30).default([]),
    assessment: LongText.optional(),
    /** Expert review of the plan (district measure Art. 28, MLPS level 3 and above; P23). */
    expertReview: CryptoPlanReview.optional(),
  }),
  /** 等级保护 / 分级保护 design (the level is project.securityLevel). */
  protection: z.strictObject({ design: Paragraphs, filingUnit: ShortText.optional() }),
  /** 57号 Art. 17: cloud use. */
  cloud: z.strictObject({
    platform: ShortText,
    resources: z.strictObject({
      vcpu: Count,
      memoryGB: Count,
      storageTB: Quantity,
      databases: ShortText.optional(),
      other: ShortText.optional(),
    }),
    newMachineRoom: z.boolean().default(false),
    newServers: z.boolean().default(false),
    justification: LongText.optional(),
    description: Paragraphs.optional(),
  }),

  /** 信息资源共享分析篇章 (57号 Art. 11). */
  sharingChapter: z.strictObject({
    current: Paragraphs.optional(),
    needs: list(
      z.strictObject({
        resource: ShortText,
        provider: ShortText,
        scope: z.enum(['intra-department', 'inter-department', 'central-local']),
        purpose: LongText,
        frequency: ShortText,
      }),
    ).default([]),
    needsAnalysis: Paragraphs.optional(),
    supplies: list(
      z.strictObject({ resource: ShortText, consumers: nonEmpty(ShortText, 100), mode: z.enum(SHARE_MODES), purpose: LongText.optional() }),
    ).default([]),
    suppliesAnalysis: Paragraphs.optional(),
    catalogue: nonEmpty(CatalogueEntry, LIMITS.catalogueEntries),
    exchange: z.strictObject({ platform: ShortText, description: Paragraphs }),
    processing: Paragraphs.optional(),
    openness: Paragraphs.optional(),
    mechanisms: Paragraphs,
    security: Paragraphs.optional(),
    impact: Paragraphs.optional(),
  }),

  tendering: z.strictObject({
    plan: Paragraphs.optional(),
    packages: nonEmpty(TenderPackage, 100),
  }),

  /** 57号 Art. 8: energy-saving, site, land and EIA reviews only for new civil works or high-energy projects. */
  energy: z.strictObject({
    civilWorks: z.boolean(),
    highEnergy: z.boolean(),
    pueTarget: z.number().finite().min(1).max(3).optional(),
    annualElectricityMWh: Quantity.optional(),
    statement: Paragraphs.optional(),
    energySaving: Paragraphs.optional(),
    siteAndLand: Paragraphs.optional(),
    environment: Paragraphs.optional(),
    fireAndSafety: Paragraphs.optional(),
  }),

  /** 社会稳定风险分析 (2013意见 item 3). */
  socialStabilityRisk: z
    .strictObject({ level: z.enum(['low', 'medium', 'high']), analysis: Paragraphs, measures: Paragraphs })
    .optional(),

  organisation: z
    .strictObject({
      structure: Paragraphs.optional(),
      staffing: list(z.strictObject({ role: ShortText, count: Count, duties: LongText })).default([]),
      training: list(z.strictObject({ audience: ShortText, content: LongText, persons: Count, hours: Quantity.optional() })).default([]),
      /** 57号 Art. 19: engineering supervision. */
      supervision: Paragraphs.optional(),
    })
    .prefault({}),

  schedule: list(
    z.strictObject({ milestone: ShortText, start: IsoDate.optional(), end: IsoDate, deliverable: ShortText.optional() }).refine((m) => !m.start || m.start <= m.end, {
      path: ['end'],
      message: '@invalid_value_generic',
    }),
  ).default([]),

  investment: z.strictObject({
    /** 估算说明: basis and method of the estimate. */
    basis: Paragraphs,
    estimate: list(
      z.strictObject({
        group: z.enum(['construction', 'other', 'contingency']),
        item: ShortText,
        spec: ShortText.optional(),
        quantity: Quantity.optional(),
        unit: ShortText.optional(),
        amount: Wan,
      }),
    ).default([]),
    fundingArrangement: Paragraphs.optional(),
    annualUsePlan: list(z.strictObject({ year: z.number().int().min(2000).max(2100), amount: Wan, purpose: ShortText.optional() }), 20).default([]),
    oandmBasis: Paragraphs.optional(),
    oandmItems: list(z.strictObject({ item: ShortText, amount: Wan })).default([]),
  }),

  benefits: z.strictObject({ economic: Paragraphs, social: Paragraphs }),
  evaluationIndicators: list(z.strictObject({ indicator: ShortText, unit: ShortText.optional(), baseline: Value, target: Value, method: ShortText.optional() })).default([]),

  risks: list(z.strictObject({ category: ShortText, risk: LongText, level: z.enum(['low', 'medium', 'high']).optional(), mitigation: LongText })).default([]),
  riskManagement: Paragraphs.optional(),

  /** Documents filed with the 可研 (regulations.md §2.3). */
  attachments: z
    .strictObject({
      /** 改建/扩建: the previous project's third-party post-evaluation (57号 Art. 9). */
      postEvaluationReport: DocumentRef.optional(),
      /** 需求分析报告 and its expert review opinion (2013意见). */
      requirementsReport: DocumentRef.optional(),
      requirementsReview: DocumentRef.optional(),
      /** 跨部门框架方案 (57号 Art. 10). */
      crossDepartmentFramework: DocumentRef.optional(),
      /** Lead department's review opinion (co-built projects filed separately). */
      leadDepartmentOpinion: DocumentRef.optional(),
      localFundingCommitment: DocumentRef.optional(),
      socialStabilityReport: DocumentRef.optional(),
      socialStabilityOpinion: DocumentRef.optional(),
      energyAssessment: DocumentRef.optional(),
      siteLandEnvironment: list(DocumentRef, 20).default([]),
      cryptoPlan: DocumentRef.optional(),
      cryptoPlanReview: DocumentRef.optional(),
      /** District O&M projects: previous contract and performance evaluation report (district measure Art. 7). */
      previousContract: DocumentRef.optional(),
      previousPerformanceReport: DocumentRef.optional(),
      other: list(DocumentRef, 50).default([]),
    })
    .prefault({}),
});
export type FeasibilityStudyInput = z.infer<typeof FeasibilityStudyInput>;
