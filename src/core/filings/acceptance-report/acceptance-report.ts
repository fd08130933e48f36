// 验收报告: the acceptance report of a completed project, with the materials of the 验收申请 (57号 Art. 25) as attachments.
import { defineFiling, type SectionDef } from '../filing.ts';
import { reportCover, type Block, type ContentContext } from '../content.ts';
import type { LText } from '../common.ts';
import { art, chineseNumeral, item, type Citation } from '../../regulations/documents.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { AcceptanceReportInput, ART25_KINDS } from './schema.ts';
import {
  acceptanceFigures,
  CATALOGUE_REGISTRATION_WORKING_DAYS,
  CONTRACT_FILING_WORKING_DAYS,
  daysInclusive,
  ratio,
  SELF_MANAGED_CHANGE_LIMIT_PERCENT,
  sumWan,
  workingDaysBetween,
} from './figures.ts';

export { AcceptanceReportInput } from './schema.ts';
export * from './figures.ts';

type I = AcceptanceReportInput;

const N57 = (...articles: number[]): Citation[] => articles.map((n) => ({ doc: 'gbf-2019-57', article: art(n) }));
const DIST = (...articles: number[]): Citation[] => articles.map((n) => ({ doc: 'district-measure', article: art(n) }));
const OPINION_2013: Citation = { doc: 'fgg-2013-266' };
const OPINION_2013_SECURITY: Citation = { doc: 'fgg-2013-266', article: item('保障安全可控', 'on secure and controllable systems') };
const CUSTOMARY: Citation[] = [{ doc: 'customary' }];

const isClassified = (i: I) => i.project.securityLevel.scheme === 'classified';
const classified = { id: 'classified_system', description: { zh: '涉密信息系统', en: 'classified information systems' }, test: isClassified };

