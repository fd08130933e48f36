// Input of the 项目建议书: the project block plus what the 2544号 outline, 57号 Art. 9–11, 15–17 and the 2013 NDRC
// opinion require a proposal to state (regulations.md §1.3; catalogue entries per §2.2).
import { z } from 'zod';
import { CatalogueRegistration, CryptoPlanReview, DocNumber, DocumentRef, IsoDate, LIMITS, LongText, Paragraphs, Percent, ProjectBlock, ShortString, ShortText, Wan } from '../schema-parts.ts';
import { profileData } from '../../regulations/profiles.ts';

const E = (key: string) => ({ error: `@${key}` });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, E('list_too_long'));
const nonEmpty = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1, E('list_empty')).max(max, E('list_too_long'));

/** A measured or stated value: a number, or a short text such as `≤ 3 秒`. */
const Value = z.union([z.number().finite(), ShortString]);
const Count = z.number(E('number_expected')).finite().min(0, E('number_too_small'));
const Year = z.number(E('number_expected')).int().min(1990, E('number_too_small')).max(2100, E('number_too_large'));

/** 共享类型 of 国发〔2016〕51号: 无条件共享 / 有条件共享 / 不予共享. */
const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const;
/** Networks a system may run on (2013意见: classified systems on 政务内网, others on 政务外网). */
const NETWORKS = ['egov-extranet', 'egov-intranet', 'internet', 'departmental'] as const;

/** One entry of the 信息共享目录 (2013意见: fields, format, interface, processing, traceability; 51号: share type). */
export const CatalogueEntry = z
  .strictObject({
    /** 信息资源名称 */
    name: ShortText,
    /** 信息资源代码 (分类码 + 顺序码) */
    code: ShortString.optional(),
    /** 信息资源分类 */
    category: ShortText.optional(),
    /** 信息资源提供方 */
    provider: ShortText,
    /** 责任部门: the department answerable for the resource (57号 Art. 11; 2013意见). Optional for earlier callers (P24 warns). */
    responsibleDepartment: ShortText.optional(),
    /** Its registration in the 政务信息资源目录, once registered. */
    registration: CatalogueRegistration.optional(),
    /** 数据来源 (seed 003 Art. 24) */
    source: ShortText.optional(),
    summary: LongText.optional(),
    /** 信息项: the "fields" of 2013意见. */
    items: nonEmpty(z.strictObject({ name: ShortText, dataType: ShortText.optional() }), 500),
    /** 信息资源格式, e.g. 数据库 / 电子文件 / 接口 */
    format: ShortText,
    technicalInterface: ShortText,
    processingMethod: LongText,
    traceability: LongText,
    shareType: z.enum(SHARE_TYPES),
    /** Required for 有条件共享. */
    shareCondition: ShortText.optional(),
    /** Legal basis, required for 不予共享. */
    refusalBasis: ShortText.optional(),
    /** 共享方式, e.g. 接口调用 / 库表交换 / 文件下载 */
    shareMode: ShortText.optional(),
    updateCycle: ShortText.optional(),
    /** 开放属性 */
    openness: z.strictObject({ open: z.boolean(), condition: ShortText.optional() }).optional(),
    /** 使用部门 */
    consumers: list(ShortText, 100).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.shareType === 'conditional' && e.shareCondition === undefined) ctx.addIssue({ code: 'custom', message: '@required', path: ['shareCondition'] });
    if (e.shareType === 'none' && e.refusalBasis === undefined) ctx.addIssue({ code: 'custom', message: '@required', path: ['refusalBasis'] });
  });
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

const Period = z.strictObject({ start: IsoDate, end: IsoDate });

