// 绩效评价报告: the annual in-construction performance report (建设期年度绩效报告, 57号 Art. 20–21) and the
// post-acceptance self-evaluation (项目自评价报告, 57号 Art. 27), one filing with `kind` choosing the chapters.
import { defineFiling, type SectionCondition, type SectionDef } from '../filing.ts';
import { createContentContext, type Block, type ContentContext, type TableColumn } from '../content.ts';
import type { LText } from '../common.ts';
import { art } from '../../regulations/documents.ts';
import { formatQuantity, normalizeDocNumber } from '../../format/format.ts';
import { PerformanceEvaluationInput, type AnnualReport, type SelfEvaluation } from './schema.ts';
import { milestoneStatus, monthsBetween, ratio, selfEvaluationWindow, sum } from './rules.ts';

export { PerformanceEvaluationInput } from './schema.ts';
export { gradeFor, selfEvaluationWindow } from './rules.ts';

type I = PerformanceEvaluationInput;

const cond = (id: string, zh: string, en: string, test: (i: I) => boolean): SectionCondition<I> => ({ id, description: { zh, en }, test });

const KIND_ANNUAL = cond('kind_annual', '建设期年度绩效报告', 'annual in-construction report', (i) => i.kind === 'annual');
const KIND_SELF = cond('kind_self_evaluation', '项目验收投运后的自评价报告', 'post-acceptance self-evaluation', (i) => i.kind === 'self-evaluation');
const HAS_CONTRACTS = cond('annual_has_contracts', '列有合同时', 'when contracts are listed', (i) => i.kind === 'annual' && i.contracts.length > 0);
const IN_TRIAL = cond('annual_trial_operation', '系统已投入试运行时', 'when systems are in trial operation', (i) => i.kind === 'annual' && i.trialOperation.inOperation);
const SERIOUS_DELAY = cond('annual_serious_delay', '项目出现严重逾期时', 'when the project is seriously delayed', (i) => i.kind === 'annual' && i.seriousDelay !== undefined);
const INVESTMENT_LOSS = cond('annual_investment_loss', '项目出现重大投资损失时', 'when a major investment loss occurred', (i) => i.kind === 'annual' && i.investmentLoss !== undefined);

const N57 = (n: number) => ({ doc: 'gbf-2019-57' as const, article: art(n) });
const DISTRICT = (n: number) => ({ doc: 'district-measure' as const, article: art(n) });
const CUSTOMARY = { doc: 'customary' as const };
const MOF10 = { doc: 'cy-2020-10' as const };

const sections: SectionDef<I>[] = [
  // Both kinds
  { id: 'overview', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(9)] },

  // Annual in-construction report (57号 Art. 20–21; district measure Art. 14)
  { id: 'annual_targets', level: 1, binding: 'national', citations: [N57(20)], when: KIND_ANNUAL },
  { id: 'construction_progress', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },
  { id: 'progress_overview', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'progress_milestones', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'progress_contracts', level: 2, binding: 'customary', citations: [CUSTOMARY], when: HAS_CONTRACTS },
  { id: 'investment_execution', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },
  { id: 'investment_plan_execution', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'budget_execution', level: 2, binding: 'national', citations: [N57(20), N57(22)] },
  { id: 'trial_operation', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: IN_TRIAL },
  { id: 'trial_operation_effects', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'trial_operation_problems', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'indicator_completion', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(20)], when: KIND_ANNUAL },
  { id: 'opinions', level: 1, binding: 'national', citations: [N57(20)], when: KIND_ANNUAL },
  { id: 'user_unit_opinions', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'supervisor_opinion', level: 2, binding: 'national', citations: [N57(20)] },
  { id: 'issues', level: 1, binding: 'national', citations: [N57(21)], when: KIND_ANNUAL },
  { id: 'issues_rectification', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'serious_delay', level: 2, binding: 'national', citations: [N57(21)], when: SERIOUS_DELAY },
  { id: 'investment_loss', level: 2, binding: 'national', citations: [N57(21)], when: INVESTMENT_LOSS },
  { id: 'next_year_plan', level: 1, binding: 'customary', citations: [CUSTOMARY], when: KIND_ANNUAL },
  { id: 'annual_submission', level: 1, binding: 'national', citations: [N57(20), DISTRICT(14)], when: KIND_ANNUAL },

  // Post-acceptance self-evaluation (57号 Art. 27; district measure Art. 20; 财预〔2020〕10号)
  { id: 'se_targets', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(9)], when: KIND_SELF },
  { id: 'se_approach', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_decision_management', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_outputs', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_outcomes', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_application_benefits', level: 2, binding: 'customary', citations: [CUSTOMARY] },
  { id: 'se_information_sharing', level: 2, binding: 'customary', citations: [CUSTOMARY, { doc: 'gf-2016-51' }] },
  { id: 'se_satisfaction', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
  { id: 'se_operation_security', level: 1, binding: 'customary', citations: [CUSTOMARY, N57(28)], when: KIND_SELF },
  { id: 'se_conclusion', level: 1, binding: 'national', citations: [N57(27), MOF10, DISTRICT(20)], when: KIND_SELF },
  { id: 'se_problems', level: 1, binding: 'customary', citations: [CUSTOMARY], when: KIND_SELF },
  { id: 'se_submission', level: 1, binding: 'national', citations: [N57(27), DISTRICT(20)], when: KIND_SELF },
  { id: 'se_scoring_table', level: 1, binding: 'customary', citations: [CUSTOMARY, MOF10], when: KIND_SELF },
];