const sections: SectionDef<I>[] = [
  { id: 'overview', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'project_facts', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'approvals', level: 2, binding: 'customary', citations: [...N57(7), ...CUSTOMARY] },
  { id: 'acceptance_process', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },

  { id: 'task_completion', level: 1, binding: 'national', citations: N57(22, 23) },
  { id: 'task_status', level: 2, binding: 'national', citations: N57(22) },
  {
    id: 'changes',
    level: 2,
    binding: 'national',
    citations: [...N57(23), ...DIST(16)],
    when: { id: 'has_changes', description: { zh: '建设内容或投资有调整变更时', en: 'when content or investment was changed' }, test: (i) => i.changes.length > 0 },
  },

  { id: 'investment', level: 1, binding: 'national', citations: [...N57(22), ...DIST(15)] },
  { id: 'budget_execution', level: 2, binding: 'national', citations: N57(22) },
  { id: 'funding_sources', level: 2, binding: 'national', citations: N57(22) },
  {
    id: 'savings',
    level: 2,
    binding: 'national',
    citations: [...N57(22), ...DIST(15)],
    when: { id: 'has_savings', description: { zh: '实际完成投资低于批复概算、有结余资金时', en: 'when actual investment is below the approved budget estimate' }, test: (i) => acceptanceFigures(i).savings > 0 },
  },
  { id: 'final_accounts', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },

  { id: 'procurement', level: 1, binding: 'national', citations: [...N57(13), ...DIST(13)] },
  { id: 'tendering', level: 2, binding: 'national', citations: N57(13) },
  { id: 'contracts', level: 2, binding: 'national', citations: N57(13) },
  { id: 'contract_filing', level: 2, binding: 'local', profiles: ['district'], citations: DIST(13) },

  { id: 'supervision', level: 1, binding: 'national', citations: N57(19) },

  { id: 'testing', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'system_tests', level: 2, binding: 'customary', citations: CUSTOMARY },
  {
    id: 'trial_operation',
    level: 2,
    binding: 'customary',
    citations: [OPINION_2013, ...CUSTOMARY],
    when: { id: 'has_trial_run', description: { zh: '系统经过试运行时', en: 'when the system went through trial operation' }, test: (i) => i.trialRun !== undefined },
  },

  { id: 'security', level: 1, binding: 'national', citations: N57(14, 15, 16, 25) },
  {
    id: 'mlps_assessment',
    level: 2,
    binding: 'national',
    citations: N57(14, 25),
    when: { id: 'non_classified_system', description: { zh: '非涉密信息系统', en: 'non-classified information systems' }, test: (i) => !isClassified(i) },
  },
  { id: 'classified_assessment', level: 2, binding: 'national', citations: [...N57(25), OPINION_2013_SECURITY], when: classified },
  { id: 'classified_approval', level: 2, binding: 'national', citations: [OPINION_2013_SECURITY], when: classified },
  { id: 'risk_assessment', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  { id: 'crypto_assessment', level: 2, binding: 'national', citations: [...N57(15, 25), ...DIST(28)] },

  { id: 'product_safety_energy', level: 1, binding: 'national', citations: N57(16) },
  { id: 'product_safety', level: 2, binding: 'national', citations: N57(16) },
  { id: 'energy_efficiency', level: 2, binding: 'national', citations: [...N57(16), OPINION_2013] },

  { id: 'sharing', level: 1, binding: 'national', citations: [...N57(11, 12), ...DIST(25, 26)] },
  { id: 'resource_catalogue', level: 2, binding: 'national', citations: [...N57(11), { doc: 'gf-2016-51' }] },
  { id: 'system_catalogue', level: 2, binding: 'national', citations: N57(12, 28) },
  { id: 'catalogue_registration', level: 2, binding: 'local', profiles: ['district'], citations: DIST(26) },

  { id: 'archives', level: 1, binding: 'national', citations: [...N57(26), ...DIST(18)] },

  { id: 'performance', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'results', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'performance_results', level: 2, binding: 'national', citations: N57(9, 10) },

  { id: 'operation', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'open_issues', level: 1, binding: 'customary', citations: CUSTOMARY },

  { id: 'conclusion', level: 1, binding: 'customary', citations: CUSTOMARY },
  { id: 'committee', level: 2, binding: 'customary', citations: CUSTOMARY },
  { id: 'committee_opinion', level: 2, binding: 'customary', citations: CUSTOMARY },

  { id: 'attachments', level: 1, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  { id: 'required_materials', level: 2, binding: 'national', citations: [...N57(25), ...DIST(19)] },
  {
    id: 'other_attachments',
    level: 2,
    binding: 'customary',
    citations: CUSTOMARY,
    when: {
      id: 'has_other_attachments',
      description: { zh: '附有规定材料以外的其他材料时', en: 'when materials beyond the required ones are attached' },
      test: (i) => i.attachments.some((a) => !ART25_KINDS.includes(a.kind)),
    },
  },
];

/** A value that may be a number or text, as written in a table. */
function value(v: number | string): string {
  return typeof v === 'number' ? String(v) : v;
}

function docRef(c: ContentContext, r: { title: LText; docNo?: string | undefined; date?: string | undefined }): string {
  const parts = [c.text(r.title)];
  if (r.docNo) parts.push(normalizeDocNumber(r.docNo));
  if (r.date) parts.push(c.date(r.date));
  return parts.join(c.lang === 'en' ? ', ' : '，');
}

/** `（…）` in Chinese and bilingual text, ` (…)` in English. */
function paren(c: ContentContext, s: string): string {
  return c.lang === 'en' ? ` (${s})` : `（${s}）`;
}

function semicolon(c: ContentContext): string {
  return c.lang === 'en' ? '; ' : '；';
}

/** A reference in a table cell: the document number and date when there is a number, else the title. */
function shortRef(c: ContentContext, r: { title: LText; docNo?: string | undefined; date?: string | undefined }): string {
  if (!r.docNo) return docRef(c, r);
  return normalizeDocNumber(r.docNo) + (r.date ? paren(c, c.date(r.date)) : '');
}

function securityLevelText(c: ContentContext, i: I): string {
  const s = i.project.securityLevel;
  // The shared block does not tie the level's form to the scheme; the level's own form decides the wording.
  return typeof s.level === 'number'
    ? c.labelInline('mlpsLevel', { level: s.level, levelZh: chineseNumeral(s.level) })
    : c.labelInline(`gradeOf.${s.level}`);
}

export const acceptanceReport = defineFiling({
  id: 'acceptance-report',
  schema: AcceptanceReportInput,
  layout: 'report',
  sections,
  dateOf: (i) => i.report.date,
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => reportCover(c, i.project, i.report.docNo),
  content: (i, c) => {
    const p = i.project;
    const f = acceptanceFigures(i);
    const a = i.acceptance;
    const opt = <T>(v: T | undefined, pair: (v: T) => readonly [string, string]) => (v === undefined ? [] : [pair(v)]);
    const base = (l: ContentContext) => ({
      project: l.text(p.name),
      unit: l.text(p.constructionUnit.name),
      department: l.text(p.approvingDepartment),
      approved: l.wan(f.approved),
      actual: l.wan(f.actual),
    });
    const enumCell = (prefix: string, v: string) => c.label(`${prefix}.${v}`);
    const numberCol = (key: string) => ({ label: c.label(key), width: 2.4, align: 'right' as const });
    const col = (key: string, width: number, align?: 'left' | 'center' | 'right') => ({ label: c.label(key), width, ...(align ? { align } : {}) });
    const noCol = col('no', 1.8, 'center');
    const n = (k: number) => String(k + 1);

    // 1 Overview
    const projectFacts: Array<readonly [string, string]> = [
      ['projectName', c.text(p.name)],
      ['projectCode', p.code],
      ['constructionUnit', c.text(p.constructionUnit.name)],
      ['creditCode', p.constructionUnit.creditCode],
      ['implementingBody', c.text(p.implementingBody)],
      ['leader', c.text(p.leader.name) + (p.leader.title ? paren(c, c.text(p.leader.title)) : '')],
      ...opt(p.accountablePerson, (x) => ['accountablePerson', c.text(x.name) + (x.title ? paren(c, c.text(x.title)) : '')] as const),
      ['approvingDepartment', c.text(p.approvingDepartment)],
      ['jurisdiction', c.text(p.jurisdiction.name) + paren(c, c.labelInline(`profileName.${p.jurisdiction.profile}`))],
      ...opt(p.crossDepartment, (x) => ['leadDepartment', c.text(x.leadDepartment)] as const),
      ...opt(p.crossDepartment, (x) => ['coBuilders', x.coBuilders.map((b) => c.text(b)).join(semicolon(c))] as const),
      ['projectType', c.labelInline(`ptypeOf.${p.type}`)],
      ['approvedEstimate', c.stated(p.totalInvestment)],
      ['plannedPeriod', `${c.date(i.construction.plannedStart)} — ${c.date(i.construction.plannedCompletion)}`],
      ['actualPeriod', `${c.date(i.construction.actualStart)} — ${c.date(i.construction.completionDate)}`],
      ['securityLevel', securityLevelText(c, i)],
      ['annualOandM', c.wan(p.annualOandM.amount) + paren(c, c.text(p.annualOandM.channel))],
    ];

    const approvalsTable = c.table(
      [noCol, col('approvalStage', 3), col('docNo', 4), col('issuer', 4), col('approvalDate', 3, 'center'), numberCol('amount')],
      i.approvals.map((x, k) => [n(k), enumCell('stageOf', x.stage), normalizeDocNumber(x.docNo), c.text(x.issuer), c.date(x.date), x.amount === undefined ? '—' : c.num(x.amount)]),
    );

    const processFacts: Array<readonly [string, string]> = [
      ['completionDate', c.date(i.construction.completionDate)],
      ['preliminaryDate', c.date(a.preliminaryDate)],
      ['applicationDeadline', c.date(f.applicationDeadline) + paren(c, c.labelInline('windowMonths', { months: f.windowMonths }))],
      ...opt(a.extension, (x) => ['extension', normalizeDocNumber(x.docNo) + paren(c, c.date(x.date)) + semicolon(c) + c.labelInline('extendedTo', { date: c.date(x.newDeadline) })] as const),
      ['applicationDate', c.date(a.applicationDate) + (a.applicationDocNo ? paren(c, normalizeDocNumber(a.applicationDocNo)) : '')],
      ['meetingDate', c.date(a.meetingDate)],
      ['organiser', c.text(a.organiser)],
    ];
    const processVars = (l: ContentContext) => ({
      ...base(l),
      completion: l.date(i.construction.completionDate),
      preliminary: l.date(a.preliminaryDate),
      application: l.date(a.applicationDate),
      deadline: l.date(f.effectiveDeadline),
      months: f.windowMonths,
      meeting: l.date(a.meetingDate),
      organiser: l.text(a.organiser),
      extNo: a.extension ? normalizeDocNumber(a.extension.docNo) : '',
    });

    // 2 Tasks and changes
    const done = i.tasks.filter((t) => t.status === 'completed' || t.status === 'completed-adjusted').length;
    const selfChanges = i.changes.filter((x) => x.handling === 'self-managed');
    const changeVars = (l: ContentContext) => ({
      count: i.changes.length,
      total: l.wan(f.changesTotal),
      self: l.wan(f.selfManagedChanges),
      selfRatio: l.percent(f.selfManagedRatio),
      limit: SELF_MANAGED_CHANGE_LIMIT_PERCENT,
      department: l.text(p.approvingDepartment),
    });
    const selfWithin = f.selfManagedRatio <= SELF_MANAGED_CHANGE_LIMIT_PERCENT;

    // 3 Investment
    const byItem = i.investment.byItem;
    const approvedItems = sumWan(byItem.map((r) => r.approved));
    const bySource = i.investment.bySource;
    const received = sumWan(bySource.map((s) => s.received));
    const spent = sumWan(bySource.map((s) => s.spent));
    const sourcesApproved = sumWan(bySource.map((s) => s.approved));
    const investVars = (l: ContentContext) => ({
      ...base(l),
      rate: l.percent(f.executionRate),
      savings: l.wan(f.savings),
      overrun: l.wan(f.overrun),
      received: l.wan(received),
      receivedRate: l.percent(ratio(received, sourcesApproved)),
      spent: l.wan(spent),
    });
    const sr = i.investment.savingsReturn;
    const fa = i.investment.finalAccounts;

    // 4 Procurement
    const contracts = i.procurement.contracts;
    const contractTotal = sumWan(contracts.map((x) => x.amount));
    const tendered = contracts.filter((x) => x.method === 'open-tender' || x.method === 'invited-tender').length;

    // 6 Trial run
    const tr = i.trialRun;
    const ra = i.security.riskAssessment;
    const pa = i.security.protectionAssessment;
    const assessmentFacts = (x: typeof pa | typeof i.crypto, extra: Array<readonly [string, string]>, after: Array<readonly [string, string]> = []) =>
      c.facts([
        ...extra,
        ['assessmentOrg', c.text(x.org)],
        ['assessmentDate', c.date(x.date)],
        ['assessmentConclusion', c.labelInline(`assessOf.${x.conclusion}`)],
        ...opt(x.score, (s) => ['score', String(s)] as const),
        ...opt(x.reportNo, (r) => ['reportNo', c.text(r)] as const),
        ...after,
      ]);

    // 9 Sharing
    const sh = i.sharing;
    const regDays = workingDaysBetween(a.preliminaryDate, sh.registeredDate);

    // 11 Performance
    const achieved = i.performanceResults.filter((r) => r.achieved).length;

    // Attachments
    const required = i.attachments.filter((x) => ART25_KINDS.includes(x.kind));
    const others = i.attachments.filter((x) => !ART25_KINDS.includes(x.kind));
    const attachmentTable = (rows: typeof i.attachments, offset: number) =>
      c.table(
        [col('attachmentNo', 3, 'center'), col('material', 7), col('docNo', 4), col('issuer', 5), col('date', 3, 'center')],
        rows.map((x, k) => [
          c.labelInline('attachmentN', { n: offset + k + 1 }),
          enumCell('kindOf', x.kind) + (x.title ? `\n${c.text(x.title)}` : ''),
          x.docNo ? normalizeDocNumber(c.text(x.docNo)) : '—',
          x.issuer ? c.text(x.issuer) : c.text(p.constructionUnit.name),
          x.date ? c.date(x.date) : '—',
        ]),
      );

    const content: Record<string, Block[]> = {
      overview: c.sentence('overviewLead', (l) => ({ ...base(l), approvals: i.approvals.length })),
      project_facts: [c.facts(projectFacts), ...c.paras(i.construction.objectives)],
      approvals: [approvalsTable, ...c.sentence('approvalsSummary', base)],
      acceptance_process: [
        c.facts(processFacts),
        ...c.sentence(f.appliedInTime ? (a.extension ? 'processExtended' : 'processInTime') : 'processLate', processVars),
        ...c.sentence('processMeeting', (l) => ({ ...processVars(l), members: a.committee.length })),
      ],

      task_completion: c.sentence('tasksSummary', (l) => ({ count: i.tasks.length, done, ...base(l) })),
      task_status: [
        c.table(
          [noCol, col('approvedItem', 5), col('status', 2, 'center'), col('outcome', 7)],
          i.tasks.map((t, k) => [n(k), c.text(t.item), enumCell('statusOf', t.status), t.outcome ? c.text(t.outcome) : '—']),
        ),
      ],
      changes: [
        c.table(
          [noCol, col('changeDescription', 5), col('changeReason', 3), col('handling', 2, 'center'), numberCol('amount'), col('ratioToEstimate', 2, 'right'), col('reference', 4)],
          i.changes.map((x, k) => [
            n(k),
            c.text(x.description),
            enumCell('reasonOf', x.reason),
            enumCell('handlingOf', x.handling),
            c.num(x.amount),
            c.percent(ratio(x.amount, f.approved)),
            x.reference ? shortRef(c, x.reference) : '—',
          ]),
          [c.label('total'), '', '', '', c.num(f.changesTotal), c.percent(ratio(f.changesTotal, f.approved)), ''],
        ),
        ...c.sentence('changesSummary', changeVars),
        ...(selfChanges.length === 0
          ? c.sentence('changesAllApproved', changeVars)
          : c.sentence(selfWithin ? 'changesSelfWithin' : 'changesSelfOver', changeVars)),
      ],

      investment: c.sentence(f.overrun > 0 ? 'investmentOverrun' : 'investmentLead', investVars),
      budget_execution: [
        c.table(
          [noCol, col('costItem', 4.5), numberCol('approvedAmount'), numberCol('actualAmount'), numberCol('difference'), col('executionRate', 2, 'right'), col('note', 2.5)],
          byItem.map((r, k) => [
            n(k),
            c.text(r.item),
            c.num(r.approved),
            c.num(r.actual),
            c.num((Math.round(r.approved * 100) - Math.round(r.actual * 100)) / 100),
            c.percent(ratio(r.actual, r.approved)),
            r.note ? c.text(r.note) : '',
          ]),
          [c.label('total'), '', c.num(approvedItems), c.num(f.actual), c.num((Math.round(approvedItems * 100) - Math.round(f.actual * 100)) / 100), c.percent(ratio(f.actual, approvedItems)), ''],
        ),
        ...(i.investment.notes ? c.paras(i.investment.notes) : []),
      ],
      funding_sources: [
        c.table(
          [noCol, col('channel', 5), numberCol('approvedAmount'), numberCol('receivedAmount'), numberCol('spentAmount'), col('receivedRate', 2, 'right')],
          bySource.map((s, k) => [n(k), c.text(s.channel), c.num(s.approved), c.num(s.received), c.num(s.spent), c.percent(ratio(s.received, s.approved))]),
          [c.label('total'), '', c.num(sourcesApproved), c.num(received), c.num(spent), c.percent(ratio(received, sourcesApproved))],
        ),
        ...c.sentence('fundingSummary', investVars),
      ],
      savings: [
        ...c.sentence('savingsAmount', investVars),
        ...(sr
          ? c.sentence('savingsReturned', (l) => ({
              amount: l.wan(sr.amount),
              date: l.date(sr.date),
              channel: l.text(sr.channel),
              ref: sr.reference ? paren(l, docRef(l, sr.reference)) : '',
            }))
          : c.sentence('savingsPending', investVars)),
      ],
      final_accounts: [
        c.facts([
          ['auditor', c.text(fa.auditor)],
          ...opt(fa.reportNo, (r) => ['reportNo', c.text(r)] as const),
          ['auditDate', c.date(fa.date)],
          ['auditedAmount', c.wan(fa.auditedAmount)],
        ]),
        ...c.paras(fa.opinion),
      ],

      procurement: c.sentence('procurementLead', (l) => ({ count: contracts.length, amount: l.wan(contractTotal), tendered })),
      tendering: c.paras(i.procurement.summary),
      contracts: [
        c.table(
          [noCol, col('contractName', 5), col('supplier', 4), col('method', 2, 'center'), numberCol('amount'), col('signDate', 3, 'center')],
          contracts.map((x, k) => [n(k), c.text(x.name), c.text(x.supplier), enumCell('methodOf', x.method), c.num(x.amount), c.date(x.signDate)]),
          [c.label('total'), '', '', '', c.num(contractTotal), ''],
        ),
      ],
      contract_filing: [
        ...c.sentence('contractFilingRule', (l) => ({ days: CONTRACT_FILING_WORKING_DAYS, department: l.text(p.approvingDepartment) })),
        c.table(
          [noCol, col('contractName', 6), col('signDate', 3, 'center'), col('filedDate', 3, 'center'), col('workingDays', 2, 'center')],
          contracts.map((x, k) => [
            n(k),
            c.text(x.name),
            c.date(x.signDate),
            x.filedDate ? c.date(x.filedDate) : c.label('notFiled'),
            x.filedDate ? String(workingDaysBetween(x.signDate, x.filedDate)) : '—',
          ]),
        ),
        ...c.sentence(
          contracts.every((x) => x.filedDate && workingDaysBetween(x.signDate, x.filedDate) <= CONTRACT_FILING_WORKING_DAYS) ? 'contractFilingAllInTime' : 'contractFilingSomeLate',
          () => ({ days: CONTRACT_FILING_WORKING_DAYS }),
        ),
      ],

      supervision: [
        c.facts([
          ['supervisor', c.text(i.supervision.supervisor)],
          ...opt(i.supervision.creditCode, (x) => ['creditCode', x] as const),
          ...opt(i.supervision.contractAmount, (x) => ['contractAmount', c.wan(x)] as const),
          ['supervisionReport', docRef(c, i.supervision.report)],
        ]),
        ...c.paras(i.supervision.opinion),
      ],

      testing: c.sentence('testingLead', () => ({ count: i.tests.length, passed: i.tests.filter((t) => t.result !== 'failed').length })),
      system_tests: [
        c.table(
          [noCol, col('testName', 4), col('testType', 2, 'center'), col('testOrg', 4), col('date', 3, 'center'), col('result', 2, 'center'), col('reportNo', 3)],
          i.tests.map((t, k) => [n(k), c.text(t.name), enumCell('testTypeOf', t.type), c.text(t.org), c.date(t.date), enumCell('resultOf', t.result), t.reportNo ? c.text(t.reportNo) : '—']),
        ),
      ],
      trial_operation: tr
        ? [
            ...c.sentence('trialPeriod', (l) => ({ start: l.date(tr.start), end: l.date(tr.end), days: daysInclusive(tr.start, tr.end) })),
            ...(tr.scope ? c.paras(tr.scope) : []),
            ...c.paras(tr.findings),
            ...(ra.duringTrial ? c.sentence('trialRiskAssessment', (l) => ({ org: l.text(ra.org), date: l.date(ra.date) })) : []),
          ]
        : [],

      security: [
        ...c.sentence('securityLead', (l) => ({ level: securityLevelText(l, i) })),
        ...(i.security.measures ? c.paras(i.security.measures) : []),
      ],
      mlps_assessment: [
        assessmentFacts(pa, [['protectionLevel', securityLevelText(c, i)]], opt(pa.filingNo, (x) => ['mlpsFilingNo', c.text(x)] as const)),
        ...c.sentence('mlpsSummary', (l) => ({ org: l.text(pa.org), date: l.date(pa.date), level: securityLevelText(l, i), conclusion: l.label(`assessOf.${pa.conclusion}`) })),
      ],
      classified_assessment: [
        assessmentFacts(pa, [['classifiedGrade', securityLevelText(c, i)]]),
        ...c.sentence('classifiedSummary', (l) => ({ org: l.text(pa.org), date: l.date(pa.date), conclusion: l.label(`assessOf.${pa.conclusion}`) })),
      ],
      classified_approval: i.security.classifiedApproval
        ? c.sentence('classifiedApproved', (l) => {
            const ca = i.security.classifiedApproval!;
            return { authority: l.text(ca.authority), docNo: normalizeDocNumber(ca.docNo), date: l.date(ca.date) };
          })
        : c.sentence('classifiedApprovalPending', () => ({})),
      risk_assessment: [
        c.facts([
          ['assessmentOrg', c.text(ra.org)],
          ['assessmentDate', c.date(ra.date)],
          ...opt(ra.reportNo, (r) => ['reportNo', c.text(r)] as const),
          ['duringTrial', c.label(ra.duringTrial ? 'yesValue' : 'noValue')],
        ]),
        ...c.paras(ra.conclusion),
      ],
      crypto_assessment: [
        assessmentFacts(i.crypto, []),
        ...c.sentence('cryptoSummary', (l) => ({ org: l.text(i.crypto.org), date: l.date(i.crypto.date), conclusion: l.label(`assessOf.${i.crypto.conclusion}`) })),
        ...(i.crypto.summary ? c.paras(i.crypto.summary) : []),
      ],

      product_safety: [
        c.table(
          [noCol, col('product', 4), col('productCategory', 2, 'center'), col('supplier', 3), col('safetyStatement', 7)],
          i.productSafety.map((x, k) => [n(k), c.text(x.product), enumCell('categoryOf', x.category), x.supplier ? c.text(x.supplier) : '—', c.text(x.statement)]),
        ),
      ],
      energy_efficiency: [
        ...(i.energy.newDataCentre
          ? c.sentence(i.energy.pue === undefined ? 'energyNewDataCentre' : 'energyNewDataCentrePue', () => ({ pue: i.energy.pue ?? '' }))
          : c.sentence('energyNoDataCentre', () => ({}))),
        ...c.paras(i.energy.statement),
      ],

      sharing: c.sentence('sharingLead', (l) => ({ count: sh.resources.length, platform: l.text(sh.platform), date: l.date(sh.registeredDate) })),
      resource_catalogue: [
        c.table(
          [noCol, col('resourceName', 4), col('resourceCode', 3), col('resourceFormat', 2, 'center'), col('shareType', 2, 'center'), col('consumers', 4)],
          sh.resources.map((r, k) => [n(k), c.text(r.name), r.code ? c.text(r.code) : '—', c.text(r.format), enumCell('shareTypeOf', r.shareType), r.consumers ? c.text(r.consumers) : '—']),
        ),
        ...c.paras(sh.summary),
      ],
      system_catalogue: sh.systemCatalogue.listed
        ? c.sentence('systemListed', (l) => ({
            code: sh.systemCatalogue.code ? l.labelInline('catalogueCode', { code: l.text(sh.systemCatalogue.code) }) : '',
            date: sh.systemCatalogue.date ? l.labelInline('catalogueDate', { date: l.date(sh.systemCatalogue.date) }) : '',
            amount: l.wan(p.annualOandM.amount),
          }))
        : c.sentence('systemNotListed', () => ({})),
      catalogue_registration: c.sentence(regDays <= CATALOGUE_REGISTRATION_WORKING_DAYS ? 'registrationInTime' : 'registrationLate', (l) => ({
        preliminary: l.date(a.preliminaryDate),
        date: l.date(sh.registeredDate),
        platform: l.text(sh.platform),
        days: regDays,
        limit: CATALOGUE_REGISTRATION_WORKING_DAYS,
      })),

      archives: [
        c.facts([
          ['archivesAccepted', c.label(i.archives.accepted ? 'archivesPassed' : 'archivesNotPassed')],
          ...opt(i.archives.date, (d) => ['archivesDate', c.date(d)] as const),
          ['archivesOrganiser', c.text(i.archives.organiser)],
          ...opt(i.archives.reference, (r) => ['archivesReference', normalizeDocNumber(r)] as const),
          ...opt(i.archives.volumes, (v) => ['archivesVolumes', String(v)] as const),
          ...opt(i.archives.electronicFiles, (v) => ['electronicFiles', String(v)] as const),
        ]),
        ...c.paras(i.archives.summary),
      ],

      performance: c.sentence('performanceLead', () => ({ count: i.performanceResults.length, achieved })),
      results: c.paras(i.results),
      performance_results: [
        c.table(
          [noCol, col('indicator', 5), col('unit', 2, 'center'), col('targetValue', 2, 'center'), col('actualValue', 2, 'center'), col('achieved', 2, 'center'), col('note', 3)],
          i.performanceResults.map((r, k) => [
            n(k),
            c.text(r.indicator),
            r.unit ? c.text(r.unit) : '—',
            value(r.target),
            value(r.actual),
            c.label(r.achieved ? 'achievedYes' : 'achievedNo'),
            r.note ? c.text(r.note) : '',
          ]),
        ),
      ],

      operation: [
        c.facts([
          ['operationUnit', c.text(i.operation.unit)],
          ['annualOandM', c.wan(p.annualOandM.amount)],
          ['channel', c.text(p.annualOandM.channel)],
        ]),
        ...c.paras(i.operation.arrangement),
      ],
      open_issues: i.openIssues.length
        ? [
            c.table(
              [noCol, col('issue', 6), col('measure', 6), col('owner', 3), col('due', 3, 'center')],
              i.openIssues.map((x, k) => [n(k), c.text(x.issue), c.text(x.measure), x.owner ? c.text(x.owner) : c.text(p.implementingBody), x.due ? c.date(x.due) : '—']),
            ),
          ]
        : c.sentence('noOpenIssues', () => ({})),

      conclusion: c.sentence(`verdictLead.${a.conclusion}`, (l) => ({ organiser: l.text(a.organiser), date: l.date(a.meetingDate), project: l.text(p.name) })),
      committee: [
        c.table(
          [noCol, col('memberName', 3), col('committeeRole', 2, 'center'), col('memberTitle', 4), col('memberOrg', 6)],
          a.committee.map((m, k) => [n(k), c.text(m.name), enumCell('roleOf', m.role), c.text(m.title), c.text(m.org)]),
        ),
      ],
      committee_opinion: [
        ...c.paras(a.opinion),
        ...c.sentence(`verdict.${a.conclusion}`, (l) => ({ project: l.text(p.name) })),
      ],

      attachments: c.sentence('attachmentsLead', (l) => ({ count: i.attachments.length, department: l.text(p.approvingDepartment) })),
      required_materials: [...c.sentence('requiredMaterialsLead', () => ({})), attachmentTable(required, 0)],
      other_attachments: [attachmentTable(others, required.length)],
    };
    return content;
  },
});
