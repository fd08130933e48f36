// Derived figures of the 绩效评价报告 and its pre-render checks K1–K9 (regulations.md §7.4).
// The checks are pure functions over a schema-valid input; they report, they do not throw.
import type { LText } from '../common.ts';
import { addMonths } from '../../format/dates.ts';
import { toCents } from '../../format/format.ts';
import type { AnnualReport, PerformanceEvaluationInput, SelfEvaluation } from './schema.ts';
import { GRADES } from './schema.ts';

export type Grade = (typeof GRADES)[number];

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (财预〔2020〕10号). */
export function gradeFor(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}

/** Share of `part` in `whole` as a percentage, or null when the whole is zero. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

export const sum = (values: readonly number[]): number => toCents(values.reduce((a, b) => a + b, 0)) / 100;

/** 12–24 months after acceptance (57号 Art. 27; district measure Art. 20). */
export function selfEvaluationWindow(acceptanceDate: string): { from: string; to: string } {
  return { from: addMonths(acceptanceDate, 12), to: addMonths(acceptanceDate, 24) };
}

/** Whole months from one ISO date to another (by calendar, the day clamped as in addMonths). */
export function monthsBetween(from: string, to: string): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

export type MilestoneStatus = 'on-time' | 'late' | 'overdue' | 'pending';

/** Reached on time / reached late / not reached and overdue at the report date / not yet due. */
export function milestoneStatus(m: { planned: string; actual?: string | undefined }, reportDate: string): MilestoneStatus {
  if (m.actual) return m.actual <= m.planned ? 'on-time' : 'late';
  return m.planned < reportDate ? 'overdue' : 'pending';
}

export function zhOf(t: LText | undefined): string {
  return t === undefined ? '' : typeof t === 'string' ? t : t.zh;
}

export interface CheckFinding {
  /** Rule id from regulations.md §7.4. */
  rule: string;
  severity: 'error' | 'warning';
  /** JSON Pointer of the field the finding is about. */
  path: string;
  message: { zh: string; en: string };
}

const TOLERANCE = 0.01;

function annualChecks(i: AnnualReport, out: CheckFinding[]): void {
  const yearEnd = `${i.year}-12-31`;
  // K1: before the year-end of the reported year, and the project still under construction.
  if (i.reportDate > yearEnd) {
    out.push({ rule: 'K1', severity: 'error', path: '/reportDate', message: { zh: `年度绩效报告应于${i.year}年12月31日前报送。`, en: `The annual report must be submitted by 31 December ${i.year}.` } });
  }
  if (i.reportDate < `${i.year}-01-01`) {
    out.push({ rule: 'K1', severity: 'warning', path: '/reportDate', message: { zh: '报告日期早于所报告的年度。', en: 'The report date is before the year reported on.' } });
  }
  if (i.year < Number(i.approval.plannedStart.slice(0, 4))) {
    out.push({ rule: 'K1', severity: 'error', path: '/year', message: { zh: '报告年度早于项目开工年度。', en: 'The year reported on is before construction started.' } });
  }
  if (i.year > Number(i.approval.plannedCompletion.slice(0, 4)) && !i.seriousDelay) {
    out.push({ rule: 'K1', severity: 'warning', path: '/year', message: { zh: '报告年度晚于批复的建设期，如项目严重逾期应予说明（57号第二十一条）。', en: 'The year is after the approved construction period; a serious delay must be reported (Art. 21).' } });
  }
  // K2, K3, K4 are structural and enforced by the schema (progress, milestones and investment plan required;
  // trial operation ⇒ effects and problems; user-unit opinions ≥ 1 and the supervisor's opinion required).
  // K5: district — recipients include the finance department (district measure Art. 14); every report goes to the approver (Art. 20).
  const to = new Set(i.recipients.map(zhOf));
  if (!to.has(zhOf(i.project.approvingDepartment))) {
    out.push({ rule: 'K5', severity: 'error', path: '/recipients', message: { zh: '年度绩效报告应报送项目审批部门。', en: 'The annual report must go to the approving department.' } });
  }
  if (i.project.jurisdiction.profile === 'district') {
    const finance = zhOf(i.project.financeDepartment);
    if (!finance || !to.has(finance)) {
      out.push({ rule: 'K5', severity: 'error', path: finance ? '/recipients' : '/project/financeDepartment', message: { zh: '区级项目的年度绩效报告应同时报送财政部门。', en: 'A district annual report must also go to the finance department.' } });
    }
  }
  // K9: every approved indicator reported with an actual value or a reason.
  i.project.performanceTargets.forEach((t, n) => {
    const row = i.indicators.find((r) => zhOf(r.indicator) === zhOf(t.indicator));
    if (!row || (row.actual === undefined && row.deviationReason === undefined)) {
      out.push({ rule: 'K9', severity: 'warning', path: `/project/performanceTargets/${n}`, message: { zh: `批复的绩效指标“${zhOf(t.indicator)}”未报告实际值或偏差原因。`, en: `Approved indicator "${zhOf(t.indicator)}" has no actual value or reason.` } });
    }
  });
  i.indicators.forEach((r, n) => {
    if ((r.status === 'behind' || r.status === 'not-met') && r.deviationReason === undefined) {
      out.push({ rule: 'K9', severity: 'warning', path: `/indicators/${n}/deviationReason`, message: { zh: '未完成或滞后的指标应说明偏差原因。', en: 'An indicator behind or not met needs a deviation reason.' } });
    }
  });
}