// ——— helpers ———

const col = (c: ContentContext, key: string, width: number, align?: TableColumn['align']): TableColumn => ({ label: c.label(key), width, ...(align ? { align } : {}) });
const DASH = '—';

/** A number as the reader expects it: thousands separators, at most two decimals. */
const fmtNumber = formatQuantity;

function fmtValue(c: ContentContext, v: number | LText): string {
  return typeof v === 'number' ? fmtNumber(v) : c.text(v);
}

function pct(c: ContentContext, r: number | null): string {
  return r === null ? DASH : c.percent(r);
}

/** A parenthetical after a name: `（…）` in Chinese, ` (…)` in English; in bilingual text that already holds one, `，…`. */
function paren(c: ContentContext, s: string): string {
  if (c.lang === 'en') return ` (${s})`;
  return c.locale === 'bilingual' && s.includes('（') ? `，${s}` : `（${s}）`;
}

/** A string built from catalogue text and caller text per language; bilingual joins the two with `sep`. */
function perLang(c: ContentContext, build: (l: ContentContext) => string, sep = ' / '): string {
  if (c.locale !== 'bilingual') return build(c);
  return `${build(createContentContext(c.filingId, 'zh-CN'))}${sep}${build(createContentContext(c.filingId, 'en'))}`;
}

const ucfirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function hasEn(t: LText): boolean {
  return typeof t !== 'string' && t.en !== undefined;
}

/** Caller text after a catalogue prefix (`问题：…`), per language; bilingual adds the English line only when given. */
function prefixed(c: ContentContext, prefix: (l: ContentContext) => string, t: LText): Block[] {
  return c.both((l) => (c.locale === 'bilingual' && l.lang === 'en' && !hasEn(t) ? [] : [l.p(`${prefix(l)}${l.text(t)}`)]));
}

/** `A、B和C` / `A, B and C`. */
function joinList(l: ContentContext, items: readonly LText[]): string {
  const names = items.map((t) => l.text(t));
  if (names.length <= 1) return names.join('');
  const last = names[names.length - 1]!;
  const head = names.slice(0, -1);
  return l.lang === 'en' ? `${head.join(', ')} and ${last}` : `${head.join('、')}和${last}`;
}

function targetsTable(c: ContentContext, p: I['project']): Block {
  return c.table(
    [col(c, 'no', 1, 'center'), col(c, 'objective', 4.5), col(c, 'indicator', 4.5), col(c, 'indicatorType', 2.6, 'center'), col(c, 'unitShort', 2, 'center'), col(c, 'targetValue', 2.2, 'right')],
    p.performanceTargets.map((t, n) => [String(n + 1), c.text(t.objective), c.text(t.indicator), c.label(`type_${t.type}`), t.unit ? c.text(t.unit) : DASH, fmtValue(c, t.targetValue)]),
  );
}

