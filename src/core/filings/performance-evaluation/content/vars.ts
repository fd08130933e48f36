// The values the performance report's catalogue sentences are filled with, per kind, in one language.
import type { ContentContext } from '../../content-context.ts';
import { pct, qty, ratio } from '../../prose/numbers.ts';
import { wholeMonthsBetween } from '../../prose/periods.ts';
import { joinTexts } from '../../prose/punctuation.ts';
import { zhOf } from '../../prose/bilingual.ts';
import { sumWan } from '../../../format/format.ts';
import { acceptedInOperation, milestoneStatus, selfEvaluationWindow, sumPoints } from '../figures.ts';
import { formatCitation } from '../../../regulations/documents.ts';
import { citeMeasure, profileData } from '../../../regulations/profiles.ts';
import type { AnnualReport, SelfEvaluation } from '../schema.ts';

/** The article of the profile's own measure that requires the report, as the report cites it. */
function basisOf(l: ContentContext, profile: string, what: 'annualReport' | 'selfEvaluation'): string {
  const p = profileData(profile);
  return formatCitation(citeMeasure(p, p[what].article), l.lang);
}

export function annualVars(i: AnnualReport, l: ContentContext): Record<string, string | number> {
  const p = i.project;
  const plan = i.investment.plan;
  const issued = sumWan(plan.map((r) => r.issued));
  const received = sumWan(plan.map((r) => r.received));
  const spent = sumWan(plan.map((r) => r.spent));
  const statuses = i.milestones.map((m) => milestoneStatus(m, i.reportDate));
  const count = (s: string) => statuses.filter((x) => x === s).length;
  const ind = (s: string) => i.indicators.filter((r) => r.status === s).length;
  return {
    project: l.text(p.name),
    basis: basisOf(l, p.jurisdiction.profile, 'annualReport'),
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
    remaining: l.wan(Math.max(0, sumWan([p.totalInvestment, -i.investment.cumulativeSpent]))),
    indicators: i.indicators.length,
    met: ind('met'),
    onTrack: ind('on-track'),
    behind: ind('behind') + ind('not-met'),
    recipients: joinTexts(l, i.recipients),
    department: l.text(p.approvingDepartment),
  };
}

/** The level-1 indicators with their rows, in order of first appearance. */
export function byLevel1(rows: SelfEvaluation['indicatorTree']): Array<{ label: SelfEvaluation['indicatorTree'][number]['level1']; rows: SelfEvaluation['indicatorTree'] }> {
  const groups: Array<{ key: string; label: SelfEvaluation['indicatorTree'][number]['level1']; rows: SelfEvaluation['indicatorTree'] }> = [];
  for (const r of rows) {
    const key = zhOf(r.level1);
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, label: r.level1, rows: [] }));
    g.rows.push(r);
  }
  return groups;
}

export function frameworkName(i: SelfEvaluation, l: ContentContext): string {
  return i.framework === 'custom' && i.frameworkName ? l.text(i.frameworkName) : l.label(`framework_${i.framework}`);
}

export function selfVars(i: SelfEvaluation, l: ContentContext): Record<string, string | number> {
  const p = i.project;
  const groups = byLevel1(i.indicatorTree);
  const base = acceptedInOperation(i);
  const window = selfEvaluationWindow(base, p.jurisdiction.profile);
  return {
    project: l.text(p.name),
    basis: basisOf(l, p.jurisdiction.profile, 'selfEvaluation'),
    acceptance: l.date(i.acceptanceDate),
    operation: l.date(i.operationStartDate),
    base: l.date(base),
    evaluation: l.date(i.evaluationDate),
    months: wholeMonthsBetween(base, i.evaluationDate),
    windowFrom: l.date(window.from),
    windowTo: l.date(window.to),
    shift: window.close.shifted ? l.label('windowShifted', { nominal: l.date(window.close.nominal) }) : '',
    approved: l.wan(p.totalInvestment),
    actual: l.wan(i.actualInvestment),
    budgetRate: pct(l, ratio(i.actualInvestment, p.totalInvestment)),
    savings: l.wan(Math.max(0, sumWan([p.totalInvestment, -i.actualInvestment]))),
    framework: frameworkName(i, l),
    indicators: i.indicatorTree.length,
    level1: groups.length,
    weights: groups.map((g) => l.labelInline('weightPart', { name: l.text(g.label), weight: qty(sumPoints(g.rows.map((r) => r.weight))) })).join(l.lang === 'en' ? ', ' : '、'),
    score: qty(i.totalScore),
    grade: l.label(`grade_${i.grade}`),
    department: l.text(p.approvingDepartment),
    recipients: joinTexts(l, i.recipients),
  };
}
