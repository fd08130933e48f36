// Input of the 验收报告 (acceptance report, with the materials list of the 验收申请): regulations.md §3.4.
import { z } from 'zod';
import { CreditCode, DocNumber, DocumentRef, IsoDate, LIMITS, LongText, Paragraphs, ProjectBlock, ShortString, ShortText, Wan } from '../schema-parts.ts';
import { ALLOWED_ADJUSTMENT_REASONS } from '../../regulations/profiles.ts';

const E = (key: string) => ({ error: `@${key}` });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1, E('list_empty')).max(max, E('list_too_long'));
const optionalList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, E('list_too_long')).default([]);
// Range messages come from the validator (it fills in the bound); a custom `@key` message would lose it.
const Score = z.number().finite().min(0).max(100);
const Value = z.union([z.number().finite(), ShortString]);

/** Approval stages: 建议书 / 可研 / 初设和概算 (57号 Art. 7), the district 建设方案, and later adjustments. */
const APPROVAL_STAGES = ['proposal', 'feasibility', 'preliminary-design', 'construction-plan', 'adjustment', 'other'] as const;
const TASK_STATUSES = ['completed', 'completed-adjusted', 'partially-completed', 'cancelled'] as const;
/**
 * 57号 Art. 23: a unit may adjust content itself (and file the adjustment) only for one of three reasons:
 * (1) a deployment of the Party Centre / State Council, (2) optimisation of the approved technical scheme,
 * (3) business needs within the approved framework. Anything else goes through approval (`other`).
 */
const CHANGE_REASONS = [...ALLOWED_ADJUSTMENT_REASONS, 'other'] as const;
/** `self-managed`: adjusted by the unit and filed with the approving department; `approved`: approved by it beforehand. */
const CHANGE_HANDLING = ['self-managed', 'approved'] as const;
const PROCUREMENT_METHODS = [
  'open-tender',
  'invited-tender',
  'competitive-consultation',
  'competitive-negotiation',
  'single-source',
  'inquiry',
  'framework-agreement',
  'other',
] as const;
const TEST_TYPES = ['functional', 'performance', 'security', 'integration', 'sharing', 'compatibility', 'other'] as const;
const TEST_RESULTS = ['passed', 'passed-with-issues', 'failed'] as const;
/** 等保 / 分保 / 密评 conclusions: 符合 / 基本符合 / 不符合. */
const ASSESSMENT_CONCLUSIONS = ['compliant', 'basically-compliant', 'non-compliant'] as const;
const PRODUCT_CATEGORIES = ['hardware', 'software', 'cloud-service', 'security-product', 'crypto-product'] as const;
const SHARE_TYPES = ['unconditional', 'conditional', 'not-shared'] as const;
const ACCEPTANCE_CONCLUSIONS = ['passed', 'rectify', 'failed'] as const;
const COMMITTEE_ROLES = ['chair', 'vice-chair', 'member'] as const;
/**
 * Attachments by kind. The 57号 Art. 25 materials: construction-summary, financial-report, audit-report,
 * mlps-assessment (non-classified) or classified-assessment (classified), crypto-assessment. The rest are customary.
 */
const ATTACHMENT_KINDS = [
  'construction-summary',
  'financial-report',
  'audit-report',
  'mlps-assessment',
  'classified-assessment',
  'crypto-assessment',
  'risk-assessment',
  'preliminary-acceptance',
  'contract-acceptance',
  'supervision-report',
  'test-report',
  'trial-operation-report',
  'user-report',
  'archives-acceptance',
  'catalogue-registration',
  'classified-approval',
  'change-approval',
  'extension-approval',
  'other',
] as const;
/** Kinds that answer 57号 Art. 25 (listed first, under the required materials). */
export const ART25_KINDS: readonly string[] = ['construction-summary', 'financial-report', 'audit-report', 'mlps-assessment', 'classified-assessment', 'risk-assessment', 'crypto-assessment'];