function fundingTable(c: ContentContext, p: I['project']): Block {
  return c.table(
    [col(c, 'no', 1, 'center'), col(c, 'channel', 6), col(c, 'amount', 3, 'right')],
    p.fundingSources.map((f, n) => [String(n + 1), c.text(f.channel), c.num(f.amount)]),
    ['', c.label('total'), c.num(sum(p.fundingSources.map((f) => f.amount)))],
  );
}

function projectFacts(i: I, c: ContentContext): Array<readonly [string, string]> {
  const p = i.project;
  return [
    ['projectName', c.text(p.name)],
    ['projectCode', p.code],
    ['constructionUnit', `${c.text(p.constructionUnit.name)}${paren(c, p.constructionUnit.creditCode)}`],
    ['implementingBody', c.text(p.implementingBody)],
    ['leader', c.text(p.leader.name) + (p.leader.title ? paren(c, c.text(p.leader.title)) : '')],
    ...(p.crossDepartment
      ? ([
          ['leadDepartment', c.text(p.crossDepartment.leadDepartment)],
          ['coBuilders', joinList(c, p.crossDepartment.coBuilders)],
        ] as const)
      : []),
    ['approvingDepartment', c.text(p.approvingDepartment)],
    ['approvalDocument', `${normalizeDocNumber(i.approval.docNo)}${paren(c, c.date(i.approval.date))}`],
    ['approvedInvestment', c.stated(p.totalInvestment)],
    ['constructionPeriod', `${c.date(i.approval.plannedStart)} — ${c.date(i.approval.plannedCompletion)}`],
    ['securityLevel', p.securityLevel.scheme === 'mlps' ? c.labelInline('mlpsLevel', { level: String(p.securityLevel.level) }) : c.labelInline(`classified_${String(p.securityLevel.level)}`)],
  ];
}

// ——— annual report ———