function selfEvaluationChecks(i: SelfEvaluation, out: CheckFinding[]): void {
  // K6: 12–24 months after acceptance and entry into operation.
  const w = selfEvaluationWindow(i.acceptanceDate);
  if (i.evaluationDate < w.from || i.evaluationDate > w.to) {
    out.push({ rule: 'K6', severity: 'error', path: '/evaluationDate', message: { zh: `自评价应在项目验收后12至24个月内（${w.from}至${w.to}）开展。`, en: `The self-evaluation must fall 12–24 months after acceptance (${w.from} to ${w.to}).` } });
  }
  if (i.operationStartDate > i.evaluationDate) {
    out.push({ rule: 'K6', severity: 'error', path: '/operationStartDate', message: { zh: '投入运行日期晚于评价日期。', en: 'Operation starts after the evaluation date.' } });
  }
  // K7: recipients = approving department and finance department.
  const to = new Set(i.recipients.map(zhOf));
  if (!to.has(zhOf(i.project.approvingDepartment))) {
    out.push({ rule: 'K7', severity: 'error', path: '/recipients', message: { zh: '自评价报告应报送项目审批部门。', en: 'The self-evaluation must go to the approving department.' } });
  }
  const finance = zhOf(i.project.financeDepartment);
  if (!finance || !to.has(finance)) {
    out.push({ rule: 'K7', severity: 'error', path: finance ? '/recipients' : '/project/financeDepartment', message: { zh: '自评价报告应报送财政部门。', en: 'The self-evaluation must go to the finance department.' } });
  }
  // K8: weights sum to 100, scores within weights, total and grade consistent.
  const weights = sum(i.indicatorTree.map((r) => r.weight));
  if (Math.abs(weights - 100) > TOLERANCE) {
    out.push({ rule: 'K8', severity: 'error', path: '/indicatorTree', message: { zh: `指标权重合计为${weights}，应为100。`, en: `Indicator weights add up to ${weights}, not 100.` } });
  }
  i.indicatorTree.forEach((r, n) => {
    if (r.score > r.weight + 1e-9) {
      out.push({ rule: 'K8', severity: 'error', path: `/indicatorTree/${n}/score`, message: { zh: '得分不能高于权重分。', en: 'A score cannot exceed its weight.' } });
    }
  });
  const scores = sum(i.indicatorTree.map((r) => r.score));
  if (Math.abs(scores - i.totalScore) > TOLERANCE) {
    out.push({ rule: 'K8', severity: 'error', path: '/totalScore', message: { zh: `总分应为各指标得分之和${scores}。`, en: `The total score must equal the sum of the scores, ${scores}.` } });
  }
  if (gradeFor(i.totalScore) !== i.grade) {
    out.push({ rule: 'K8', severity: 'error', path: '/grade', message: { zh: '评价等级与总分所在分档不符（优≥90，良80—90，中60—80，差<60）。', en: 'The grade does not match the score band (excellent ≥ 90, good 80–90, fair 60–80, poor < 60).' } });
  }
  if (i.framework === 'custom' && !i.frameworkName) {
    out.push({ rule: 'K8', severity: 'warning', path: '/frameworkName', message: { zh: '自定义指标体系应写明名称。', en: 'A custom framework should be named.' } });
  }
  // K9: every approved indicator appears in the indicator tree.
  i.project.performanceTargets.forEach((t, n) => {
    if (!i.indicatorTree.some((r) => zhOf(r.level3) === zhOf(t.indicator))) {
      out.push({ rule: 'K9', severity: 'warning', path: `/project/performanceTargets/${n}`, message: { zh: `批复的绩效指标“${zhOf(t.indicator)}”未列入评价指标体系。`, en: `Approved indicator "${zhOf(t.indicator)}" is missing from the indicator tree.` } });
    }
  });
}

/** Findings of K1–K9 for a schema-valid input; an empty list means the report may be rendered and filed. */
export function performanceChecks(i: PerformanceEvaluationInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (i.kind === 'annual') annualChecks(i, out);
  else selfEvaluationChecks(i, out);
  return out;
}