const Assessment = z.strictObject({
  org: ShortText,
  date: IsoDate,
  conclusion: z.enum(ASSESSMENT_CONCLUSIONS),
  score: Score.optional(),
  reportNo: ShortText.optional(),
});

export const AcceptanceReportInput = z.strictObject({
  /** totalInvestment / investmentBreakdown / fundingSources are the approved 概算. */
  project: ProjectBlock,
  report: z.strictObject({
    /** Date of this report (the filing date). */
    date: IsoDate,
    docNo: DocNumber.optional(),
  }),
  approvals: list(
    z.strictObject({
      stage: z.enum(APPROVAL_STAGES),
      docNo: DocNumber,
      date: IsoDate,
      issuer: ShortText,
      /** Investment approved at this stage, 万元. */
      amount: Wan.optional(),
    }),
    20,
  ),
  construction: z.strictObject({
    plannedStart: IsoDate,
    plannedCompletion: IsoDate,
    actualStart: IsoDate,
    completionDate: IsoDate,
    /** Approved goals and content. */
    objectives: Paragraphs,
  }),
  acceptance: z.strictObject({
    /** 初步验收, organised by the construction unit. */
    preliminaryDate: IsoDate,
    /** Date of the 验收申请 to the approving department (57号 Art. 25: within 6 / 3 months of completion). */
    applicationDate: IsoDate,
    applicationDocNo: DocNumber.optional(),
    /** Approved 延期验收 when the application came after the normal deadline. */
    extension: z.strictObject({ docNo: DocNumber, date: IsoDate, newDeadline: IsoDate }).optional(),
    /** 竣工验收 meeting. */
    meetingDate: IsoDate,
    organiser: ShortText,
    committee: list(
      z.strictObject({ name: ShortText, role: z.enum(COMMITTEE_ROLES), title: ShortText, org: ShortText }),
      40,
    ),
    opinion: Paragraphs,
    conclusion: z.enum(ACCEPTANCE_CONCLUSIONS),
    /**
     * The 备案 of this report once acceptance is over: with the approving department (57号 Art. 25 ¶3) or the district's
     * 综合管理办公室 (district Art. 19). Optional for earlier callers; A13 warns when it is not stated.
     */
    reportFiling: z.strictObject({ recipient: ShortText, date: IsoDate.optional(), docNo: DocNumber.optional() }).optional(),
  }),
  tasks: list(z.strictObject({ item: ShortText, status: z.enum(TASK_STATUSES), outcome: LongText.optional() }), LIMITS.listItems),
  changes: optionalList(
    z.strictObject({
      description: ShortText,
      reason: z.enum(CHANGE_REASONS),
      handling: z.enum(CHANGE_HANDLING),
      /** Amount of funds adjusted (资金调整数额), 万元. */
      amount: Wan,
      /** The approval or the filing (备案) of the change; required for every change with an amount (57号 Art. 23). */
      reference: DocumentRef.optional(),
    }),
    50,
  ),
  investment: z.strictObject({
    /** Approved 概算 against actual, by item. */
    byItem: list(z.strictObject({ item: ShortText, approved: Wan, actual: Wan, note: ShortText.optional() }), LIMITS.listItems),
    /** Funds by source: approved, received (到位) and spent. */
    bySource: list(z.strictObject({ channel: ShortText, approved: Wan, received: Wan, spent: Wan }), 50),
    /** Return of savings (57号 Art. 22; district Art. 15). */
    savingsReturn: z.strictObject({ amount: Wan, date: IsoDate, channel: ShortText, reference: DocumentRef.optional() }).optional(),
    /** 竣工财务决算 and its audit. */
    finalAccounts: z.strictObject({ auditor: ShortText, reportNo: ShortText.optional(), date: IsoDate, auditedAmount: Wan, opinion: LongText }),
    notes: Paragraphs.optional(),
  }),
  procurement: z.strictObject({
    summary: Paragraphs,
    contracts: list(
      z.strictObject({
        name: ShortText,
        supplier: ShortText,
        supplierCreditCode: CreditCode.optional(),
        method: z.enum(PROCUREMENT_METHODS),
        amount: Wan,
        signDate: IsoDate,
        /** Filing with the management office (district measure Art. 13: within 5 working days). */
        filedDate: IsoDate.optional(),
      }),
      LIMITS.listItems,
    ),
  }),
  supervision: z.strictObject({
    supervisor: ShortText,
    creditCode: CreditCode.optional(),
    contractAmount: Wan.optional(),
    report: DocumentRef,
    opinion: Paragraphs,
  }),
  tests: list(
    z.strictObject({ name: ShortText, type: z.enum(TEST_TYPES), org: ShortText, date: IsoDate, result: z.enum(TEST_RESULTS), reportNo: ShortText.optional() }),
    50,
  ),
  trialRun: z.strictObject({ start: IsoDate, end: IsoDate, scope: LongText.optional(), findings: Paragraphs }).optional(),
  security: z.strictObject({
    /** 等保 测评 (non-classified) or 分保 测评 (classified), per project.securityLevel.scheme. */
    protectionAssessment: Assessment.extend({ filingNo: ShortText.optional() }),
    /** Classified systems: approval of the 保密行政管理部门 before use (2013意见). */
    classifiedApproval: z.strictObject({ authority: ShortText, docNo: DocNumber, date: IsoDate }).optional(),
    riskAssessment: z.strictObject({ org: ShortText, date: IsoDate, duringTrial: z.boolean(), reportNo: ShortText.optional(), conclusion: LongText }),
    measures: Paragraphs.optional(),
  }),
  crypto: Assessment.extend({ summary: LongText.optional() }),
  productSafety: list(
    z.strictObject({ product: ShortText, category: z.enum(PRODUCT_CATEGORIES), supplier: ShortText.optional(), statement: LongText }),
    100,
  ),
  energy: z.strictObject({
    newDataCentre: z.boolean(),
    /** Design or measured PUE of a new data centre / machine room. */
    pue: z.number().finite().min(1).max(3).optional(),
    statement: Paragraphs,
  }),
  sharing: z.strictObject({
    platform: ShortText,
    /** Catalogue registered and data collected on the sharing platform. */
    registeredDate: IsoDate,
    resources: list(
      z.strictObject({
        name: ShortText,
        code: ShortText.optional(),
        format: ShortText,
        shareType: z.enum(SHARE_TYPES),
        consumers: ShortText.optional(),
      }),
      LIMITS.catalogueEntries,
    ),
    summary: Paragraphs,
    /** 政务信息系统目录 (57号 Art. 12, 28). */
    systemCatalogue: z.strictObject({ listed: z.boolean(), code: ShortText.optional(), date: IsoDate.optional() }),
  }),
  archives: z.strictObject({
    accepted: z.boolean(),
    date: IsoDate.optional(),
    organiser: ShortText,
    reference: DocNumber.optional(),
    volumes: z.number().int().min(0).max(1_000_000).optional(),
    electronicFiles: z.number().int().min(0).max(100_000_000).optional(),
    summary: Paragraphs,
  }),
  results: Paragraphs,
  performanceResults: list(
    z.strictObject({
      indicator: ShortText,
      unit: ShortText.optional(),
      target: Value,
      actual: Value,
      achieved: z.boolean(),
      note: ShortText.optional(),
    }),
    LIMITS.listItems,
  ),
  operation: z.strictObject({ unit: ShortText, arrangement: Paragraphs }),
  openIssues: optionalList(
    z.strictObject({ issue: LongText, measure: LongText, owner: ShortText.optional(), due: IsoDate.optional() }),
    50,
  ),
  attachments: list(
    z.strictObject({
      kind: z.enum(ATTACHMENT_KINDS),
      /** The document's own title; the kind's name is used when omitted. */
      title: ShortText.optional(),
      docNo: ShortText.optional(),
      issuer: ShortText.optional(),
      date: IsoDate.optional(),
    }),
    60,
  ),
});
export type AcceptanceReportInput = z.infer<typeof AcceptanceReportInput>;