function annualContent(i: AnnualReport, c: ContentContext): Partial<Record<string, Block[]>> {
  const p = i.project;
  const plan = i.investment.plan;
  const issued = sum(plan.map((r) => r.issued));
  const received = sum(plan.map((r) => r.received));
  const spent = sum(plan.map((r) => r.spent));
  const statuses = i.milestones.map((m) => milestoneStatus(m, i.reportDate));
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const ind = (s: string) => i.indicators.filter((r) => r.status === s).length;
  const recipientsLine = (l: ContentContext) => joinList(l, i.recipients);

  const vars = (l: ContentContext) => ({
    project: l.text(p.name),
    basis: l.label(`basisAnnual_${p.jurisdiction.profile}`),
    year: i.year,
    reportDate: l.date(i.reportDate),
    percent: l.percent(i.progress.percentComplete),
    milestones: i.milestones.length,
    reached: count('on-time') + count('late'),
    onTime: count('on-time'),
    late: count('late'),
    overdue: count('overdue'),
    pending: count('pending'),
    issued: l.wan(issued),
    received: l.wan(received),
    spent: l.wan(spent),
    receivedRate: pct(l, ratio(received, issued)),
    executionRate: pct(l, ratio(spent, issued)),
    approved: l.wan(p.totalInvestment),
    cumulative: l.wan(i.investment.cumulativeSpent),
    budgetRate: pct(l, ratio(i.investment.cumulativeSpent, p.totalInvestment)),
    remaining: l.wan(Math.max(0, sum([p.totalInvestment, -i.investment.cumulativeSpent]))),
    indicators: i.indicators.length,
    met: ind('met'),
    onTrack: ind('on-track'),
    behind: ind('behind') + ind('not-met'),
    recipients: recipientsLine(l),
    department: l.text(p.approvingDepartment),
  });

  const trial = i.trialOperation;
  // The unit (and date) lead the opinion as a plain paragraph: a bold minor heading would make Chromium synthesise bold CJK glyphs.
  const opinionBlocks = (o: AnnualReport['supervisorOpinion']): Block[] => [
    c.p(`${c.text(o.unit)}${o.date ? paren(c, c.date(o.date)) : ''}${c.lang === 'en' ? ':' : '：'}`),
    ...c.paras(o.opinion),
  ];

  const contractsTotal = ['', c.label('total'), '', c.num(sum(i.contracts.map((k) => k.amount))), c.num(sum(i.contracts.map((k) => k.paid))), pct(c, ratio(sum(i.contracts.map((k) => k.paid)), sum(i.contracts.map((k) => k.amount))))];

  return {
    overview: [
      ...c.sentence('annualOverview', vars),
      c.facts([...projectFacts(i, c), ['reportingYear', c.labelInline('yearValue', { year: i.year })]]),
      ...c.sentence('fundingSourcesLead', () => ({})),
      fundingTable(c, p),
    ],
    annual_targets: [
      ...c.paras(i.annualTargets),
      ...c.sentence('approvedTargetsLead', () => ({})),
      targetsTable(c, p),
    ],
    progress_overview: [...c.sentence('progressSummary', vars), ...c.paras(i.progress.summary)],
    progress_milestones: [
      ...c.sentence('milestoneSummary', vars),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'milestone', 4.2), col(c, 'plannedDate', 4.2, 'center'), col(c, 'actualDate', 4.2, 'center'), col(c, 'status', 3, 'center'), col(c, 'remark', 3.2)],
        i.milestones.map((m, n) => [
          String(n + 1),
          c.text(m.name),
          c.date(m.planned),
          m.actual ? c.date(m.actual) : DASH,
          c.label(`milestone_${statuses[n]!}`),
          m.note ? c.text(m.note) : DASH,
        ]),
      ),
    ],
    progress_contracts: [
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'contract', 5), col(c, 'supplier', 4.5), col(c, 'contractAmount', 2.8, 'right'), col(c, 'paidAmount', 2.8, 'right'), col(c, 'paymentRate', 2.6, 'right')],
        i.contracts.map((k, n) => [String(n + 1), c.text(k.name) + (k.signDate ? `\n${perLang(c, (l) => l.label('signedOn', { date: l.date(k.signDate!) }))}` : ''), c.text(k.supplier), c.num(k.amount), c.num(k.paid), pct(c, ratio(k.paid, k.amount))]),
        contractsTotal,
      ),
    ],
    investment_plan_execution: [
      ...c.sentence('planSummary', vars),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'planLine', 6), col(c, 'issued', 2.5, 'right'), col(c, 'received', 2.5, 'right'), col(c, 'spent', 2.5, 'right'), col(c, 'receivedRate', 2, 'right'), col(c, 'executionRate', 2, 'right')],
        plan.map((r, n) => [
          String(n + 1),
          c.text(r.channel) + (r.docNo ? `\n${normalizeDocNumber(r.docNo)}` : ''),
          c.num(r.issued),
          c.num(r.received),
          c.num(r.spent),
          pct(c, ratio(r.received, r.issued)),
          pct(c, ratio(r.spent, r.issued)),
        ]),
        ['', c.label('total'), c.num(issued), c.num(received), c.num(spent), pct(c, ratio(received, issued)), pct(c, ratio(spent, issued))],
      ),
      ...c.sentence('rateNote', () => ({})),
      ...(i.investment.notes ? c.paras(i.investment.notes) : []),
    ],
    budget_execution: [
      ...c.sentence('budgetSummary', vars),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'budgetItem', 7), col(c, 'amount', 3, 'right')],
        p.investmentBreakdown.map((b, n) => [String(n + 1), c.text(b.item), c.num(b.amount)]),
        ['', c.label('total'), c.num(sum(p.investmentBreakdown.map((b) => b.amount)))],
      ),
    ],
    ...(trial.inOperation
      ? {
          trial_operation_effects: [
            ...c.sentence('trialStart', (l) => ({ systems: joinList(l, trial.systems), date: l.date(trial.startDate) })),
            ...c.paras(trial.effects),
          ],
          trial_operation_problems: c.list(trial.problems),
        }
      : {}),
    indicator_completion: [
      ...c.sentence('indicatorSummary', vars),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'indicator', 4.2), col(c, 'unitShort', 2, 'center'), col(c, 'targetValue', 2.2, 'right'), col(c, 'actualValue', 2.2, 'right'), col(c, 'status', 2.8, 'center'), col(c, 'deviationReason', 5.5)],
        i.indicators.map((r, n) => [
          String(n + 1),
          c.text(r.indicator),
          r.unit ? c.text(r.unit) : DASH,
          fmtValue(c, r.target),
          r.actual === undefined ? DASH : fmtValue(c, r.actual),
          c.label(`indicator_${r.status}`),
          r.deviationReason ? c.text(r.deviationReason) : DASH,
        ]),
      ),
    ],
    user_unit_opinions: [...c.sentence('userOpinionsLead', () => ({ count: i.userUnitOpinions.length })), ...i.userUnitOpinions.flatMap(opinionBlocks)],
    supervisor_opinion: opinionBlocks(i.supervisorOpinion),
    issues_rectification: i.problems.flatMap((pr, n) => [
      ...prefixed(c, (l) => `${n + 1}. ${l.label('problemPrefix')}`, pr.problem),
      ...prefixed(c, (l) => l.label('measurePrefix'), pr.measure),
    ]),
    ...(i.seriousDelay
      ? {
          serious_delay: [
            ...c.paras(i.seriousDelay.description),
            ...(i.seriousDelay.reportedOn ? c.sentence('reportedOn', (l) => ({ date: l.date(i.seriousDelay!.reportedOn!), department: l.text(p.approvingDepartment) })) : []),
            ...c.paras(i.seriousDelay.measures),
          ],
        }
      : {}),
    ...(i.investmentLoss
      ? {
          investment_loss: [
            ...c.sentence('lossAmount', (l) => ({ amount: l.wan(i.investmentLoss!.amount) })),
            ...c.paras(i.investmentLoss.description),
            ...(i.investmentLoss.reportedOn ? c.sentence('reportedOn', (l) => ({ date: l.date(i.investmentLoss!.reportedOn!), department: l.text(p.approvingDepartment) })) : []),
            ...c.paras(i.investmentLoss.measures),
          ],
        }
      : {}),
    next_year_plan: [
      ...c.paras(i.nextYearPlan.goals),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'task', 7), col(c, 'owner', 4), col(c, 'due', 3, 'center')],
        i.nextYearPlan.tasks.map((t, n) => [String(n + 1), c.text(t.task), c.text(t.owner ?? p.implementingBody), t.due ? c.date(t.due) : DASH]),
      ),
      ...(i.nextYearPlan.investment !== undefined ? c.sentence('nextYearInvestment', (l) => ({ year: i.year + 1, amount: l.wan(i.nextYearPlan.investment!) })) : []),
    ],
    annual_submission: [
      ...c.sentence('annualSubmission', vars),
      ...(i.contact ? c.sentence('contactLine', (l) => ({ name: l.text(i.contact!.name), phone: i.contact!.phone ?? DASH })) : []),
    ],
  };
}