export const ProjectProposalInput = z
  .strictObject({
    project: ProjectBlock,
    proposal: z.strictObject({
      /** Date of the proposal (cover date; picks the template version). */
      date: IsoDate,
      docNo: DocNumber.optional(),
      /** 建议书编制单位 */
      draftingOrg: ShortText,
      /** 编制依据: plans, instructions, approvals, minutes. */
      basisDocuments: nonEmpty(DocumentRef, 50),
      /** Listed in an approved national / local informatization plan. */
      inPlan: z.boolean().default(false),
    }),
    /** 中央和地方共建: the local government's funding commitment (2013意见). */
    centralLocal: z
      .strictObject({
        localGovernment: ShortText,
        localShare: Wan,
        commitment: DocumentRef,
      })
      .optional(),
    /** The earlier project this one rebuilds, extends or keeps running. */
    previousProject: z
      .strictObject({
        name: ShortText,
        approval: DocumentRef.optional(),
        completionDate: IsoDate.optional(),
        results: Paragraphs,
        /** Third-party post-evaluation (57号 Art. 9: required for 改建 / 扩建). */
        postEvaluation: z.strictObject({ title: ShortText, evaluator: ShortText, date: IsoDate, conclusion: LongText }).optional(),
        /** Original construction contract or previous O&M contract (district O&M projects). */
        contract: z.strictObject({ title: ShortText, contractNo: ShortString.optional(), partner: ShortText, signDate: IsoDate, amount: Wan }).optional(),
        /** Previous performance evaluation report (district O&M projects). */
        performanceEvaluation: z
          .strictObject({ title: ShortText, evaluator: ShortText, date: IsoDate, score: Percent.optional(), conclusion: LongText })
          .optional(),
      })
      .optional(),
    overview: z.strictObject({
      goals: Paragraphs,
      scaleAndContent: Paragraphs,
      period: Period,
      benefitsAndRisks: Paragraphs.optional(),
      conclusions: Paragraphs,
    }),
    unitProfile: z.strictObject({
      mandate: Paragraphs,
      implementingBodyDuties: Paragraphs,
    }),
    necessity: z.strictObject({
      background: Paragraphs,
      currentSystems: list(z.strictObject({ name: ShortText, builtYear: Year.optional(), description: LongText }), 50).default([]),
      currentSituation: Paragraphs.optional(),
      problems: Paragraphs,
      significance: Paragraphs,
    }),
    requirements: z.strictObject({
      socialProblems: nonEmpty(
        z.strictObject({ problem: LongText, indicator: ShortText.optional(), current: Value.optional(), target: Value.optional() }),
        50,
      ),
      objectives: Paragraphs.optional(),
      businessProcesses: nonEmpty(
        z.strictObject({ name: ShortText, description: LongText.optional(), annualVolume: Count, unit: ShortText }),
        100,
      ),
      informationVolume: z.strictObject({
        records: Count,
        storageGb: Count,
        annualGrowthPercent: Percent,
        notes: Paragraphs.optional(),
      }),
      functional: nonEmpty(z.strictObject({ name: ShortText, description: LongText }), LIMITS.listItems),
      performance: nonEmpty(z.strictObject({ metric: ShortText, target: ShortText }), 100),
      sharing: z.strictObject({
        /** Within the department. */
        internal: Paragraphs,
        /** With other departments. */
        external: Paragraphs,
        /** Between the department's central and local levels (or district and higher levels). */
        vertical: Paragraphs,
        catalogue: nonEmpty(CatalogueEntry, LIMITS.catalogueEntries),
        /** Long-term sharing and feedback mechanisms (57号 Art. 11). */
        mechanisms: Paragraphs.optional(),
      }),
      /** 等保 / 分保 requirements beyond the level stated in `project.securityLevel`. */
      securityProtection: Paragraphs,
    }),
    overallScheme: z.strictObject({
      principles: Paragraphs,
      goals: Paragraphs,
      phases: list(z.strictObject({ phase: ShortText, period: ShortText.optional(), goal: LongText }), 10).default([]),
      tasks: Paragraphs,
      architecture: Paragraphs,
    }),
    phaseScheme: z.strictObject({
      scope: Paragraphs,
      constructionContent: nonEmpty(z.strictObject({ subsystem: ShortText, description: LongText }), LIMITS.listItems),
      standards: list(ShortText, 100).default([]),
      informationResources: Paragraphs.optional(),
      applicationSupport: Paragraphs.optional(),
      applications: Paragraphs.optional(),
      dataProcessing: Paragraphs.optional(),
      terminals: Paragraphs.optional(),
      network: z.strictObject({ carriers: nonEmpty(z.enum(NETWORKS), 4), description: Paragraphs.optional() }).optional(),
      securitySystem: Paragraphs.optional(),
      backup: Paragraphs.optional(),
      operations: Paragraphs.optional(),
      equipment: z
        .strictObject({
          principles: Paragraphs,
          items: list(
            z.strictObject({ name: ShortText, spec: ShortText.optional(), quantity: Count, unit: ShortText, remark: ShortText.optional() }),
            500,
          ).default([]),
        })
        .optional(),
      /** 57号 Art. 16: safety and reliability of software and hardware products. */
      productSafety: z.strictObject({
        statement: Paragraphs,
        products: list(z.strictObject({ product: ShortText, category: ShortText.optional(), assurance: LongText }), LIMITS.listItems).default([]),
      }),
      /** 57号 Art. 17: use of the government cloud. */
      cloud: z.strictObject({
        platform: ShortText,
        vcpu: Count,
        memoryGb: Count,
        storageTb: Count,
        database: ShortText.optional(),
        description: Paragraphs.optional(),
        /** True when stand-alone machine rooms, servers or storage must be built; then `standaloneReason` explains why. */
        standaloneInfrastructure: z.boolean(),
        standaloneReason: LongText.optional(),
      }),
      machineRoom: Paragraphs.optional(),
      /** 57号 Art. 9, 15: cryptography application plan. */
      crypto: z.strictObject({
        summary: Paragraphs,
        measures: nonEmpty(z.strictObject({ layer: ShortText, measure: LongText }), 50),
        assessment: LongText.optional(),
        /** Expert review of the plan (district measure Art. 28, MLPS level 3 and above; P23). */
        expertReview: CryptoPlanReview.optional(),
      }),
    }),
    organisation: z.strictObject({
      leadership: LongText,
      implementation: LongText,
      operations: LongText,
      staffing: list(z.strictObject({ role: ShortText, count: z.number().int().min(1, E('number_too_small')), duties: LongText.optional() }), 100).default([]),
      training: Paragraphs.optional(),
    }),
    schedule: nonEmpty(z.strictObject({ milestone: ShortText, date: IsoDate, deliverable: ShortText.optional() }), 100),
    investment: z.strictObject({
      /** 估算说明: basis and method of the estimate. */
      basis: Paragraphs,
      usePlan: list(z.strictObject({ year: Year, amount: Wan }), 20).default([]),
      oAndMBasis: Paragraphs.optional(),
    }),
    benefits: z.strictObject({ economic: Paragraphs.optional(), social: Paragraphs }),
    risks: nonEmpty(z.strictObject({ risk: ShortText, mitigation: LongText }), 50),
    performanceOverview: Paragraphs.optional(),
    /** 57号 Art. 10: framework scheme of a cross-department project. */
    frameworkScheme: z
      .strictObject({
        participants: nonEmpty(z.strictObject({ department: ShortText, tasks: LongText }), 50),
        goals: Paragraphs,
        interfaces: nonEmpty(z.strictObject({ name: ShortText, provider: ShortText, consumer: ShortText, method: ShortText }), LIMITS.listItems),
        dataFlows: nonEmpty(z.strictObject({ data: ShortText, from: ShortText, to: ShortText, frequency: ShortText }), LIMITS.listItems),
        catalogue: nonEmpty(
          z.strictObject({ resource: ShortText, provider: ShortText, items: nonEmpty(ShortText, 200), updateCycle: ShortText }),
          LIMITS.catalogueEntries,
        ),
      })
      .optional(),
    /** 需求分析报告 and its expert review opinion (2013意见; national projects). */
    requirementsReport: z.strictObject({ report: DocumentRef, expertOpinion: DocumentRef }).optional(),
    /** Further attachments, listed after the ones the rules demand. */
    attachments: list(ShortText, 30).default([]),
  })
  .superRefine((i, ctx) => {
    const need = (path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message: '@required', path });
    const p = i.project;
    // 57号 Art. 10: a cross-department project files its framework scheme with the proposal.
    if (p.crossDepartment && !i.frameworkScheme) need(['frameworkScheme']);
    // 57号 Art. 9: 改建 / 扩建 projects attach the third-party post-evaluation of the earlier project.
    if (p.type === 'rebuild' || p.type === 'expand') {
      if (!i.previousProject) need(['previousProject']);
      else if (!i.previousProject.postEvaluation) need(['previousProject', 'postEvaluation']);
    }
    const measure = profileData(p.jurisdiction.profile);
    // District measure Art. 7(2): O&M projects attach the previous contract and performance evaluation.
    if (measure.approvalStage.operationProjectAttachments && p.type === 'operation') {
      if (!i.previousProject) need(['previousProject']);
      else {
        if (!i.previousProject.contract) need(['previousProject', 'contract']);
        if (!i.previousProject.performanceEvaluation) need(['previousProject', 'performanceEvaluation']);
      }
    }
    // District measure Art. 24: every resource declares its source, update frequency and openness.
    if (measure.catalogue.attributesBeforeApplication) {
      i.requirements.sharing.catalogue.forEach((e, n) => {
        const at = ['requirements', 'sharing', 'catalogue', n];
        if (e.source === undefined) need([...at, 'source']);
        if (e.updateCycle === undefined) need([...at, 'updateCycle']);
        if (e.openness === undefined) need([...at, 'openness']);
      });
    }
    if (i.phaseScheme.cloud.standaloneInfrastructure && i.phaseScheme.cloud.standaloneReason === undefined) {
      need(['phaseScheme', 'cloud', 'standaloneReason']);
    }
    if (i.overview.period.end < i.overview.period.start) {
      ctx.addIssue({ code: 'custom', message: '@invalid_value_generic', path: ['overview', 'period', 'end'] });
    }
  });
export type ProjectProposalInput = z.infer<typeof ProjectProposalInput>;