// ——— self-evaluation ———

type Row = SelfEvaluation['indicatorTree'][number];

function aspectTable(c: ContentContext, rows: readonly Row[]): Block[] {
  if (!rows.length) return [];
  return [
    c.table(
      [col(c, 'level2', 3), col(c, 'level3', 5), col(c, 'targetValue', 2.5, 'right'), col(c, 'actualValue', 2.5, 'right'), col(c, 'weight', 1.5, 'right'), col(c, 'score', 1.5, 'right')],
      rows.map((r) => [c.text(r.level2), c.text(r.level3) + (r.unit ? paren(c, c.text(r.unit)) : ''), fmtValue(c, r.target), fmtValue(c, r.actual), fmtNumber(r.weight), fmtNumber(r.score)]),
      [c.label('subtotal'), '', '', '', fmtNumber(sum(rows.map((r) => r.weight))), fmtNumber(sum(rows.map((r) => r.score)))],
    ),
  ];
}

/** Rows grouped by level-1 indicator, in order of first appearance. */
function byLevel1(rows: readonly Row[]): Array<{ label: Row['level1']; rows: Row[] }> {
  const groups: Array<{ key: string; label: Row['level1']; rows: Row[] }> = [];
  for (const r of rows) {
    const key = typeof r.level1 === 'string' ? r.level1 : r.level1.zh;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, label: r.level1, rows: [] }));
    g.rows.push(r);
  }
  return groups;
}

function selfContent(i: SelfEvaluation, c: ContentContext): Partial<Record<string, Block[]>> {
  const p = i.project;
  const tree = i.indicatorTree;
  const of = (aspect: Row['aspect']) => tree.filter((r) => r.aspect === aspect);
  const groups = byLevel1(tree);
  const window = selfEvaluationWindow(i.acceptanceDate);
  const s = i.satisfactionSurvey;
  const st = i.sharingStats;
  const om = i.oAndMSpend;
  const gradeLabel = (l: ContentContext) => l.label(`grade_${i.grade}`);
  const frameworkName = (l: ContentContext) => (i.framework === 'custom' && i.frameworkName ? l.text(i.frameworkName) : l.label(`framework_${i.framework}`));

  const vars = (l: ContentContext) => ({
    project: l.text(p.name),
    basis: l.label(`basisSelf_${p.jurisdiction.profile}`),
    acceptance: l.date(i.acceptanceDate),
    operation: l.date(i.operationStartDate),
    evaluation: l.date(i.evaluationDate),
    months: monthsBetween(i.acceptanceDate, i.evaluationDate),
    windowFrom: l.date(window.from),
    windowTo: l.date(window.to),
    approved: l.wan(p.totalInvestment),
    actual: l.wan(i.actualInvestment),
    budgetRate: pct(l, ratio(i.actualInvestment, p.totalInvestment)),
    savings: l.wan(Math.max(0, sum([p.totalInvestment, -i.actualInvestment]))),
    framework: frameworkName(l),
    indicators: tree.length,
    level1: groups.length,
    weights: groups.map((g) => l.labelInline('weightPart', { name: l.text(g.label), weight: fmtNumber(sum(g.rows.map((r) => r.weight))) })).join(l.lang === 'en' ? ', ' : '、'),
    score: fmtNumber(i.totalScore),
    grade: gradeLabel(l),
    department: l.text(p.approvingDepartment),
    recipients: joinList(l, i.recipients),
  });

  return {
    overview: [
      ...c.sentence('selfOverview', vars),
      c.facts([
        ...projectFacts(i, c),
        ...(i.completionDate ? ([['completionDate', c.date(i.completionDate)]] as const) : []),
        ['acceptanceDate', c.date(i.acceptanceDate)],
        ['operationStartDate', c.date(i.operationStartDate)],
        ['actualInvestment', `${c.wan(i.actualInvestment)}${paren(c, c.labelInline('budgetRateInline', { rate: pct(c, ratio(i.actualInvestment, p.totalInvestment)) }))}`],
        ['annualOandM', `${c.wan(p.annualOandM.amount)}${paren(c, c.text(p.annualOandM.channel))}`],
      ]),
      ...(i.actualInvestment < p.totalInvestment ? c.sentence('savingsNote', vars) : []),
      ...c.sentence('fundingSourcesLead', () => ({})),
      fundingTable(c, p),
    ],
    se_targets: [...c.sentence('selfTargetsLead', vars), targetsTable(c, p)],
    se_approach: [
      ...c.sentence('approachSummary', vars),
      c.facts([
        ['evaluationBasis', i.approach.basis.map((b) => c.text(b)).join('\n')],
        ['framework', perLang(c, (l) => (l.lang === 'en' ? ucfirst(frameworkName(l)) : frameworkName(l)), '\n')],
        ['weighting', perLang(c, (l) => String(vars(l).weights), '\n')],
        ['dataSources', i.approach.dataSources.map((d) => c.text(d)).join('\n')],
        ['evaluationDate', c.date(i.evaluationDate)],
        ...(i.approach.team ? ([['evaluationTeam', c.text(i.approach.team)]] as const) : []),
      ]),
      ...c.paras(i.approach.methods),
    ],
    se_decision_management: [...c.paras(i.assessment.decisionManagement), ...aspectTable(c, of('decision-management'))],
    se_outputs: [...c.paras(i.assessment.outputs), ...aspectTable(c, of('output'))],
    se_application_benefits: [...c.paras(i.assessment.outcomes), ...aspectTable(c, of('outcome'))],
    se_information_sharing: [
      ...c.sentence('sharingSummary', (l) => ({
        date: l.date(st.asOf),
        catalogued: fmtNumber(st.resourcesCatalogued),
        shared: fmtNumber(st.resourcesShared),
        calls: fmtNumber(st.calls),
        shareRate: pct(l, ratio(st.resourcesShared, st.resourcesCatalogued)),
      })),
      c.facts([
        ['resourcesCatalogued', fmtNumber(st.resourcesCatalogued)],
        ['resourcesShared', fmtNumber(st.resourcesShared)],
        ['shareRate', pct(c, ratio(st.resourcesShared, st.resourcesCatalogued))],
        ['sharingCalls', fmtNumber(st.calls)],
        ...(st.consumerDepartments !== undefined ? ([['consumerDepartments', fmtNumber(st.consumerDepartments)]] as const) : []),
        ...(st.dataVolume ? ([['dataVolume', c.text(st.dataVolume)]] as const) : []),
      ]),
      ...(i.assessment.sharing ? c.paras(i.assessment.sharing) : []),
      ...aspectTable(c, of('sharing')),
    ],
    se_satisfaction: [
      ...c.sentence(s.validResponses !== undefined ? 'surveySummaryValid' : 'surveySummary', (l) => ({
        method: l.text(s.method),
        respondents: l.text(s.respondents),
        sample: fmtNumber(s.sampleSize),
        valid: s.validResponses !== undefined ? fmtNumber(s.validResponses) : '',
        rate: l.percent(s.rate),
      })),
      ...(s.from && s.to ? c.sentence('surveyPeriod', (l) => ({ from: l.date(s.from!), to: l.date(s.to!) })) : []),
      ...(s.findings ? c.paras(s.findings) : []),
      ...aspectTable(c, of('satisfaction')),
    ],
    se_operation_security: [
      ...c.paras(i.assessment.operationSecurity),
      ...c.sentence('omSpendLead', () => ({})),
      c.table(
        [col(c, 'year', 2, 'center'), col(c, 'omBudget', 3, 'right'), col(c, 'omSpent', 3, 'right'), col(c, 'executionRate', 2, 'right')],
        om.map((r) => [c.labelInline('yearValue', { year: r.year }), c.num(r.budget), c.num(r.spent), pct(c, ratio(r.spent, r.budget))]),
        [c.label('total'), c.num(sum(om.map((r) => r.budget))), c.num(sum(om.map((r) => r.spent))), pct(c, ratio(sum(om.map((r) => r.spent)), sum(om.map((r) => r.budget))))],
      ),
      ...(i.securityAssessments.length
        ? [
            ...c.sentence('assessmentsLead', () => ({})),
            c.table(
              [col(c, 'no', 1, 'center'), col(c, 'assessment', 4), col(c, 'date', 3, 'center'), col(c, 'agency', 4), col(c, 'conclusion', 4)],
              i.securityAssessments.map((a, n) => [String(n + 1), c.label(`assessment_${a.kind}`), c.date(a.date), a.agency ? c.text(a.agency) : DASH, c.text(a.conclusion)]),
            ),
          ]
        : []),
      ...aspectTable(c, of('operation-security')),
    ],
    se_conclusion: [
      ...c.sentence('scoreSummary', vars),
      c.table(
        [col(c, 'no', 1, 'center'), col(c, 'level1', 5), col(c, 'weight', 2, 'right'), col(c, 'score', 2, 'right'), col(c, 'scoreRate', 2, 'right')],
        groups.map((g, n) => {
          const w = sum(g.rows.map((r) => r.weight));
          const sc = sum(g.rows.map((r) => r.score));
          return [String(n + 1), c.text(g.label), fmtNumber(w), fmtNumber(sc), pct(c, ratio(sc, w))];
        }),
        ['', c.label('total'), fmtNumber(sum(tree.map((r) => r.weight))), fmtNumber(sum(tree.map((r) => r.score))), pct(c, ratio(sum(tree.map((r) => r.score)), sum(tree.map((r) => r.weight))))],
      ),
      ...c.sentence('gradeBands', vars),
      ...c.paras(i.conclusion),
    ],
    se_problems: [
      ...i.problems.flatMap((pr, n) => [
        ...prefixed(c, (l) => `${n + 1}. ${l.label('problemPrefix')}`, pr.problem),
        ...prefixed(c, (l) => l.label('recommendationPrefix'), pr.recommendation),
      ]),
      ...(i.lessons ? [...c.sentence('lessonsLead', () => ({})), ...c.paras(i.lessons)] : []),
    ],
    se_submission: [
      ...c.sentence('selfSubmission', vars),
      ...(i.thirdPartyPostEvaluation
        ? c.sentence('thirdParty', (l) => ({
            by: l.text(i.thirdPartyPostEvaluation!.commissionedBy ?? p.approvingDepartment),
            organisation: l.text(i.thirdPartyPostEvaluation!.organisation),
          }))
        : c.sentence('thirdPartyOptional', vars)),
      ...(i.thirdPartyPostEvaluation?.note ? c.paras(i.thirdPartyPostEvaluation.note) : []),
      ...(i.contact ? c.sentence('contactLine', (l) => ({ name: l.text(i.contact!.name), phone: i.contact!.phone ?? DASH })) : []),
    ],
    se_scoring_table: [
      c.table(
        [
          col(c, 'no', 1, 'center'),
          col(c, 'level1', 1.8),
          col(c, 'level2', 2.4),
          col(c, 'level3', 3.6),
          col(c, 'weight', 1.6, 'right'),
          col(c, 'targetValue', 2.2, 'right'),
          col(c, 'actualValue', 2.2, 'right'),
          col(c, 'score', 1.6, 'right'),
          col(c, 'evidence', 3.6),
        ],
        tree.map((r, n) => {
          const prev = tree[n - 1];
          const same = (a: LText | undefined, b: LText) => a !== undefined && (typeof a === 'string' ? a : a.zh) === (typeof b === 'string' ? b : b.zh);
          const firstOfL1 = !same(prev?.level1, r.level1);
          const evidence = [r.evidence ? c.text(r.evidence) : '', r.deductionReason ? perLang(c, (l) => l.label('deduction', { reason: l.text(r.deductionReason!) }), '\n') : ''].filter(Boolean).join('\n');
          return [
            String(n + 1),
            firstOfL1 ? c.text(r.level1) : '',
            firstOfL1 || !same(prev?.level2, r.level2) ? c.text(r.level2) : '',
            c.text(r.level3) + (r.unit ? paren(c, c.text(r.unit)) : ''),
            fmtNumber(r.weight),
            fmtValue(c, r.target),
            fmtValue(c, r.actual),
            fmtNumber(r.score),
            evidence || DASH,
          ];
        }),
        ['', c.label('total'), '', '', fmtNumber(sum(tree.map((r) => r.weight))), '', '', fmtNumber(sum(tree.map((r) => r.score))), `${gradeLabel(c)}`],
      ),
    ],
  };
}

export const performanceEvaluation = defineFiling({
  id: 'performance-evaluation',
  schema: PerformanceEvaluationInput,
  layout: 'report',
  sections,
  dateOf: (i) => (i.kind === 'annual' ? i.reportDate : i.evaluationDate),
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => ({
    title: c.text(i.project.name),
    filingName: i.kind === 'annual' ? c.label('filingNameAnnual', { year: i.year }) : c.label('filingNameSelf'),
    unit: c.text(i.project.constructionUnit.name),
    ...(i.docNo ? { docNo: normalizeDocNumber(i.docNo) } : {}),
  }),
  content: (i, c) => (i.kind === 'annual' ? annualContent(i, c) : selfContent(i, c)),
});
